import Foundation
import Testing

@testable import SiteCore
@testable import SiteImport

/// A record in the shape of OHCHR's export — the hand-made one committed under Fixtures/ on every
/// run, and the one verbatim record of the export (shared/data/uhri, beside the repository) when it
/// is there — and variants of it made here, one field changed at a time: a UUID type, empty
/// `Countries`, a duplicate id, a blank text, an unknown label, and (the real export's list of
/// values only) every country spelling of the 2026 export.
@Suite("Importing a UHRI record (hand-made, and the real one when shared/data has it) and its label variants")
struct UHRIRealRecordTests {
  @Test("the record imports with every field as written", arguments: UHRIRecordSource.available)
  func realRecord(_ source: UHRIRecordSource) throws {
    let record = try RealUHRI.record(source)
    let run = try RealUHRI.importing([record])
    #expect(run.report.rowsRead == 1 && run.report.rowsImported == 1 && run.report.problems.isEmpty)
    let file = try #require(run.files["recommendations/per/\(source.expectedID).md"])
    let fields = RealUHRI.frontMatter(file)
    #expect(fields["id"] == source.expectedID)
    #expect(fields["document"] == "\"\(record["Symbol"] as! String)\"")
    #expect(fields["country"] == "PER")
    #expect(fields["mechanism"] == "treaty-body" && fields["body"] == "CRC" && fields["type"] == "observation")
    #expect(fields["date"] == String((record["PublicationDate"] as! String).prefix(10)))
    #expect(fields["language"] == "en")
    // The paragraph number is what precedes the first "." of the text; the text is the rest.
    let text = record["Text"] as! String
    let dot = text.firstIndex(of: ".")!
    #expect(fields["paragraph"] == "\"\(text[..<dot])\"")
    #expect(RealUHRI.body(file) == text[text.index(after: dot)...].trimmingCharacters(in: .whitespaces) + "\n")
    // Each SDG label starts with its target code; each theme and group label names a vocabulary term.
    let sdgs = (record["Sdgs"] as! [String]).map { "\"" + $0.components(separatedBy: " - ")[0] + "\"" }
    #expect(fields["sdgs"] == "[" + sdgs.joined(separator: ", ") + "]")
    #expect(fields["themes"] == "[" + RealUHRI.slugs(record["Themes"] as! [String], RealUHRI.vocabulary.themes).joined(separator: ", ") + "]")
    #expect(fields["affected_persons"] == "[" + RealUHRI.slugs(record["AffectedPersons"] as! [String], RealUHRI.vocabulary.affectedPersons).joined(separator: ", ") + "]")
    #expect(fields["cycle"] == nil && fields["response"] == nil && fields["recommending_states"] == nil)
  }

  @Test("the hand-made record has the real record's fields, each with the same JSON type", .enabled(if: RealUHRI.available))
  func handMadeShape() throws {
    let (handMade, real) = (try RealUHRI.record(.handMade), try RealUHRI.record(.shared))
    #expect(handMade.keys.sorted() == real.keys.sorted())
    for (key, value) in real {
      #expect(RealUHRI.jsonType(handMade[key]!) == RealUHRI.jsonType(value), "\(key)")
    }
  }

  /// The spellings the issue names, with the State each stands for (ISO 3166-1, UN names).
  static let spellings: [String: String] = [
    "Netherlands": "NLD", "Turkey": "TUR", "State of Palestine*": "PSE", "Kosovo*": "XKX", "European Union": "EUU",
    "PK": "PAK", "MY": "MYS", "ID": "IDN", "IQ": "IRQ", "AU": "AUS", "CO": "COL", "ET": "ETH", "SV": "SLV",
    "MV": "MDV", "CZ": "CZE", "GH": "GHA", "ES": "ESP", "SG": "SGP",
  ]

