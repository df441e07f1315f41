import Foundation
import Testing

@testable import SiteBuild
@testable import SiteCore

/// A country's follow-up tables list their rows in the order of the terms, as every term table:
/// goals by number (Goal 2 before Goal 10), mechanisms in the vocabulary's order (UPR, treaty
/// bodies, special procedures), not by the text of their labels.
@Suite("Follow-up status tables in the terms' order")
struct FollowUpOrderTests {
  /// The row keys of the status table `id`, in page order.
  static func keys(_ html: String, _ id: String) -> [String] {
    guard let start = html.range(of: "<table class=\"status\" id=\"\(id)\">"), let end = html[start.upperBound...].range(of: "</table>") else { return [] }
    return html[start.upperBound..<end.lowerBound].matches(of: /<tr data-key="([^"]*)">/).map { String($0.1) }
  }

  @Test("goals by number and mechanisms in vocabulary order on every country's follow-up page")
  func order() throws {
    let folder = SiteFixture.temporaryFolder("follow-up-order")
    try SiteFixture.generate(seed: 5, count: 600, into: folder + "/Content")
    let (output, report) = SiteFixture.build(content: folder + "/Content")
    try #require(report.diagnostics.isEmpty, "\(report.diagnostics.prefix(3))")
    let pages = try FileManager.default.contentsOfDirectory(atPath: output + "/countries").compactMap { code in
      try? String(contentsOfFile: output + "/countries/\(code)/follow-up/index.html", encoding: .utf8)
    }
    try #require(pages.count > 5)
    var goalTables = 0
    for page in pages {
      let goals = Self.keys(page, "by-goal")
      #expect(goals == goals.sorted { Int($0)! < Int($1)! })
      if goals.contains(where: { $0.count == 2 }) && goals.contains(where: { $0.count == 1 }) { goalTables += 1 }
      let mechanisms = Self.keys(page, "by-mechanism")
      let vocabularyOrder = Mechanism.allCases.map(\.rawValue)
      #expect(mechanisms == vocabularyOrder.filter(mechanisms.contains))
    }
    // Tables where text order and number order differ (a goal of two digits beside one of one).
    #expect(goalTables > 0)
  }
}
