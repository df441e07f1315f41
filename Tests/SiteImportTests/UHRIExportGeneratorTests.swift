import Foundation
import Testing

@testable import SiteBuild
@testable import SiteCore
@testable import SiteImport

@Suite("The generator of UHRI-shaped exports")
struct UHRIExportGeneratorTests {
  static let uuid = try! NSRegularExpression(pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
  static func isUUID(_ text: String) -> Bool {
    uuid.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  @Test("it writes the export's fields and value styles, the same bytes for the same seed, and every record imports")
  func shape() throws {
    let folder = ImportFixture.temporaryFolder("uhri-generated")
    var generator = try UHRIExportGenerator(seed: 7)
    try generator.write(count: 3000, to: folder + "/a.json")
    var again = try UHRIExportGenerator(seed: 7)
    try again.write(count: 3000, to: folder + "/b.json")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.json"))
    #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: folder + "/b.json"))))
    let records = try #require(try JSONSerialization.jsonObject(with: bytes) as? [[String: Any]])
    #expect(records.count == 3000)
    // The field names of the real record, where it is at hand; else those the issue lists.
    let expected = RealUHRI.available ? Set(try RealUHRI.record().keys) : Set([
      "AffectedPersons", "AnnotationId", "AnnotationType", "Body", "Countries", "DocumentId", "PublicationDate",
      "PublicationDateOnUhri", "Regions", "Sdgs", "Symbol", "Text", "Themes", "UprCycle", "UprPositions",
      "UprRecommendingCountry", "UprRecommendingRegions", "UprSession",
    ])
    #expect(records.allSatisfy { Set($0.keys) == expected })
    #expect(records.allSatisfy { Self.isUUID($0["AnnotationId"] as! String) && ($0["Body"] as! String).hasPrefix("- ") })
    let uuidTypes = records.filter { Self.isUUID($0["AnnotationType"] as! String) }.count
    let otherTypes = records.filter { !Self.isUUID($0["AnnotationType"] as! String) }
    #expect(uuidTypes > 0 && otherTypes.allSatisfy { ($0["AnnotationType"] as! String).hasPrefix("- ") })
    #expect(records.contains { $0["UprCycle"] is NSNull } && records.contains { $0["UprCycle"] is String })
    let report = try ImportRun.uhri(input: folder + "/a.json", vocabulary: ImportFixture.vocabulary,
      options: ImportRun.Options(output: folder + "/Content"))
    #expect(report.rowsRead == 3000)
    // Only rows without Countries whose symbol names no State (UPR symbols) may be left out.
    let emptyUPR = records.filter { ($0["Countries"] as! [String]).isEmpty && ($0["Body"] as! String) == "- UPR" }.count
    #expect(report.rowsImported == 3000 - emptyUPR)
    #expect(report.problems.filter { !$0.effect.isAlteration }.allSatisfy { $0.field == .country && $0.value == "(none)" })
    #expect(report.problems.filter { $0.effect == .typedByRule }.count == uuidTypes)
  }
}

@Suite("Cells of the Excel export")
struct UHRITableTests {
  @Test("Excel date serials become ISO dates, checked against Foundation's calendar")
  func serials() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
    for serial in [1, 60, 61, 25_569, 36_526, 45_700, 45_700, 47_000, 2_958_465] {
      let date = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: serial, to: epoch)!)
      let expected = String(format: "%04d-%02d-%02d", date.year!, date.month!, date.day!)
      #expect(UHRITable.date(String(serial)) == expected, "\(serial)")
      #expect(UHRITable.date("\(serial).75") == expected, "\(serial).75")
    }
    #expect(UHRITable.date("2025-02-12T00:00:00") == "2025-02-12T00:00:00")
  }

  @Test("_xHHHH_ escapes in texts are decoded; other underscores are left alone")
  func escapes() {
    #expect(XLSXSheetParser.unescape("- Peru_x000D_\n- Chile") == "- Peru\r\n- Chile")
    #expect(XLSXSheetParser.unescape("a_x_b _x12_ _x0041_") == "a_x_b _x12_ A")
  }

  @Test("columns are found by header, in any order, and list cells split into items")
  func record() throws {
    let table = try UHRITable(header: ["OHCHR Annotation Id", "document symbol", "Text", "Recommending Body", "Document Publication Date", "Countries Concerned"], at: "x")
    let fields = table.record(["id-1", "CRC/C/PER/CO/6-7", "4. Text", "- CRC", "45700", "- Peru\r\n- Chile\n"])
    #expect(fields["AnnotationId"] == .string("id-1") && fields["Symbol"] == .string("CRC/C/PER/CO/6-7"))
    #expect(fields["Body"] == .string("- CRC") && fields["PublicationDate"] == .string("2025-02-12"))
    #expect(fields["Countries"] == .array([.string("- Peru"), .string("- Chile")]))
  }
}
