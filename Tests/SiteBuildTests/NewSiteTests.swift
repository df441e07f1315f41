import Foundation
import Testing

@testable import SiteBuild

@Suite("hrindex new")
struct NewSiteTests {
  @Test("new writes site.yml, one recommendation and an About page; check passes and the site builds")
  func newSiteBuilds() throws {
    let folder = SiteFixture.temporaryFolder("new")
    let made = try CommandRun.hrindex(["new", "my-site"], in: folder)
    #expect(made.status == 0, "\(made.stderr)")
    let files = SiteFixture.files(in: folder + "/my-site").keys.sorted()
    #expect(files == ["pages/about.md", "recommendations/a-hrc-36-4-118-64.md", "site.yml"])
    let check = try CommandRun.hrindex(["check", "--content", "my-site", "--format", "github"], in: folder)
    #expect(check.status == 0)
    #expect(check.stdout == "", "a new site has neither errors nor warnings")
    let build = try CommandRun.hrindex(["build", "--content", "my-site", "--output", "Output"], in: folder)
    #expect(build.status == 0, "\(build.stderr)")
    #expect(build.stdout.contains("from 1 recommendations"))
    let output = SiteFixture.files(in: folder + "/Output")
    let pages = output.filter { $0.key.hasSuffix(".html") }
    // The recommendation's text and the About page's title each reach a page of their own.
    let text = "Develop a national strategy against modern slavery"
    #expect(pages.contains { $0.key.contains("a-hrc-36-4-118-64") && String(decoding: $0.value, as: UTF8.self).contains(text) })
    #expect(pages.contains { $0.key.contains("about") && String(decoding: $0.value, as: UTF8.self).contains("About this index") })
  }

  @Test("new refuses a folder that is not empty and changes nothing in it")
  func refusesNonEmpty() throws {
    let folder = SiteFixture.temporaryFolder("new-full")
    try "mine".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
    let run = try CommandRun.hrindex(["new", folder], in: folder)
    #expect(run.status == 1)
    #expect(run.stderr.contains("is not empty"))
    #expect(SiteFixture.files(in: folder).keys.sorted() == ["notes.txt"])
  }
}
