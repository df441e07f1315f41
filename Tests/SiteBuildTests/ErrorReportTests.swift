import Foundation
import Testing

@testable import SiteBuild
@testable import SiteCore

@Suite("Errors in content")
struct ErrorReportTests {
  @Test("a site with many broken files reports every problem, with file, line and field, in one run")
  func everyProblemInOneRun() {
    let (_, report) = SiteFixture.build(content: SiteFixture.content("broken"))
    #expect(!report.succeeded)
    let text = report.diagnostics.map(\.description).joined(separator: "\n")
      .replacingOccurrences(of: BuildConfiguration.display(SiteFixture.content("broken")), with: "Content")
    Golden.check(text + "\n", against: "broken.diagnostics.txt")
    let files = Set(report.diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.path })
    #expect(files.count >= 15)
  }

  @Test("a failed build leaves the previous output exactly as it was")
  func failedBuildKeepsPreviousOutput() {
    let output = SiteFixture.temporaryFolder("keep") + "/Output"
    let (_, good) = SiteFixture.build(content: SiteFixture.content("small"), output: output)
    #expect(good.succeeded)
    let before = SiteFixture.files(in: output)
    let (_, bad) = SiteFixture.build(content: SiteFixture.content("broken"), output: output)
    #expect(!bad.succeeded)
    #expect(SiteFixture.files(in: output) == before)
    let parent = URL(fileURLWithPath: output).deletingLastPathComponent().path
    let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: parent))?.filter { $0.contains("staging") } ?? []
    #expect(leftovers.isEmpty)
  }

  @Test("a build never replaces a folder it did not write")
  func refusesForeignOutputFolder() throws {
    let output = SiteFixture.temporaryFolder("foreign")
    try "keep me".write(toFile: output + "/notes.txt", atomically: true, encoding: .utf8)
    let (_, report) = SiteFixture.build(content: SiteFixture.content("small"), output: output)
    #expect(!report.succeeded)
    #expect(report.diagnostics.contains { $0.message.contains("was not written by hrindex") })
    #expect(try String(contentsOfFile: output + "/notes.txt", encoding: .utf8) == "keep me")
  }

  @Test("a missing content folder is one clear error")
  func missingContent() {
    let (_, report) = SiteFixture.build(content: "/nonexistent/Content")
    #expect(report.diagnostics.map(\.message) == ["no content folder at /nonexistent/Content"])
  }
}
