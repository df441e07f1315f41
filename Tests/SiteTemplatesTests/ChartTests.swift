import Foundation
import Testing

@testable import SiteCore
@testable import SiteTemplates

@Suite("Bar charts drawn as SVG")
struct BarChartTests {
  func chart(_ bars: [(String, Int)], rightToLeft: Bool = false) -> String {
    BarChart(id: "chart-x", caption: "By <year> & \"kind\"", labelHeading: "Year", valueHeading: "Count",
      bars: bars.map { BarChart.Bar(label: $0.0, value: $0.1, valueText: String($0.1)) }, rightToLeft: rightToLeft).html().rawValue
  }

  @Test("labels and captions are escaped in the SVG and in the table")
  func escaping() {
    let html = chart([("<script>alert(1)</script>", 3), ("A & B", 1)])
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("A &amp; B"))
    #expect(html.contains("By &lt;year&gt; &amp; &quot;kind&quot;"))
  }

  @Test("the SVG is an image named by its title, followed by a table of the same numbers")
  func accessible() {
    let html = chart([("2017", 10), ("2018", 0), ("2019", 5)])
    #expect(html.contains(#"<svg class="chart-svg" role="img" aria-labelledby="chart-x-title""#))
    #expect(html.contains(#"<title id="chart-x-title">"#))
    #expect(html.contains("<tr><th scope=\"row\">2017</th><td>10</td></tr><tr><th scope=\"row\">2018</th><td>0</td></tr>"))
    #expect(html.components(separatedBy: "<rect ").count - 1 == 2, "no bar for a zero")
    #expect(!html.contains("style="), "colours come from the stylesheet, so the page's CSP allows them")
  }

  @Test("the longest bar takes the most room and the others are in proportion; right-to-left mirrors them")
  func geometry() {
    let ltr = chart([("Universal Periodic Review", 8), ("Treaty bodies", 2)])
    #expect(ltr.contains(#"x="0%" y="22" width="80%""#))
    #expect(ltr.contains(#"width="20%""#))
    let rtl = chart([("Universal Periodic Review", 8), ("Treaty bodies", 2)], rightToLeft: true)
    #expect(rtl.contains(#"direction="rtl""#))
    #expect(rtl.contains(#"<rect class="chart-bar" x="20%" y="22" width="80%""#))
    #expect(rtl.contains(#"<text class="chart-label" x="100%""#))
  }

  @Test("long labels wrap once at a space and then end in an ellipsis")
  func wrapping() {
    #expect(BarChart.wrap("Right to education") == ["Right to education"])
    let lines = BarChart.wrap(String(repeating: "word ", count: 30))
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.count <= BarChart.lineLength })
    #expect(lines[1].hasSuffix("…"))
    #expect(BarChart.percent(1234) == "12.34%" && BarChart.percent(805) == "8.05%" && BarChart.percent(8000) == "80%")
  }
}

@Suite("Matrix CSV cells")
struct CSVTests {
  @Test("cells are quoted as RFC 4180 asks", arguments: [
    ("plain", "plain"), ("a, b", "\"a, b\""), ("say \"no\"", "\"say \"\"no\"\"\""), ("two\nlines", "\"two\nlines\""),
    ("", ""), ("2017-07-11", "2017-07-11"),
  ])
  func quoting(cell: String, expected: String) {
    #expect(CSV.cell(cell) == expected)
  }

  @Test("text a spreadsheet would run as a formula is neutralised", arguments: [
    ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1", "'+1"), ("-1+2", "'-1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
  ])
  func formulas(cell: String, expected: String) {
    #expect(CSV.cell(cell) == expected)
  }
}
