@testable import SiteCore

/// A small vocabulary for decoder tests, in the contract's YAML.
enum VocabularyFixture {
  static let files: [VocabularyFile: (path: String, text: String)] = [
    .countries: ("countries.yml", """
      - code: ECU
        name: Ecuador
        formal: {en: Republic of Ecuador, es: República del Ecuador}
        region: Latin American and Caribbean States
      - code: CHN
        name: {en: China, zh: 中国, fr: Chine}
        region: Asia-Pacific States
      - code: ITA
        name: Italy
      - code: MEX
        name: Mexico
      """),
    .bodies: ("bodies.yml", """
      - code: UPR
        name: Universal Periodic Review
        mechanism: upr
      - code: CRC
        name: Committee on the Rights of the Child
        mechanism: treaty-body
      """),
    .themes: ("themes.yml", """
      - slug: international-cooperation
        name: International cooperation
      - slug: climate-change
        name: Climate change
      - name: Right to education
      """),
    .affectedPersons: ("affected-persons.yml", """
      - slug: children
        name: Children
      - name: Persons living with HIV/AIDS
      """),
    .sdgs: ("sdgs.yml", """
      - goal: 13
        name: Climate action
        targets: ["13.1", "13.2", "13.3", "13.a", "13.b"]
      - goal: 16
        name: Peace, justice and strong institutions
        targets: ["16.1", {code: "16.a", name: Strong institutions}]
      - goal: 17
        name: Partnerships for the goals
        targets: ["17.9"]
      """),
  ]

  static let vocabulary = try! VocabularyDecoder().decode(files).get()
}
