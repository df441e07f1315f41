import Foundation
import Testing

@testable import SiteBuild

/// A document's page lists its paragraphs in the order the document numbers them.
@Suite("Document pages")
struct DocumentPageTests {
  @Test("A/HRC/36/4 lists 118.2, 118.40, 118.64, 118.120, 119.12: numbers by value, not by text")
  func paragraphsInNumberOrder() throws {
    let repository = SiteFixture.repository
    let output = SiteFixture.temporaryFolder("documents") + "/Output"
    let report = SiteBuilder.build(BuildConfiguration(
      content: repository.appendingPathComponent("Content").path,
      templates: repository.appendingPathComponent("Templates").path,
      publicFolder: repository.appendingPathComponent("Public").path, output: output, threads: 2))
    #expect(report.succeeded, "\(report.diagnostics)")
    let page = try String(contentsOfFile: output + "/documents/a-hrc-36-4/index.html", encoding: .utf8)
    // Each file of the document, read from its front matter: its page's id and its paragraph.
    var paragraphByID: [String: String] = [:]
    let folder = repository.appendingPathComponent("Content/recommendations").path
    for (path, data) in SiteFixture.files(in: folder) where path.hasSuffix(".md") && path.split(separator: ".").count == 2 {
      let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
      func field(_ name: String) -> String? {
        lines.first { $0.hasPrefix(name + ": ") }.map { $0.dropFirst(name.count + 2).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
      }
      guard field("document") == "A/HRC/36/4", let paragraph = field("paragraph") else { continue }
      paragraphByID[field("id") ?? "a-hrc-36-4-" + paragraph.replacingOccurrences(of: ".", with: "-")] = paragraph
    }
    let listed = page.matches(of: #/recommendations/([a-z0-9-]+)/"/#).map { String($0.1) }
    let paragraphs = listed.compactMap { paragraphByID[$0] }
    #expect(paragraphs.count == 5 && Set(paragraphs).count == 5, "\(paragraphs)")
    let reference = paragraphs.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
    #expect(paragraphs == reference)
  }
}
