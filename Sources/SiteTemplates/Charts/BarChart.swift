import SiteCore

/// A horizontal bar chart drawn at build time as inline SVG, followed by a table of the same
/// numbers for screen readers, so no script is needed to see or hear it.
///
/// The SVG is our own markup; every label goes through `HTML.escape`. Its width follows the page
/// (bars are sized in percent, text in CSS pixels), colours come from the stylesheet's classes
/// (so dark mode and print apply), and on right-to-left pages the bars grow from the right.
struct BarChart {
  struct Bar {
    var label: String
    var value: Int
    /// The value as the page writes numbers (`12,345`).
    var valueText: String
  }

  /// Unique on the page; the SVG's title and the table hang off it.
  var id: String
  var caption: String
  var labelHeading: String
  var valueHeading: String
  var bars: [Bar]
  var rightToLeft = false

  /// Characters per label line; longer labels wrap once, then end in `…` (the table has them whole).
  static let lineLength = 40
  static let lineHeight = 18
  static let barHeight = 14
  static let rowGap = 10
  /// The longest bar in percent of the width, leaving room for its number.
  static let longest = 80
  /// Labels of at most this many characters sit in a gutter of `gutter` pixels beside the bars,
  /// whose longest is then `longestBeside` percent (room for the gutter and the number at 260 px).
  static let gutterCharacters = 7
  static let gutter = 56
  static let longestBeside = 68

  func html() -> HTML {
    // Short labels (years) sit beside their bars in a gutter; longer ones go above them.
    let compact = bars.allSatisfy { $0.label.count <= Self.gutterCharacters }
    let longest = compact ? Self.longestBeside : Self.longest
    let top = max(1, bars.map(\.value).max() ?? 1)
    var svg = ""
    var y = 0
    for bar in bars {
      let lines = compact ? [bar.label] : Self.wrap(bar.label)
      for (n, line) in lines.enumerated() {
        svg += "<text class=\"chart-label\" x=\"\(x(0))\" y=\"\(y + 14 + n * Self.lineHeight)\">\(HTML.escape(line))</text>"
      }
      let barY = compact ? y + 3 : y + lines.count * Self.lineHeight + 4
      let width = bar.value * longest * 100 / top  // hundredths of a percent
      svg += compact ? Self.gutterGroup(Self.gutter, rightToLeft: rightToLeft) : "<g>"
      if width > 0 {
        svg += "<rect class=\"chart-bar\" x=\"\(x(rightToLeft ? width : 0))\" y=\"\(barY)\" width=\"\(Self.percent(width))\" height=\"\(Self.barHeight)\" rx=\"2\"/>"
      }
      svg += "<text class=\"chart-value\" x=\"\(x(width))\" dx=\"\(rightToLeft ? -6 : 6)\" y=\"\(barY + 12)\">\(HTML.escape(bar.valueText))</text></g>"
      y = barY + Self.barHeight + (compact ? 6 : Self.rowGap)
    }
    return Self.figure(id: id, classes: "chart", caption: caption, svg: svg, height: max(y, 1), rightToLeft: rightToLeft,
      headings: [labelHeading, valueHeading], rows: bars.map { ($0.label, [$0.valueText]) })
  }

  /// A chart's figure, shared by every chart: the caption, `legend` (markup), the SVG drawing
  /// (`svg`, its content) titled by the caption, and the same numbers as a table (`headings`,
  /// then a heading and cells per row), hidden from sight but read by screen readers.
  static func figure(id: String, classes: String, caption: String, legend: String = "", svg: String, height: Int,
                     rightToLeft: Bool, headings: [String], rows: [(String, [String])]) -> HTML {
    let title = HTML.escape(caption)
    var out = "<figure class=\"\(classes)\" id=\"\(id)\"><figcaption id=\"\(id)-caption\">\(title)</figcaption>" + legend
    out += "<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"\(id)-title\" width=\"100%\" height=\"\(height)\""
    out += " direction=\"\(rightToLeft ? "rtl" : "ltr")\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"\(id)-title\">\(title)</title>"
    // A table box ignores the clipping of .visually-hidden, so a div carries it.
    out += svg + "</svg><div class=\"visually-hidden\"><table class=\"chart-data\"><caption>\(title)</caption><thead><tr>"
    out += headings.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
    for (label, cells) in rows {
      out += "<tr><th scope=\"row\">\(HTML.escape(label))</th>" + cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
    }
    return HTML(trusted: out + "</tbody></table></div></figure>\n")
  }

  /// The group that moves bars aside for a gutter of `width` pixels before them (after them on
  /// right-to-left pages, where they grow from the right).
  static func gutterGroup(_ width: Int, rightToLeft: Bool) -> String {
    "<g transform=\"translate(\(rightToLeft ? -width : width) 0)\">"
  }

  /// A distance from the start side (left, or right on right-to-left pages) in hundredths of a
  /// percent, as an SVG x coordinate.
  private func x(_ fromStart: Int) -> String {
    Self.percent(rightToLeft ? 10_000 - fromStart : fromStart)
  }

  /// `1234` → `12.34%`, written the same on every machine.
  static func percent(_ hundredths: Int) -> String {
    let whole = hundredths / 100
    let fraction = hundredths % 100
    return fraction == 0 ? "\(whole)%" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
  }

  /// At most two lines of at most `lineLength` characters, broken at a space where there is one.
  static func wrap(_ label: String) -> [String] {
    let characters = Array(label)
    guard characters.count > lineLength else { return [label] }
    let head = characters[..<lineLength]
    let cut = head.lastIndex(of: " ").flatMap { $0 > lineLength / 2 ? $0 : nil } ?? lineLength
    let first = String(characters[..<cut]).trimmingSpaces
    var rest = Array(String(characters[cut...]).trimmingSpaces)
    if rest.count > lineLength { rest = Array(rest[..<(lineLength - 1)]) + ["…"] }
    return [first, String(rest)]
  }
}

private extension String {
  var trimmingSpaces: String {
    String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
