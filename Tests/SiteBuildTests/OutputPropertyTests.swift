import Foundation
import Testing

@testable import SiteBuild

@Suite("Properties of the whole output")
struct OutputPropertyTests {
  @Test("two builds of the same content, on 2 threads and on 1, are byte-identical")
  func deterministic() {
    let (first, a) = SiteFixture.build(content: SiteFixture.content("small"), threads: 2)
    let (second, b) = SiteFixture.build(content: SiteFixture.content("small"), threads: 1)
    #expect(a.succeeded && b.succeeded)
    #expect(SiteFixture.files(in: first).count > 50)
    SiteFixture.expectSameFiles(second, as: first, "differs between two builds")
  }

  /// Enough recommendations that every stage splits its work, the search index's tokenizer
  /// chunks, pair partitions and term batches included.
  @Test("a generated site is byte-identical on 1, 2 and 3 threads, search index included")
  func sameFilesForAnyThreadCount() throws {
    let folder = SiteFixture.temporaryFolder("threads")
    try SiteFixture.generate(seed: 5, count: 2_500, into: folder + "/Content")
    let (one, report) = SiteFixture.build(content: folder + "/Content", threads: 1)
    #expect(report.succeeded, "\(report.diagnostics.prefix(3))")
    let index = SiteFixture.files(in: one + "/search/index")
    #expect(index["docs/100.json"] != nil && index.keys.filter { $0.hasPrefix("pairs/") }.count > 16)
    for threads in [2, 3] {
      let (many, _) = SiteFixture.build(content: folder + "/Content", threads: threads)
      SiteFixture.expectSameFiles(many, as: one, "differs between 1 and \(threads) threads")
    }
  }

  @Test("under a sub-path, no link or asset leaves the site")
  func subPathLinksStayInside() throws {
    let base = "https://example.org/uhri/"
    let (output, report) = SiteFixture.build(content: SiteFixture.content("small"), baseURL: base)
    #expect(report.succeeded)
    var checked = 0
    for (path, data) in SiteFixture.files(in: output) where path.hasSuffix(".html") {
      let html = String(decoding: data, as: UTF8.self)
      let page = URL(string: base + (path == "404.html" ? "missing/deeper/" : String(path.dropLast("index.html".count))))!
      for link in LinkScanner.links(in: html) where !link.isEmpty {  // cmark empties unsafe links
        guard let resolved = URL(string: link, relativeTo: page)?.absoluteURL else {
          Issue.record("\(path): unparseable link \(link)")
          continue
        }
        checked += 1
        if resolved.host == "undocs.org" { continue }
        #expect(resolved.absoluteString.hasPrefix(base), "\(path): \(link) resolves to \(resolved.absoluteString)")
      }
    }
    #expect(checked > 500)
  }

  @Test("every link to a page of the site points at a page that exists")
  func internalLinksResolve() {
    let (output, _) = SiteFixture.build(content: SiteFixture.content("small"))
    let files = SiteFixture.files(in: output)
    for (path, data) in files where path.hasSuffix(".html") && path != "404.html" {
      let page = URL(string: "https://site.invalid/" + String(path.dropLast("index.html".count)))!
      for link in LinkScanner.links(in: String(decoding: data, as: UTF8.self)) {
        guard let url = URL(string: link, relativeTo: page)?.absoluteURL, url.host == "site.invalid" else { continue }
        var target = String(url.path(percentEncoded: false).dropFirst())
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        #expect(files[target] != nil, "\(path) links to \(link), which is not in the output")
      }
    }
  }

  @Test("a content folder with no Templates/ or Public/ beside it builds with the built-in theme")
  func builtInTheme() throws {
    let folder = SiteFixture.temporaryFolder("bare")
    try FileManager.default.copyItem(atPath: SiteFixture.content("small"), toPath: folder + "/Content")
    let report = SiteBuilder.build(BuildConfiguration(content: folder + "/Content", output: folder + "/Out"))
    #expect(report.succeeded, "\(report.diagnostics)")
    let files = SiteFixture.files(in: folder + "/Out")
    for asset in ["assets/style.css", "assets/icon.svg", "search/search.js", "index.html", "countries/ecu/index.html"] {
      #expect(files[asset] != nil, "\(asset) missing")
    }
    #expect(files["assets/style.css"] == FileManager.default.contents(atPath: SiteFixture.repository.path + "/Public/assets/style.css"))
  }

  @Test("every list page links only recommendations of its list, newest first")
  func listsLinkTheirMembers() throws {
    let (output, _) = SiteFixture.build(content: SiteFixture.content("small"))
    let ecu = try String(contentsOfFile: output + "/countries/ecu/index.html", encoding: .utf8)
    let ecu2 = try String(contentsOfFile: output + "/countries/ecu/page/2/index.html", encoding: .utf8)
    // Links to recommendation pages (the menu's link to the list of all of them is not one).
    let ids = (LinkScanner.links(in: ecu) + LinkScanner.links(in: ecu2)).filter { $0.contains("recommendations/") && !$0.hasSuffix("/recommendations/") }
    #expect(ids == [
      "../../recommendations/crc-c-ecu-co-5-6-28/", "../../recommendations/cmw-c-ecu-co-3-47-g/",
      "../../../../recommendations/a-hrc-36-4-118-64/",
    ])
  }
}

/// The `href` and `src` values of a page.
enum LinkScanner {
  static func links(in html: String) -> [String] {
    var links: [String] = []
    for attribute in ["href=\"", "src=\""] {
      var rest = html[...]
      while let start = rest.range(of: attribute) {
        let after = rest[start.upperBound...]
        guard let end = after.firstIndex(of: "\"") else { break }
        links.append(String(after[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
        rest = after[end...]
      }
    }
    return links
  }
}
