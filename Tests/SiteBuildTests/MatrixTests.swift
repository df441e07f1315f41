import Foundation
import Testing

@testable import SiteBuild

@Suite("The country matrix by theme")
struct MatrixTests {
  @Test("matrix.csv is UTF-8 with a byte-order mark, CRLF rows, and one row per recommendation and theme")
  func csvShape() throws {
    let (output, report) = SiteFixture.build(content: SiteFixture.content("small"))
    #expect(report.succeeded)
    let bytes = try #require(FileManager.default.contents(atPath: output + "/countries/ecu/matrix.csv"))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("theme,id,document,paragraph,title,body,mechanism,date,response,status,responsible,url\r\n"))
    #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
    let page = try String(contentsOfFile: output + "/countries/ecu/matrix/index.html", encoding: .utf8)
    #expect(rows.count == page.components(separatedBy: "<th scope=\"row\">").count - 1)
    #expect(rows.allSatisfy { $0.hasSuffix("/") })
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
