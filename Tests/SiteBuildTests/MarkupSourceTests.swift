import Foundation
import Testing

/// Trusted markup has few makers: the escaper's own file, cmark's wrapper and the chart drawer.
/// Any other `HTML(trusted:)` in the sources could let content text through as markup.
@Suite("Where trusted markup is made")
struct MarkupSourceTests {
  static let makers: Set<String> = [
    "Sources/SiteCore/HTML.swift", "Sources/SiteMarkdown/CMarkRenderer.swift", "Sources/SiteTemplates/Charts/BarChart.swift",
    "Sources/SiteTemplates/Charts/ProgressChart.swift",
  ]

  @Test("HTML(trusted:) appears only in the escaper, the Markdown renderer and the chart drawer")
  func trustedMarkupMakers() throws {
    let sources = SiteFixture.repository.appendingPathComponent("Sources")
    var found: Set<String> = []
    for (path, data) in SiteFixture.files(in: sources.path) where path.hasSuffix(".swift") && !path.hasSuffix(".generated.swift") {
      if String(decoding: data, as: UTF8.self).contains("HTML(trusted:") { found.insert("Sources/" + path) }
    }
    #expect(found.isSubset(of: Self.makers), "trusted markup made in \(found.subtracting(Self.makers).sorted())")
    #expect(found.contains("Sources/SiteMarkdown/CMarkRenderer.swift"), "the scan found nothing: is it reading Sources/?")
  }
}
