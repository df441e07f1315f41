import SiteCore
import SiteTemplates

extension SiteBuilder {
  /// Writes `countries/<code>/matrix.csv` beside each country's matrix page, in every language
  /// tree, with the column names and labels of its language.
  static func writeMatrixCSVs(_ builders: [PageContextBuilder], _ writer: SitePublisher, threads: Int) throws(DiagnosticError) {
    guard let countries = builders.first?.model.catalog.terms(.country).count else { return }
    try writeInEveryTree(builders, count: countries, threads: threads) { builder, g throws(DiagnosticError) in
      try writer.write(builder.prefix + builder.matrixCSVPath(country: g), builder.matrixCSV(country: g))
    }
  }

  /// Writes `report.csv` and `report.xlsx` beside each follow-up progress report, in every
  /// language tree: the same rows (`reportRows`), made once for both files.
  static func writeReports(_ builders: [PageContextBuilder], _ writer: SitePublisher, threads: Int) throws(DiagnosticError) {
    guard let followUp = builders.first?.model.followUp else { return }
    let reports = followUp.countries.enumerated().flatMap { c, country in country.reports.indices.map { (c, $0) } }
    guard !reports.isEmpty else { return }
    try writeInEveryTree(builders, count: reports.count, threads: threads) { builder, n throws(DiagnosticError) in
      let (c, r) = reports[n]
      let path = builder.prefix + builder.reportFilePath(country: c, report: r)
      let rows = builder.reportRows(country: c, report: r)
      try writer.write(path + ".csv", PageContextBuilder.reportCSV(rows))
      let scratch = try writer.scratchPath(for: path + ".xlsx")
      try writeReportWorkbook(builder, rows, to: scratch)
      _ = try writer.adopt(path + ".xlsx", scratch: scratch)
    }
  }

  /// Writes a progress report's `rows` as a workbook into the scratch file `path`, stamped with
  /// the date follow-up is counted against (`FollowUpIndex.asOf`), which a text edit knows too.
  static func writeReportWorkbook(_ builder: PageContextBuilder, _ rows: [[String]], to path: String) throws(DiagnosticError) {
    try XLSXWorkbook.write(sheet: "Report", columns: PageContextBuilder.reportColumns, rows: rows,
      created: XLSXWorkbook.created(builder.model.followUp.asOf.flatMap(CalendarDate.init)), to: path)
  }

  /// Calls `write` for `count` files in each builder's language tree, on `threads` threads.
  private static func writeInEveryTree(
    _ builders: [PageContextBuilder], count: Int, threads: Int,
    _ write: @Sendable (PageContextBuilder, Int) throws(DiagnosticError) -> Void
  ) throws(DiagnosticError) {
    let failures = FailureList()
    parallelForEach(count * builders.count, threads: threads) { n in
      do throws(DiagnosticError) {
        try write(builders[n / count], n % count)
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }
}
