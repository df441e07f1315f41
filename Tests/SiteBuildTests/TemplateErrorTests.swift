import Foundation
import Testing

@testable import SiteBuild
@testable import SiteCore

@Suite("Errors in a theme's templates")
struct TemplateErrorTests {
  /// A Templates folder whose home page misspells the search form partial; the default theme
  /// fills in every other template.
  static func misspelledTheme() throws -> (templates: String, output: String) {
    let folder = SiteFixture.temporaryFolder("theme")
    let home = try String(contentsOf: SiteFixture.repository.appendingPathComponent("Templates/home.mustache"), encoding: .utf8)
    #expect(home.split(separator: "\n", omittingEmptySubsequences: false)[4] == "{{>partials/search-form}}")
    try FileManager.default.createDirectory(atPath: folder + "/Templates", withIntermediateDirectories: true)
    try home.replacingOccurrences(of: "{{>partials/search-form}}", with: "{{>partials/serch-form}}")
      .write(toFile: folder + "/Templates/home.mustache", atomically: true, encoding: .utf8)
    return (folder + "/Templates", folder + "/Output")
  }

  @Test("a misspelled partial fails the build, naming the template file, line and column and the partial it meant")
  func misspelledPartial() throws {
    let theme = try Self.misspelledTheme()
    let configuration = BuildConfiguration(content: SiteFixture.content("small"), templates: theme.templates,
      publicFolder: SiteFixture.repository.appendingPathComponent("Public").path, output: theme.output, threads: 2)
    let report = SiteBuilder.build(configuration)
    #expect(!report.succeeded)
    #expect(report.diagnostics.map(\.description) == [
      "\(theme.templates)/home.mustache:5:1: error: no template named \"partials/serch-form\"\n"
        + "  note: did you mean \"partials/search-form\"?"
    ])
    #expect(!FileManager.default.fileExists(atPath: theme.output))
  }

  @Test("hrindex build exits 1 on a misspelled partial and prints where it is")
  func commandExitsWithError() throws {
    let theme = try Self.misspelledTheme()
    let run = HRIndexRun.wait([
      "build", "--content", SiteFixture.content("small"), "--templates", theme.templates,
      "--public", SiteFixture.repository.appendingPathComponent("Public").path, "--output", theme.output,
    ])
    #expect(run.status == 1, "\(run.output)")
    #expect(run.output.contains("home.mustache:5:1: error: no template named \"partials/serch-form\""), "\(run.output)")
    #expect(run.output.contains("note: did you mean \"partials/search-form\"?"))
  }
}