  @Test("every Countries value of the 2026 export maps: names, aliases, footnote marks, alpha-2 codes, the EU",
        .enabled(if: RealUHRI.available))
  func everyCountrySpelling() throws {
    let values = try RealUHRI.countryValues()
    #expect(values.count == 212)
    var records: [[String: Any]] = []
    for (n, value) in values.enumerated() {
      var r = try RealUHRI.record(.shared)
      r["AnnotationId"] = String(format: "00000000-0000-4000-8000-%012d", n)
      r["Countries"] = [value]
      records.append(r)
    }
    let run = try RealUHRI.importing(records)
    #expect(run.report.rowsImported == values.count)
    #expect(!run.report.problems.contains { !$0.effect.isAlteration })
    let byEnglishName = Dictionary(RealUHRI.vocabulary.countries.map { ($0.name.text(in: "en"), $0.code.rawValue) }) { a, _ in a }
    for (n, value) in values.enumerated() {
      let expected = try #require(Self.spellings[value] ?? byEnglishName[value], "no expectation for \(value)")
      let id = String(format: "uhri-00000000-0000-4000-8000-%012d", n)
      let file = run.files["recommendations/\(expected.lowercased())/\(id).md"]
      #expect(file.map { RealUHRI.frontMatter($0)["country"] } == expected, "\(value)")
      let altered = run.report.problems.filter { $0.place.hasSuffix("(record \(n + 1))") }
      #expect(altered.map(\.effect) == (Self.spellings[value] != nil && value != "European Union" ? [.mappedByAlias] : []), "\(value)")
    }
    #expect(run.report.summary.contains("country mapped: 17 values in 17 rows (labels mapped by alias)"))
  }

  @Test("UN names in the six languages, alpha-3 codes and noisy spellings map to their State",
        arguments: UHRIRecordSource.available)
  func otherSpellings(_ source: UHRIRecordSource) throws {
    // UN short names of Peru and of the Netherlands in the six languages (UNTERM), ISO codes.
    let spellings: [(String, String, Bool)] = [
      ("Pérou", "PER", false), ("Perú", "PER", false), ("Перу", "PER", false), ("秘鲁", "PER", false), ("بيرو", "PER", false),
      ("PER", "PER", false), ("per", "PER", false), (" - peru ", "PER", false), ("Pays-Bas (Royaume des)", "NLD", false),
      ("NLD", "NLD", false), ("NL", "NLD", true), ("Kosovo *", "XKX", true), ("Türkiye", "TUR", false), ("TURKEY", "TUR", true),
    ]
    var records: [[String: Any]] = []
    for (n, spelling) in spellings.enumerated() {
      var r = try RealUHRI.record(source)
      r["AnnotationId"] = String(format: "d0000000-0000-4000-8000-%012d", n)
      r["Countries"] = [spelling.0]
      records.append(r)
    }
    let run = try RealUHRI.importing(records)
    #expect(run.report.rowsImported == spellings.count)
    for (n, (label, code, alias)) in spellings.enumerated() {
      let id = String(format: "uhri-d0000000-0000-4000-8000-%012d", n)
      #expect(run.files["recommendations/\(code.lowercased())/\(id).md"] != nil, "\(label)")
      let noted = run.report.problems.contains { $0.place.hasSuffix("(record \(n + 1))") && $0.effect == .mappedByAlias }
      #expect(noted == alias, "\(label)")
    }
    // Two-letter text that is not upper case is not read as a code.
    var lower = try RealUHRI.record(source)
    lower["Countries"] = ["es"]
    #expect(try RealUHRI.importing([lower]).report.rowsImported == 0)
  }

  @Test("the European Union is an organization, listed apart from States")
  func europeanUnion() throws {
    let union = try #require(RealUHRI.vocabulary.countryByCode[CountryCode("EUU")])
    #expect(union.kind == .organization && !union.isState && union.region == nil)
    #expect(RealUHRI.vocabulary.countries.filter(\.isState).count == 226)
  }

