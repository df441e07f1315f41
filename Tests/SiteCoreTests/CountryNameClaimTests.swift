import Testing

@testable import SiteCore

@Suite("countries.yml: formal names, and names that two entries claim")
struct CountryNameClaimTests {
  static func decode(_ countries: String) -> Result<Vocabulary, DiagnosticError> {
    var files = VocabularyFixture.files
    files[.countries] = ("vocabularies/countries.yml", countries)
    return VocabularyDecoder().decode(files)
  }

  @Test("a formal name is read per language; one equal to the entry's own name is no conflict")
  func formalNames() throws {
    let v = try Self.decode("""
      - code: ECU
        name: {en: Ecuador, fr: Équateur}
        formal: {en: Republic of Ecuador, fr: "République de l'Équateur", zh: 厄瓜多尔共和国}
      - code: AUS
        name: Australia
        formal: {en: australia}
      """).get()
    let ecuador = try #require(v.countryByCode["ECU"]?.formal)
    #expect(ecuador.text(in: "fr") == "République de l'Équateur" && ecuador.text(in: "zh") == "厄瓜多尔共和国")
    #expect(!ecuador.has("ru"))
    #expect(v.countryByCode["AUS"]?.allNames == ["Australia", "australia"])
  }

  @Test("a formal name or alias that another entry already has is an error at its value, naming both entries")
  func collisions() throws {
    let text = """
      - code: ECU
        name: Ecuador
        formal: {en: Republic of Ecuador, fr: "République de l'Équateur"}
      - code: ITA
        name: Italy
        formal: {en: Italian Republic, fr: "REPUBLIQUE DE L’EQUATEUR"}
      - code: MEX
        name: Mexico
        aliases: [Mexique, ecuador]
        formal: {en: Italy}
      - code: CHN
        name: {en: China, fr: Mexique}
      """
    guard case .failure(let error) = Self.decode(text) else {
      Issue.record("colliding names were accepted")
      return
    }
    // The line of each value, its field, and the entry that had the name first; the column is
    // where the value (or its opening quote) starts on that line.
    let expected: [(line: Int, field: String, name: String, first: String)] = [
      (6, "formal", "REPUBLIQUE DE L’EQUATEUR", "ECU"), (9, "aliases", "ecuador", "ECU"),
      (10, "formal", "Italy", "ITA"), (12, "name", "Mexique", "MEX"),
    ]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func column(_ line: Int, _ name: String) -> Int {
      let text = lines[line - 1]
      let start = text.range(of: "\"" + name)?.lowerBound ?? text.range(of: name)!.lowerBound
      return text.distance(from: text.startIndex, to: start) + 1
    }
    let found = error.diagnostics.filter { $0.message.contains("is already a name of") }
    #expect(found.count == expected.count, "\(error.diagnostics)")
    for (diagnostic, want) in zip(found, expected) {
      #expect(diagnostic.location?.path == "vocabularies/countries.yml")
      #expect(diagnostic.location?.line == want.line && diagnostic.location?.column == column(want.line, want.name), "\(diagnostic)")
      #expect(diagnostic.field == want.field)
      #expect(diagnostic.message.contains("\"\(want.name)\"") && diagnostic.message.hasSuffix("a name of \(want.first)"), "\(diagnostic.message)")
    }
  }
}
