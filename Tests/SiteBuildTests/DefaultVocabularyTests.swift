import Foundation
import SiteDefaults
import Testing
import Yams

@testable import SiteBuild
@testable import SiteCore
import SiteSearch

@Suite("The default vocabularies")
struct DefaultVocabularyTests {
  static let vocabulary: Vocabulary = {
    var files: [VocabularyFile: (path: String, text: String)] = [:]
    // institutions.yml is optional: HRIndex ships none.
    for kind in VocabularyFile.allCases where kind != .institutions { files[kind] = (kind.fileName, DefaultFiles.vocabularies[kind.fileName]!) }
    return try! VocabularyDecoder().decode(files).get()
  }()

  @Test("countries: the 193 Member States in the five regional groups, both observer States, and territories")
  func countries() {
    let v = Self.vocabulary
    let groups = ["African States", "Asia-Pacific States", "Eastern European States",
                  "Latin American and Caribbean States", "Western European and other States"]
    #expect(Set(v.regions) == Set(groups))
    #expect(v.countryByCode["VAT"] != nil && v.countryByCode["PSE"] != nil)
    #expect(v.countryByCode["XKX"] != nil && v.countryByCode["HKG"] != nil)
    let text = DefaultFiles.vocabularies["countries.yml"]!
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.filter { $0 == "status: member" }.count == 193)
    #expect(lines.filter { $0 == "status: observer" }.count == 2)
    for code in ["ECU", "VUT", "CHN", "FRA", "RUS", "ZAF", "USA", "SSD", "TUR"] { #expect(v.countryByCode[CountryCode(code)] != nil, "\(code)") }
  }

  @Test("every country has its name in the six UN languages")
  func countryNames() {
    for country in Self.vocabulary.countries {
      for language in ["en", "fr", "es", "ru", "zh", "ar"] {
        #expect(country.name.has(language), "\(country.code) has no \(language) name")
      }
    }
  }

  @Test("every UN Member State and observer State has a formal name in the six UN languages, as the decoder reads it")
  func formalNames() throws {
    // The file as Yams reads it, not through the app's decoder.
    let entries = try #require(try Yams.load(yaml: DefaultFiles.vocabularies["countries.yml"]!) as? [[String: Any]])
    let states = entries.filter { ["member", "observer"].contains($0["status"] as? String) }
    #expect(states.count == 195)
    for entry in states {
      let code = try #require(entry["code"] as? String)
      let formal = entry["formal"] as? [String: String] ?? [:]
      let decoded = Self.vocabulary.countryByCode[CountryCode(code)]?.formal
      for language in ["en", "fr", "es", "ru", "zh", "ar"] {
        let text = formal[language] ?? ""
        #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(code) has no \(language) formal name")
        #expect(decoded?.has(language) == true && decoded?.text(in: language) == text, "\(code) \(language)")
        // Written without UNTERM's leading article and footnote marks.
        #expect(!["the ", "la ", "le ", "les ", "l'", "el ", "los ", "las "].contains { text.hasPrefix($0) } && !text.hasSuffix("*"), "\(text)")
      }
    }
  }

  @Test("search matches a State's names (each in its language) and aliases (no language), not the words only its formal names have")
  func searchNames() throws {
    let entries = try #require(try Yams.load(yaml: DefaultFiles.vocabularies["countries.yml"]!) as? [[String: Any]])
    let names = try #require(SiteBuilder.names(Self.vocabulary, [:])[.country])
    for entry in entries {
      let code = try #require(entry["code"] as? String)
      let written = (entry["name"] as? [String: String] ?? [:]).map { SearchName($1, language: $0) }
        + (entry["aliases"] as? [String] ?? []).map { SearchName($0) }
      let searchable = Set(names[code.lowercased()] ?? [])
      #expect(searchable == Set(written), "\(code)")
    }
    let texts = { (code: String) in names[code]?.map(\.text) ?? [] }
    #expect(texts("tur").contains("Turkey") && !texts("fra").contains("French Republic"))
    #expect(names["fra"]?.contains(SearchName("Francia", language: "es")) == true)
  }