  @Test("a UUID type is typed by the rule and counted; empty Countries take the State of the symbol",
        arguments: UHRIRecordSource.available)
  func typeAndSymbol(_ source: UHRIRecordSource) throws {
    var uuidType = try RealUHRI.record(source)
    uuidType["AnnotationType"] = "3f9a2c7e-1b4d-4e8f-9a6b-2c5d7e8f9a0b"
    var uprUUID = try RealUHRI.record(source)
    uprUUID["AnnotationId"] = "b0000000-0000-4000-8000-000000000002"
    uprUUID["AnnotationType"] = "3f9a2c7e-1b4d-4e8f-9a6b-2c5d7e8f9a0b"
    uprUUID["Body"] = "- UPR"
    uprUUID["Symbol"] = "A/HRC/WG.6/30/PER/1"
    var noCountry = try RealUHRI.record(source)
    noCountry["AnnotationId"] = "b0000000-0000-4000-8000-000000000003"
    noCountry["Countries"] = [String]()
    var noCountryNoState = noCountry
    noCountryNoState["AnnotationId"] = "b0000000-0000-4000-8000-000000000004"
    noCountryNoState["Symbol"] = "A/HRC/39/12"
    let run = try RealUHRI.importing([uuidType, uprUUID, noCountry, noCountryNoState])
    #expect(run.report.rowsRead == 4 && run.report.rowsImported == 3)
    let first = RealUHRI.frontMatter(try #require(run.files["recommendations/per/\(source.expectedID).md"]))
    // "The Committee reminds the State party…" (the real record), "notes" (the hand-made one): a cue of observation
    #expect(first["type"] == "observation")
    let upr = RealUHRI.frontMatter(try #require(run.files["recommendations/per/uhri-b0000000-0000-4000-8000-000000000002.md"]))
    #expect(upr["type"] == nil && upr["mechanism"] == "upr" && upr["document"] == "\"A/HRC/WG.6/30/PER/1\"")
    let derived = RealUHRI.frontMatter(try #require(run.files["recommendations/per/uhri-b0000000-0000-4000-8000-000000000003.md"]))
    #expect(derived["country"] == "PER")
    let effects = run.report.problems.map { "\($0.place.split(separator: " ").last!) \($0.field.rawValue) \($0.effect)" }
    #expect(effects == ["1) type typedByRule", "2) type typedByRule", "3) country derivedFromSymbol", "4) country rowSkipped"])
    #expect(run.report.summary.contains("type mapped: 2 values in 2 rows (types given by rule)"))
    #expect(run.report.summary.contains("country mapped: 1 value in 1 row (States taken from the document symbol)"))
    #expect(run.report.summary.contains("3 rows imported, 1 not imported"))
  }

  @Test("a duplicate id, a blank text and an unknown label are reported with their rows; the rest imports",
        arguments: UHRIRecordSource.available)
  func problemsByKind(_ source: UHRIRecordSource) throws {
    let record = try RealUHRI.record(source)
    var blank = record
    blank["AnnotationId"] = "c0000000-0000-4000-8000-000000000002"
    blank["Text"] = "  \n "
    var unknownTheme = record
    unknownTheme["AnnotationId"] = "c0000000-0000-4000-8000-000000000003"
    unknownTheme["Themes"] = ["Space exploration", "Right to health"]
    let run = try RealUHRI.importing([record, record, blank, unknownTheme])
    #expect(run.report.rowsRead == 4 && run.report.rowsImported == 2 && run.report.rowsSkipped == 2)
    let problems = run.report.problems.map { "\($0.place.split(separator: " ").last!) \($0.field.rawValue) \($0.effect)" }
    #expect(problems == ["2) duplicate id rowSkipped", "3) text rowSkipped", "4) theme valueLeftOut"])
    let kept = RealUHRI.frontMatter(try #require(run.files["recommendations/per/uhri-c0000000-0000-4000-8000-000000000003.md"]))
    #expect(kept["themes"] == "[right-to-health]")
    #expect(run.report.summary.contains("duplicate id: 1 value in 1 row (rows not imported)"))
    #expect(run.report.summary.contains("unmapped text: 1 value in 1 row (rows not imported)"))
    // The CSV report: a header and one line per problem, read back with the project's CSV reader.
    let rows = CSVReader.records(try #require(run.reportCSV)).map(\.fields)
    #expect(rows.first == ["place", "field", "value", "effect"])
    #expect(rows.dropFirst().map { $0[1] } == ["duplicate id", "text", "theme"])
    #expect(rows.dropFirst().allSatisfy { $0[0].hasPrefix("export.json:") })
  }
}

/// Where the record the tests start from comes from.
enum UHRIRecordSource: String, Sendable, CustomTestStringConvertible {
  /// `Fixtures/uhri-one-record.json`: a record written for these tests with the export's field
  /// names and value shapes (a CRC observation on Peru), there on every clone.
  case handMade
  /// `shared/data/uhri/one-real-record.json`, beside the repository: OHCHR's own record.
  case shared

  /// The hand-made record always; the real one too when it is there.
  static var available: [UHRIRecordSource] { RealUHRI.available ? [.handMade, .shared] : [.handMade] }

  var path: String {
    switch self {
    case .handMade: ImportFixture.folder + "/uhri-one-record.json"
    case .shared: RealUHRI.folder + "/one-real-record.json"
    }
  }

  /// The content id of the record (its `AnnotationId`, prefixed).
  var expectedID: String {
    switch self {
    case .handMade: "uhri-5e2d8b41-7c3a-4f19-b6d0-9a1e4c7f2b38"
    case .shared: "uhri-a9ceae8c-fe1c-40f9-a326-1529e0ab678f"
    }
  }

  var testDescription: String { rawValue }
}

/// Reading a record of the export's shape and importing JSON made from it.
enum RealUHRI {
  static let folder = ImportFixture.repository.deletingLastPathComponent().appendingPathComponent("shared/data/uhri").path
  static var available: Bool { FileManager.default.fileExists(atPath: folder + "/one-real-record.json") }
  static let vocabulary = ImportFixture.vocabulary

  static func record(_ source: UHRIRecordSource = .shared) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: source.path))
    return try #require((try JSONSerialization.jsonObject(with: data) as? [[String: Any]])?.first)
  }

  /// The `Countries` values of the 2026 export, from the list with counts.
  static func countryValues() throws -> [String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/countries-2026-with-counts.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [[String]]).map { $0[0] }
  }

  struct Run {
    var report: ImportReport
    var files: [String: String]
    var reportCSV: String?
  }

  /// Writes `records` as `export.json` and imports it into a new content folder.
  static func importing(_ records: [[String: Any]]) throws -> Run {
    let folder = ImportFixture.temporaryFolder("real-uhri")
    let input = folder + "/export.json"
    try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: input))
    let options = ImportRun.Options(output: folder + "/Content", reportCSV: folder + "/report.csv")
    let report = try ImportRun.uhri(input: input, vocabulary: vocabulary, options: options)
    let files = ImportFixture.files(in: folder + "/Content").filter { $0.key.hasPrefix("recommendations/") }
    return Run(report: report, files: files, reportCSV: ImportFixture.read(folder + "/report.csv"))
  }

  /// The front matter's `key: value` lines.
  static func frontMatter(_ file: String) -> [String: String] {
    let block = file.components(separatedBy: "\n---\n")[0].dropFirst(4)
    return Dictionary(block.split(separator: "\n").map { line in
      let parts = line.split(separator: ":", maxSplits: 1)
      return (String(parts[0]), parts[1].trimmingCharacters(in: .whitespaces))
    }) { a, _ in a }
  }

  /// The JSON type of a decoded value: null, string, number, list or object.
  static func jsonType(_ value: Any) -> String {
    switch value {
    case is NSNull: "null"
    case is String: "string"
    case is NSNumber: "number"
    case is [Any]: "list"
    default: "object"
    }
  }

  static func body(_ file: String) -> String { file.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n") }

  /// The slugs of the terms whose alias or English name is each label, exactly (labels without one left out).
  static func slugs(_ labels: [String], _ terms: [Term]) -> [String] {
    var result: [String] = []
    for label in labels {
      guard let term = terms.first(where: { $0.aliases.contains(label) || $0.name.text(in: "en") == label }) else { continue }
      if !result.contains(term.slug) { result.append(term.slug) }
    }
    return result
  }
}
