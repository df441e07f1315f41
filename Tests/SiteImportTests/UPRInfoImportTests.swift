import Foundation
import Testing

@testable import SiteCore
@testable import SiteImport

@Suite("Importing UPR Info's CSV export")
struct UPRInfoImportTests {
  @Test("every country name of the UPR Info export maps to a code of countries.yml, or is a known non-State")
  func everyCountryName() throws {
    let importer = UPRInfoImporter(mappings: ImportFixture.mappings, vocabulary: ImportFixture.vocabulary)
    let names = try ImportFixture.lines("upr-info-country-names.txt")
    #expect(names.count == 196)
    for name in names {
      let code = importer.countries.match(name)?.code
      #expect(code != nil || importer.noState.contains(LabelKey.make(name)), "\(name) maps to nothing")
      if let code { #expect(ImportFixture.vocabulary.countryByCode[CountryCode(code)] != nil) }
    }
    #expect(importer.countries.match("DPR Korea")?.code == "PRK")
    #expect(importer.countries.match("Macedonia FYR")?.code == "MKD")
    #expect(importer.countries.match("St Vincent & the Grenadines")?.code == "VCT")
    #expect(importer.countries.match("Cote d'Ivoire")?.code == "CIV")
    #expect(importer.countries.match("Ecuador")?.code == "ECU")
  }

  @Test("each of the 54 issue labels is in the issue table, and the table only names slugs of the vocabularies")
  func everyIssue() throws {
    let labels = try ImportFixture.lines("upr-info-issues.txt")
    #expect(labels.count == 54)
    #expect(Set(ImportFixture.mappings.issues.keys) == Set(labels))
    #expect(ImportFixture.mappings.issues["Rights of the Child"] == IssueTerms(themes: ["children-general-principles-and-protection"], affectedPersons: ["children"]))
    #expect(ImportFixture.mappings.issues["Torture and other CID treatment"] == IssueTerms(themes: ["prohibition-of-torture"], affectedPersons: []))
    #expect(ImportFixture.mappings.issues["General"] == IssueTerms(themes: [], affectedPersons: []))
    let mapped = ImportFixture.mappings.issues.values.filter { !$0.themes.isEmpty || !$0.affectedPersons.isEmpty }
    #expect(mapped.count == 52, "all labels but General and Other add a term")
  }

  @Test("a session gives the date of its first day and its cycle")
  func sessions() {
    let sessions = ImportFixture.mappings.sessions
    #expect(sessions.count == 20)
    #expect(sessions[1]?.start == "2008-04-07")
    #expect(sessions[12]?.start == "2011-10-03")
    #expect(sessions[13]?.start == "2012-05-21")
    #expect(sessions[20]?.start == "2014-10-27")
    #expect((1...20).allSatisfy { sessions[$0]!.start <= sessions[$0]!.end })
    #expect((1...19).allSatisfy { sessions[$0]!.end < sessions[$0 + 1]!.start })
    #expect([1, 12, 13, 26, 27, 40, 41, 54, 55].map(UPRSession.cycle(ofSession:)) == [1, 1, 2, 2, 3, 3, 4, 4, nil])
  }

  @Test("a mapping table that names an unknown code or slug stops the import with its file and line")
  func badMapping() {
    let issues = MappingFile(path: "issues.yml", text: "Corruption: {themes: [corruption]}\nJustice: {themez: []}\n")
    #expect(throws: DiagnosticError.self) {
      try UPRInfoMappings(countries: ImportFixture.mapping("upr-info-countries.yml"), issues: issues,
        sessions: ImportFixture.mapping("upr-sessions.yml"), vocabulary: ImportFixture.vocabulary)
    }
    do {
      _ = try UPRInfoMappings(countries: ImportFixture.mapping("upr-info-countries.yml"), issues: issues,
        sessions: ImportFixture.mapping("upr-sessions.yml"), vocabulary: ImportFixture.vocabulary)
    } catch {
      #expect(error.diagnostics.map(\.description) == [
        "issues.yml:1:23: error: \"corruption\" is not a slug in themes.yml",
        "issues.yml:2:19: error: unknown key \"themez\": expected themes and affected_persons",
      ])
    }
  }

  @Test("a row becomes a file with a synthetic document and paragraph, its codes, date, cycle and response")
  func fullRow() throws {
    let content = ImportFixture.temporaryFolder("upr-row") + "/Content"
    _ = try ImportFixture.importUPRInfo(into: content)
    #expect(ImportFixture.read(content + "/recommendations/afg/upr-info-s5-afg-2.md") == """
      ---
      id: upr-info-s5-afg-2
      document: "UPR-INFO/S5/AFG"
      paragraph: "2"
      country: AFG
      mechanism: upr
      body: UPR
      date: 2009-05-04
      cycle: 1
      session: 5
      recommending_states: [CZE, DEU]
      response: noted
      themes: [ratification-of-international-instruments, conditions-of-detention]
      affected_persons: [persons-deprived-of-liberty]
      language: en
      source_url: "none"
      ---
      Consider ratifying the "Optional Protocol", as recommended by the Committee;
      and report on it, in particular on:
      \\- detention conditions.

      """)
    #expect(ImportFixture.read(content + "/recommendations/civ/upr-info-s6-civ-1.md")?.hasSuffix("""
      themes: [administration-of-justice-and-fair-trial, prohibition-of-torture]
      language: en
      source_url: "none"
      ---
      Réviser le Code pénal — café & crème \\* \\_emphasis\\_ \\<b>bold\\</b> \\[link\\](http://x)

      """) == true)
    let korea = try #require(ImportFixture.read(content + "/recommendations/prk/upr-info-s19-prk-1.md"))
    #expect(korea.contains("date: 2014-04-28\ncycle: 2\nsession: 19\nrecommending_states: [GBR]\nresponse: noted\n"))
    #expect(korea.hasSuffix("---\n18\\. Ensure access to food for all.\n"))
  }

  @Test("unmapped values are reported with their file and line; pledges are counted, not imported")
  func unmappedValues() throws {
    let content = ImportFixture.temporaryFolder("upr-unmapped") + "/Content"
    let report = try ImportFixture.importUPRInfo(into: content)
    #expect(report.rowsRead == 9)
    #expect(report.written == 6)
    #expect(report.rowsIgnored == ["voluntary pledges (not recommendations)": 1])
    #expect(report.rowsSkipped == 2)
    let problems = report.problems.map { "\($0.place) [\($0.field.rawValue)] \($0.value): \($0.effect.rawValue)" }
    #expect(problems == [
      "upr-info-sample.csv:7 [recommending state] (Unknown): notes",
      "upr-info-sample.csv:8 [country] Atlantis: rows not imported",
      "upr-info-sample.csv:9 [recommending state] Mordor: imported without the value",
      "upr-info-sample.csv:9 [issue] Space law: imported without the value",
      "upr-info-sample.csv:11 [session] 21: rows not imported",
    ])
    let lucia = try #require(ImportFixture.read(content + "/recommendations/lca/upr-info-s20-lca-1.md"))
    #expect(!lucia.contains("recommending_states"))
    #expect(lucia.contains("response: pending\nthemes: [death-penalty]\n"))
    let reportFile = try #require(ImportFixture.read(content + "/import-report.txt"))
    #expect(reportFile.contains("[country] \"Atlantis\" — 1 row:\n  upr-info-sample.csv:8\n"))
    #expect(reportFile.contains("[issue] \"Space law\" — 1 row:\n  upr-info-sample.csv:9\n"))
    #expect(report.summary.contains("unmapped session: 1 value in 1 row (rows not imported)"))
  }

  @Test("a folder of CSV files is read in file-name order and a folder without any is an error")
  func folders() throws {
    let input = ImportFixture.temporaryFolder("upr-input")
    try FileManager.default.copyItem(atPath: ImportFixture.uprInfoCSV, toPath: input + "/b.csv")
    try Data("To,Text,From,Response,Issue,Session\rEcuador,Protect rivers.,Peru,Accepted,Environment,13\r".utf8)
      .write(to: URL(fileURLWithPath: input + "/a.csv"))
    let content = ImportFixture.temporaryFolder("upr-folder") + "/Content"
    let report = try ImportFixture.importUPRInfo(into: content, input: input)
    #expect(report.written == 7)
    #expect(report.problems.first?.place == "b.csv:7")
    #expect(ImportFixture.read(content + "/recommendations/ecu/upr-info-s13-ecu-1.md")?.contains("date: 2012-05-21\ncycle: 2\n") == true)
    #expect(throws: ImportFailure.self) { try ImportFixture.importUPRInfo(into: content, input: ImportFixture.temporaryFolder("empty")) }
  }
}
