import SiteCore

/// How many recommendations were in each follow-up status on each date: one stacked bar per
/// date, one segment per status, drawn at build time as inline SVG, with a legend and a table of
/// the same numbers for screen readers (like `BarChart`, no script and no inline style).
struct ProgressChart {
  struct Point {
    /// The date's label (a year) and, by `FollowUpStatus.ordinal`, the count in each status.
    var label: String
    var counts: [Int]
  }

  var id: String
  var caption: String
  var dateHeading: String
  var statusNames: [String]
  var points: [Point]
  var number: (Int) -> String
  var rightToLeft = false

  static let rowHeight = 22
  static let barHeight = 16
  /// Room for the date label beside the bars, and the longest bar in hundredths of a percent.
  static let gutter = 48
  static let longest = 8_000

  func html() -> HTML {
    let top = max(1, points.map { $0.counts.reduce(0, +) }.max() ?? 1)
    var svg = ""
    for (row, point) in points.enumerated() {
      let y = row * Self.rowHeight
      svg += "<text class=\"chart-label\" x=\"\(rightToLeft ? "100%" : "0")\" y=\"\(y + 13)\">\(HTML.escape(point.label))</text>"
      svg += BarChart.gutterGroup(Self.gutter, rightToLeft: rightToLeft)
      var start = 0
      for (n, count) in point.counts.enumerated() where count > 0 {
        let width = count * Self.longest / top
        let x = rightToLeft ? 10_000 - start - width : start
        svg += "<rect class=\"chart-status-\(FollowUpStatus.allCases[n].rawValue)\" x=\"\(BarChart.percent(x))\" y=\"\(y)\" width=\"\(BarChart.percent(width))\" height=\"\(Self.barHeight)\"/>"
        start += width
      }
      let total = point.counts.reduce(0, +)
      let end = rightToLeft ? 10_000 - start : start
      svg += "<text class=\"chart-value\" x=\"\(BarChart.percent(end))\" dx=\"\(rightToLeft ? -6 : 6)\" y=\"\(y + 13)\">\(HTML.escape(number(total)))</text></g>"
    }
    let legend = "<ul class=\"chart-legend\">" + statusNames.enumerated().map { n, name in
      "<li><span class=\"legend-swatch chart-status-\(FollowUpStatus.allCases[n].rawValue)\"></span>\(HTML.escape(name))</li>"
    }.joined() + "</ul>"
    // The table: date × status.
    return BarChart.figure(id: id, classes: "chart progress-chart", caption: caption, legend: legend, svg: svg,
      height: max(1, points.count * Self.rowHeight), rightToLeft: rightToLeft,
      headings: [dateHeading] + statusNames, rows: points.map { ($0.label, $0.counts.map(number)) })
  }

  /// The points of `members`' history: the status of each on the last day of every year from the
  /// first update to the last (the reference date for the year it falls in, if earlier).
  static func points(_ members: [Int], _ model: SiteModel) -> [Point] {
    let records = members.compactMap { model.catalog.recommendations[$0].followUp }
    let dates = records.flatMap { $0.updates.map(\.date) }
    guard let first = dates.min().flatMap({ Int($0.prefix(4)) }), let last = dates.max().flatMap({ Int($0.prefix(4)) }) else { return [] }
    return (first...last).map { year in
      var day = "\(year)-12-31"
      if let asOf = model.followUp.asOf, asOf.hasPrefix("\(year)-") { day = min(day, asOf) }
      var counts = [Int](repeating: 0, count: FollowUpStatus.allCases.count)
      for f in records { if let status = f.status(on: day) { counts[status.ordinal] += 1 } }
      return Point(label: String(year), counts: counts)
    }
  }
}
