import Foundation
import Testing

@testable import SiteBuild
@testable import SiteImport

@Suite("Imported content builds")
struct ImportBuildTests {
  static func build(_ content: String) -> (String, BuildReport) {
    let output = URL(fileURLWithPath: content).deletingLastPathComponent().path + "/Output"
    let configuration = BuildConfiguration(
      content: content, templates: ImportFixture.repository.appendingPathComponent("Templates").path,
      publicFolder: ImportFixture.repository.appendingPathComponent("Public").path, output: output, threads: 2)
    return (output, SiteBuilder.build(configuration))
  }

  @Test("the UPR Info fixture imports into a site that builds without problems, a page for each recommendation")
  func uprInfoBuilds() throws {
    let content = ImportFixture.temporaryFolder("build-upr") + "/Content"
    _ = try ImportFixture.importUPRInfo(into: content)
    let (output, report) = Self.build(content)
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
    #expect(report.recommendations == 6)
    let pages = try FileManager.default.contentsOfDirectory(atPath: output + "/recommendations").filter { $0.hasPrefix("upr-info-") }
    #expect(pages.count == 6)
    let page = try #require(ImportFixture.read(output + "/recommendations/upr-info-s6-civ-1/index.html"))
    #expect(page.contains("\\*") == false)
    #expect(page.contains("Réviser le Code pénal — café &amp; crème * _emphasis_ &lt;b&gt;bold&lt;/b&gt; [link](http://x)"))
  }

  @Test("the UHRI fixture imports into a site that builds without problems")
  func uhriBuilds() throws {
    let content = ImportFixture.temporaryFolder("build-uhri") + "/Content"
    _ = try ImportFixture.importUHRI(into: content)
    let (output, report) = Self.build(content)
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
    #expect(report.recommendations == 6)
    let page = try #require(ImportFixture.read(output + "/recommendations/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000002-chl/index.html"))
    #expect(page.contains("<li>impartially, by an independent body.</li>"))
    #expect(!page.contains("javascript:"))
  }

  @Test("an annotation addressed to the European Union builds its own page, listed apart from States and not counted as one")
  func europeanUnion() throws {
    let folder = ImportFixture.temporaryFolder("build-eu")
    let record = { (id: String, country: String, symbol: String) in
      """
      {"AnnotationId": "\(id)", "AnnotationType": "- Recommendations", "Body": "- CRPD", "Countries": ["\(country)"],
       "Symbol": "\(symbol)", "PublicationDate": "2015-10-02T00:00:00", "Text": "7. Ensure accessibility.", "Themes": []}
      """
    }
    let json = "[" + record("e1", "European Union", "CRPD/C/EU/CO/1") + "," + record("e2", "Peru", "CRPD/C/PER/CO/1") + "]"
    try Data(json.utf8).write(to: URL(fileURLWithPath: folder + "/export.json"))
    _ = try ImportRun.uhri(input: folder + "/export.json", vocabulary: ImportFixture.vocabulary,
      options: ImportRun.Options(output: folder + "/Content"))
    let (output, report) = Self.build(folder + "/Content")
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
    #expect(FileManager.default.fileExists(atPath: output + "/countries/euu/index.html"))
    let hub = try #require(ImportFixture.read(output + "/countries/index.html"))
    let tables = hub.components(separatedBy: "<table class=\"terms\">").dropFirst()
    #expect(tables.count == 2)
    #expect(tables.first?.contains("countries/per/\"") == true && tables.first?.contains("euu/") == false)
    #expect(tables.last?.contains("countries/euu/\"") == true && tables.last?.contains("Organizations addressed (not States)") == true)
    // The home page counts one State, not two.
    let home = try #require(ImportFixture.read(output + "/index.html"))
    #expect(home.contains("countries/\"><span class=\"total-number\">1</span>"))
  }
}
