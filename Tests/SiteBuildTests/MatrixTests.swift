import Foundation
import Testing

@testable import SiteBuild

@Suite("The country matrix by theme")
struct MatrixTests {
  @Test("matrix.csv is UTF-8 with a byte-order mark, CRLF rows, and one row per recommendation with its full text")
  func csvShape() throws {
    let (output, report) = SiteFixture.build(content: SiteFixture.content("small"))
    #expect(report.succeeded)
    let bytes = try #require(FileManager.default.contents(atPath: output + "/countries/ecu/matrix.csv"))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("id,document,paragraph,title,text,themes,affected_persons,sdg_goals,sdg_targets,body,mechanism,date,"))
    #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
    let ids = rows.map { String($0.prefix { $0 != "," }) }
    // The page lists each recommendation under each of its themes; the CSV has it once.
    let page = try String(contentsOfFile: output + "/countries/ecu/matrix/index.html", encoding: .utf8)
    let linked = Set(page.components(separatedBy: "href=\"../../../recommendations/").dropFirst().map { String($0.prefix { $0 != "/" && $0 != "\"" }) }
      .filter { !$0.isEmpty })  // the menu's link to the list of all recommendations names none
    #expect(ids.count == Set(ids).count && Set(ids) == linked)
    // The full text of each, as its page shows it (the fixture's texts are one paragraph each).
    for id in ids {
      let html = try String(contentsOfFile: output + "/recommendations/\(id)/index.html", encoding: .utf8)
      let row = try #require(rows.first { $0.hasPrefix(id + ",") })
      let paragraph = try #require(html.components(separatedBy: "<div class=\"rec-text\"").last?.components(separatedBy: "<p>").dropFirst().first?
        .components(separatedBy: "</p>").first)
      // The paragraph's text without its markup, as a CSV cell quotes it.
      var plain = paragraph.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        .replacingOccurrences(of: "\n", with: " ")  // a soft line break reads as a space
      for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
        plain = plain.replacingOccurrences(of: entity, with: character)
      }
      #expect(row.contains(plain.replacingOccurrences(of: "\"", with: "\"\"")), "\(id)")
    }
  }

  @Test("each country page links its matrix page and CSV, which exist")
  func linked() throws {
    let (output, _) = SiteFixture.build(content: SiteFixture.content("small"))
    for country in ["ecu", "fra"] {
      let page = try String(contentsOfFile: output + "/countries/\(country)/index.html", encoding: .utf8)
      #expect(page.contains("href=\"../../countries/\(country)/matrix/\""))
      #expect(page.contains("href=\"../../countries/\(country)/matrix.csv\" download"))
      #expect(FileManager.default.fileExists(atPath: output + "/countries/\(country)/matrix/index.html"))
      #expect(FileManager.default.fileExists(atPath: output + "/countries/\(country)/matrix.csv"))
    }
  }
}
