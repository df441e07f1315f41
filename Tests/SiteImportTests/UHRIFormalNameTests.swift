import Foundation
import Testing
import Yams

@testable import SiteCore
@testable import SiteImport

/// UN formal names as UHRI could write them, read from `Vocabularies/countries.yml` by Yams
/// (not by the app's decoder), each imported as the `Countries` of the hand-made record.
@Suite("Importing UHRI records that name their State by its UN formal name")
struct UHRIFormalNameTests {
  static let languages = ["en", "fr", "es", "ru", "zh", "ar"]

  /// code → (short names, formal names by language), as Yams reads the file.
  static func entries() throws -> [(code: String, names: [String], formal: [String: String])] {
    let text = try String(contentsOfFile: ImportFixture.repository.path + "/Vocabularies/countries.yml", encoding: .utf8)
    let list = try #require(try Yams.load(yaml: text) as? [[String: Any]])
    return list.compactMap { entry in
      guard let code = entry["code"] as? String, let formal = entry["formal"] as? [String: String] else { return nil }
      let name = entry["name"] as? [String: String] ?? [:]
      return (code, Array(name.values), formal)
    }
  }

  /// A formal name that is also a short name (in any language, any letter case) reads as a name;
  /// any other one is mapped by alias (the file has none that differ from a short name by accents only).
  @Test("every formal name in the six languages imports as its State, counted as mapped by alias unless it is a short name")
  func everyFormalName() throws {
    let entries = try Self.entries()
    #expect(entries.count >= 195)
    var records: [[String: Any]] = []
    var expected: [(label: String, code: String, noted: Bool)] = []
    for entry in entries {
      for language in Self.languages {
        let label = try #require(entry.formal[language], "\(entry.code) has no \(language) formal name")
        var r = try RealUHRI.record(.handMade)
        r["AnnotationId"] = String(format: "f0000000-0000-4000-8000-%012d", records.count)
        r["Countries"] = [label]
        records.append(r)
        expected.append((label, entry.code, !entry.names.contains { $0.lowercased() == label.lowercased() }))
      }
    }
    let run = try RealUHRI.importing(records)
    #expect(run.report.rowsRead == records.count && run.report.rowsImported == records.count)
    for (n, (label, code, noted)) in expected.enumerated() {
      let id = String(format: "uhri-f0000000-0000-4000-8000-%012d", n)
      let file = run.files["recommendations/\(code.lowercased())/\(id).md"]
      #expect(file.map { RealUHRI.frontMatter($0)["country"] } == code, "\(label) → \(code)")
      let effects = run.report.problems.filter { $0.place.hasSuffix("(record \(n + 1))") }.map(\.effect)
      #expect(effects == (noted ? [.mappedByAlias] : []), "\(label)")
    }
    let notedCount = expected.filter(\.noted).count
    #expect(notedCount > 700)
    #expect(run.report.summary.contains("country mapped: \(notedCount) values in \(notedCount) rows (labels mapped by alias)"))
  }

  @Test("formal names with UNTERM's articles, and short names with its trailing article, map too",
        arguments: [
          ("the Plurinational State of Bolivia", "BOL"), ("l'État plurinational de Bolivie", "BOL"),
          ("el Estado Plurinacional de Bolivia", "BOL"), ("Многонациональное Государство Боливия", "BOL"),
          ("法兰西共和国", "FRA"), ("دولة بوليفيا المتعددة القوميات", "BOL"), ("The Gambia", "GMB"),
          ("Gambia (the)", "GMB"), ("Afghanistan (l')", "AFG"), ("the State of Palestine *", "PSE"),
          ("  - REPUBLIQUE FRANCAISE ", "FRA"), ("Republic of Turkey", "TUR"), ("Republic of Türkiye", "TUR"),
        ])
  func articles(_ label: String, _ code: String) throws {
    var r = try RealUHRI.record(.handMade)
    r["Countries"] = [label]
    let run = try RealUHRI.importing([r])
    #expect(run.files["recommendations/\(code.lowercased())/\(UHRIRecordSource.handMade.expectedID).md"] != nil)
    #expect(run.report.problems.map(\.effect) == [.mappedByAlias])
  }

  @Test("an article alone, or before a name of no State, still maps to nothing")
  func articleAlone() throws {
    for label in ["the", "l'", "la Atlantide", "Utopia (the)"] {
      var r = try RealUHRI.record(.handMade)
      r["Countries"] = [label]
      #expect(try RealUHRI.importing([r]).report.rowsImported == 0, "\(label)")
    }
  }

  @Test("UPR Info's To and From columns read formal names too, counted as mapped by alias")
  func uprInfo() throws {
    var importer = UPRInfoImporter(mappings: ImportFixture.mappings, vocabulary: ImportFixture.vocabulary)
    let header = ["To", "Text", "From", "Response", "Issue", "Session"]
    let columns = try UPRInfoImporter.Columns(header: header)
    var problems: [ImportProblem] = []
    let row = importer.row(["Plurinational State of Bolivia", "Ratify the Convention.", "République française, Ecuador", "Supported", "", "5"],
      columns, at: "upr.csv:2", problems: &problems)
    guard case .recommendation(let r) = row else {
      Issue.record("the row was not imported: \(problems)")
      return
    }
    #expect(r.country == "BOL" && r.recommendingStates == ["FRA", "ECU"])
    #expect(problems.map(\.field) == [.country, .recommendingState] && problems.allSatisfy { $0.effect == .mappedByAlias })
  }
}