  @Test("every default name — body, theme, affected group, goal, target, regional group — is given in the six UN languages")
  func everyNameInSixLanguages() {
    let v = Self.vocabulary
    var named: [(String, LocalizedText)] = v.countries.map { ($0.code.rawValue, $0.name) } + v.bodies.map { ($0.code, $0.name) }
    named += (v.themes + v.affectedPersons).map { ($0.slug, $0.name) } + v.goals.map { ("goal \($0.number)", $0.name) }
    named += v.goals.flatMap(\.targets).map { ($0.code, $0.name ?? LocalizedText(translations: [])) }
    named += v.regions.map { ($0, v.regionNames[$0] ?? LocalizedText(translations: [])) }
    #expect(named.count == 227 + 70 + 106 + 30 + 17 + 169 + 5)
    for (key, name) in named {
      for language in ["en", "fr", "es", "ru", "zh", "ar"] {
        let text = name.translations.first { $0.language == language }?.text ?? ""
        #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) has no \(language) name")
      }
    }
  }

  @Test("a vocabulary entry's source must be text, and an unknown region keeps its English name")
  func sourceAndRegions() {
    var files: [VocabularyFile: (path: String, text: String)] = [:]
    for kind in VocabularyFile.allCases { files[kind] = DefaultFiles.vocabularies[kind.fileName].map { (kind.fileName, $0) } }
    files[.regions] = ("regions.yml", "- name: {en: African States, fr: \"États d'Afrique\"}\n  source: [1, 2]\n")
    guard case .failure(let error) = VocabularyDecoder().decode(files) else {
      Issue.record("a list as source was accepted")
      return
    }
    #expect(error.diagnostics.contains { $0.field == "source" && $0.location?.line == 2 }, "\(error.diagnostics)")
    files[.regions] = ("regions.yml", "- name: {en: African States, fr: \"États d'Afrique\"}\n  source: hrindex\n")
    let v = try! VocabularyDecoder().decode(files).get()
    #expect(v.regionName("African States", in: "fr") == "États d'Afrique")
    #expect(v.regionName("Eastern European States", in: "fr") == "Eastern European States")
    files[.regions] = nil
    #expect((try? VocabularyDecoder().decode(files).get())?.regionNames.isEmpty == true)
  }

  @Test("bodies: the UPR, the ten treaty bodies, the CRC optional protocols and the special procedures")
  func bodies() {
    let v = Self.vocabulary
    for code in ["UPR", "CCPR", "CESCR", "CERD", "CEDAW", "CAT", "CRC", "CMW", "CRPD", "CED", "SPT", "CRC-OP-SC", "CRC-OP-AC"] {
      #expect(v.bodyByCode[code] != nil, "\(code)")
    }
    #expect(v.bodies.filter { $0.mechanism == .treatyBody }.count == 12)
    #expect(v.bodies.filter { $0.mechanism == .specialProcedure }.count >= 50)
  }

  @Test("SDGs: 17 goals named in six languages and all 169 targets")
  func sdgs() {
    let v = Self.vocabulary
    #expect(v.goals.map(\.number) == Array(1...17))
    #expect(v.goals.flatMap(\.targets).count == 169)
    #expect(v.targetByCode["16.a"]?.goal == 16)
    #expect(v.goals.allSatisfy { g in ["en", "fr", "es", "ru", "zh", "ar"].allSatisfy { g.name.has($0) } })
  }

  @Test("themes and affected persons include UHRI's labels with ASCII slugs")
  func terms() {
    let v = Self.vocabulary
    #expect(v.themes.count >= 100)
    #expect(v.affectedPersons.count >= 25)
    for slug in ["climate-change", "international-cooperation", "right-to-education"] { #expect(v.themeBySlug[slug] != nil) }
    #expect(v.affectedPersonBySlug["persons-living-with-hiv-aids"]?.name.text(in: "en") == "Persons living with HIV/AIDS")
    #expect((v.themes + v.affectedPersons).allSatisfy { Slug.isValid($0.slug) })
  }
}
