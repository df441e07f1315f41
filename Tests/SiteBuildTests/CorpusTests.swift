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
    #expect(left.count == 302)  // site.yml, vocabularies/institutions.yml and 300 recommendations
    #expect(left == SiteFixture.files(in: b))
  }

  @Test("a site of 10,000 generated recommendations builds, with a page for each")
  func tenThousand() throws {
    let folder = SiteFixture.temporaryFolder("corpus-10k")
    try SiteFixture.generate(seed: 1, count: 10_000, into: folder + "/Content")
    let (output, report) = SiteFixture.build(content: folder + "/Content")
    #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics.prefix(5))")
    #expect(report.recommendations == 10_000)
    let ids = try FileManager.default.contentsOfDirectory(atPath: output + "/recommendations").filter { $0.hasPrefix("synthetic-") }
    #expect(ids.count == 10_000)
    #expect(report.pages > 10_000 + 10_000 / 50)
  }

  @Test("30% of records carry follow-up with histories and actions, every file decodes without a warning")
  func followUpShare() throws {
    let folder = SiteFixture.temporaryFolder("corpus-follow-up")
    try SiteFixture.generate(seed: 3, count: 2_000, into: folder + "/Content")
    let files = SiteFixture.files(in: folder + "/Content/recommendations")
    let texts = files.values.map { String(decoding: $0, as: UTF8.self) }
    let withBlock = texts.filter { $0.contains("\nfollow_up:\n") }
    let share = Double(withBlock.count) / Double(texts.count)
    #expect(abs(share - 0.3) < 0.03, "\(share)")
    #expect(withBlock.allSatisfy { $0.contains("\n  updates:\n    - date: ") && $0.contains("\n  actions:\n    - action: ") })
    #expect(withBlock.filter { $0.components(separatedBy: "\n    - date: ").count > 2 }.count > withBlock.count / 3)
    let (_, report) = SiteFixture.build(content: folder + "/Content")
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.prefix(5))")
    #expect(report.recommendations == 2_000)
  }
}
