import Foundation
import Testing

@testable import SiteBuild

/// Recommending States are listed by name in the language's order, like countries: in Chinese by
/// pinyin (大不列颠 dà, 厄瓜多尔 è, 挪威 nuó, as the UN's Chinese list of Member States has them),
/// not by the code points of their names (厄 U+5384 before 大 U+5927).
@Suite("Recommending States in each language's order")
struct RecommendingStateOrderTests {
  static let pinyinOrder = ["gbr", "ecu", "nor"]

  /// The multilingual fixture with France's UPR recommendation made by Norway, Ecuador and the United Kingdom.
  static func site() throws -> String {
    let content = SiteFixture.temporaryFolder("states") + "/Content"
    try FileManager.default.copyItem(atPath: SiteFixture.content("multilingual"), toPath: content)
    let file = content + "/recommendations/fra/a-hrc-38-4-145-1.md"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("recommending_states: [ECU]\n"))
    try text.replacingOccurrences(of: "recommending_states: [ECU]\n", with: "recommending_states: [NOR, ECU, GBR]\n")
      .write(toFile: file, atomically: true, encoding: .utf8)
    let (output, report) = SiteFixture.build(content: content)
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    return output
  }

  /// The codes `pattern` (one capture) finds in the page, in page order.
  static func codes(_ output: String, _ page: String, _ pattern: String) throws -> [String] {
    let html = try String(contentsOfFile: output + "/" + page, encoding: .utf8)
    let regex = try NSRegularExpression(pattern: pattern)
    return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range(at: 1), in: html)!]) }
  }

  @Test("the Chinese hub of recommending States and France's matrix by recommending State follow pinyin (its other recommendations last)")
  func chinese() throws {
    let output = try Self.site()
    #expect(try Self.codes(output, "zh/recommending-states/index.html", #"href="[./]*zh/recommending-states/([a-z]+)/""#) == Self.pinyinOrder)
    #expect(try Self.codes(output, "zh/countries/fra/matrix/recommending-states/index.html", #"<h2 id="recommending-states-([a-z]+)""#)
      == Self.pinyinOrder + ["none"])
  }
}
