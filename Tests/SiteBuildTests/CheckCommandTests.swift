import Foundation
import Testing

@testable import SiteBuild
@testable import SiteCore

@Suite("hrindex check")
struct CheckCommandTests {
  /// The annotations expected for `Fixtures/check-broken`, written from reading its files: the
  /// impossible date on line 7 (value at column 7) of a file whose name has a comma (escaped as
  /// %2C in the property), the misspelt theme on line 8 (the item at column 10), the misspelt
  /// field on line 8 (its value at column 9), a warning. Notes follow the message after %0A.
  static let expectedAnnotations = [
    #"::error file=Content/recommendations/bad%2Cdate.md,line=7,col=7,title=date::"2017-02-30" is not a date%0Anote: expected YYYY-MM-DD, such as 2018-07-06"#,
    #"::error file=Content/recommendations/terms.md,line=8,col=10,title=themes::unknown theme "right-to-educaton": did you mean "right-to-education"?%0Anote: expected a slug from vocabularies/themes.yml"#,
    #"::warning file=Content/recommendations/warning.md,line=8,col=9,title=themse::unknown field "themse" is ignored%0Anote: did you mean "themes"?"#,
  ]

  @Test("--format github prints exactly one annotation line per problem and exits 1 on errors")
  func githubAnnotations() throws {
    let folder = try CommandRun.copyFixture("check-broken")
    let run = try CommandRun.hrindex(["check", "--format", "github"], in: folder)
    #expect(run.status == 1)
    #expect(run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == Self.expectedAnnotations + [""])
  }

  @Test("warnings alone exit 0; a clean site exits 0 with no annotation")
  func exitCodes() throws {
    let folder = try CommandRun.copyFixture("check-broken")
    for name in ["bad,date.md", "terms.md"] { try FileManager.default.removeItem(atPath: folder + "/Content/recommendations/" + name) }
    let warned = try CommandRun.hrindex(["check", "--format", "github"], in: folder)
    #expect(warned.status == 0)
    #expect(warned.stdout == Self.expectedAnnotations[2] + "\n")
    let clean = try CommandRun.hrindex(["check", "--content", SiteFixture.content("small"), "--format", "github"], in: folder)
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout == "")
    let text = try CommandRun.hrindex(["check", "--content", SiteFixture.content("small")], in: folder)
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("Checked "))
  }

  @Test("--format json is one document a JSON parser reads back to the same problems")
  func json() throws {
    let folder = try CommandRun.copyFixture("check-broken")
    let run = try CommandRun.hrindex(["check", "--format", "json"], in: folder)
    #expect(run.status == 1)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(document["errors"] as? Int == 2)
    #expect(document["warnings"] as? Int == 1)
    let entries = try #require(document["diagnostics"] as? [[String: Any]])
    let places = entries.map { "\($0["severity"]!) \($0["file"]!):\($0["line"]!):\($0["column"]!) \($0["field"]!)" }
    #expect(places == [
      "error Content/recommendations/bad,date.md:7:7 date", "error Content/recommendations/terms.md:8:10 themes",
      "warning Content/recommendations/warning.md:8:9 themse",
    ])
    #expect((entries[0]["notes"] as? [String]) == ["expected YYYY-MM-DD, such as 2018-07-06"])
  }

  @Test("text format reports what the build reports, and check writes nothing anywhere")
  func sameProblemsAsBuildAndWritesNothing() throws {
    let folder = try CommandRun.copyFixture("check-broken")
    let before = SiteFixture.files(in: folder)
    let check = try CommandRun.hrindex(["check"], in: folder)
    #expect(check.status == 1)
    #expect(SiteFixture.files(in: folder) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["Content"])
    let build = try CommandRun.hrindex(["build", "--output", SiteFixture.temporaryFolder("out") + "/Output"], in: folder)
    #expect(build.status == 1)
    // The same lines but the last, the summary (the build adds that the output was not changed),
    // and the build's progress lines ("read and decode recommendations…").
    let checkLines = check.stderr.split(separator: "\n")
    let buildLines = build.stderr.split(separator: "\n").filter { !$0.hasSuffix("…") }
    #expect(checkLines.dropLast() == buildLines.dropLast())
    #expect(checkLines.last == "2 errors, 1 warning in 3 files")
    #expect(check.stderr.contains("bad,date.md:7:7: error: [date]"))
  }

  @Test("broken settings are found too, each as an annotation on site.yml")
  func brokenSettings() throws {
    let folder = try CommandRun.copyFixture("check-broken")
    try "title: [not, text]\npage_size: 0\n".write(toFile: folder + "/Content/site.yml", atomically: true, encoding: .utf8)
    let library = SiteBuilder.check(BuildConfiguration(content: folder + "/Content"))
    let run = try CommandRun.hrindex(["check", "--format", "github"], in: folder)
    #expect(run.status == 1)
    #expect(library.diagnostics.errorCount >= 1)
    #expect(run.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::error file=Content/site.yml,line=") })
    #expect(run.stdout.split(separator: "\n").count == library.diagnostics.count)
  }

  @Test("workflow-command escaping: %, CR and LF in messages; also : and , in properties")
  func escaping() {
    let d = Diagnostic.error(at: SourceLocation(path: "a:b,c%.md", line: 3, column: 4), field: "x,y", "50% done\r\nnext: line")
    #expect(DiagnosticFormat.workflowCommand(d) == "::error file=a%3Ab%2Cc%25.md,line=3,col=4,title=x%2Cy::50%25 done%0D%0Anext: line")
    #expect(DiagnosticFormat.workflowCommand(.warning(at: nil, "no place")) == "::warning::no place")
  }
}
