import Foundation
import Testing

@testable import SiteBuild

/// The small fixture site covers every page kind of the contract; each page is compared with
/// its golden copy, so any change to the output shows up as a reviewed diff.
@Suite("Golden pages of the small fixture site")
struct GoldenSiteTests {
  static let pageKinds = [
    "index.html",  // home
    "recommendations/a-hrc-36-4-118-64/index.html",  // one recommendation
    "recommendations/index.html", "recommendations/page/2/index.html",  // every recommendation, paginated
    "countries/index.html", "countries/ecu/index.html", "countries/ecu/page/2/index.html",
    "countries/ecu/matrix/index.html", "countries/ecu/matrix.csv",  // the country matrix by theme
    "countries/ecu/matrix/sdgs/index.html",  // … and by SDG goal
    "themes/index.html", "themes/international-cooperation/index.html",
    "affected-persons/index.html", "affected-persons/migrants/index.html",
    "bodies/index.html", "bodies/sr-counter-terrorism/index.html",
    "mechanisms/index.html", "mechanisms/upr/index.html",
    "documents/index.html", "documents/by-symbol/index.html", "documents/cmw-c-ecu-co-3/index.html",
    "sdgs/index.html", "sdgs/16/index.html", "sdgs/16/16-a/index.html",
    "recommending-states/index.html", "recommending-states/nor/index.html",  // UPR: a recommending State
    "upr-cycles/index.html", "upr-cycles/3/index.html",  // UPR cycles
    "upr-sessions/index.html", "upr-sessions/27/index.html",  // UPR Working Group sessions
    "about/index.html", "search/index.html", "404.html", "sitemap.xml",
    "downloads/index.html", "countries/ecu/recommendations.csv",  // the downloads page; a group's list
    // national follow-up: the hub, a country's page, a progress report and its CSV, the institutions
    "follow-up/index.html", "countries/ecu/follow-up/index.html", "countries/ecu/follow-up/cmw/index.html",
    "countries/ecu/follow-up/cmw/report.csv", "institutions/index.html", "institutions/ministerio-de-relaciones-exteriores/index.html",
  ]

  @Test("every page kind matches its golden file")
  func pagesMatchGolden() throws {
    let (output, report) = SiteFixture.build(content: SiteFixture.content("small"))
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    for page in Self.pageKinds {
      let text = try String(contentsOfFile: output + "/" + page, encoding: .utf8)
      Golden.check(text, against: "small/" + page)
    }
  }

  @Test("the site has exactly the pages the contract lists for its content")
  func pageListMatchesGolden() {
    let (output, _) = SiteFixture.build(content: SiteFixture.content("small"))
    let pages = SiteFixture.files(in: output).keys.filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }.sorted()
    Golden.check(pages.joined(separator: "\n") + "\n", against: "small.pages.txt")
  }
}
