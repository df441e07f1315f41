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
