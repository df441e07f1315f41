import Foundation
import Testing

@testable import SiteBuild

@Suite("The synthetic corpus")
struct CorpusTests {
  @Test("the generator is deterministic for a seed")
  func deterministic() throws {
    let a = SiteFixture.temporaryFolder("corpus-a")
    let b = SiteFixture.temporaryFolder("corpus-b")
    var one = try CorpusGenerator(seed: 7)
    var two = try CorpusGenerator(seed: 7)
    try one.write(count: 300, to: a + "/Content")
    try two.write(count: 300, to: b + "/Content")
    let left = SiteFixture.files(in: a)
    #expect(left.count == 301)
    #expect(left == SiteFixture.files(in: b))
  }

  @Test("a site of 10,000 generated recommendations builds, with a page for each")
  func tenThousand() throws {
    let folder = SiteFixture.temporaryFolder("corpus-10k")
    var generator = try CorpusGenerator(seed: 1)
    try generator.write(count: 10_000, to: folder + "/Content")
    let (output, report) = SiteFixture.build(content: folder + "/Content")
    #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics.prefix(5))")
    #expect(report.recommendations == 10_000)
    let ids = try FileManager.default.contentsOfDirectory(atPath: output + "/recommendations").filter { $0.hasPrefix("synthetic-") }
    #expect(ids.count == 10_000)
    #expect(report.pages > 10_000 + 10_000 / 50)
  }
}
