import SiteCore
import SiteTemplates

extension SiteBuilder {
  /// Writes `countries/<code>/matrix.csv` beside each country's matrix page, in every language
  /// tree, with the column names and labels of its language.
  static func writeMatrixCSVs(_ builders: [PageContextBuilder], _ writer: SitePublisher, threads: Int) throws(DiagnosticError) {
    guard let countries = builders.first?.model.catalog.terms(.country).count else { return }
    try writeInEveryTree(builders, count: countries, writer, threads: threads) { builder, g in
      (builder.matrixCSVPath(country: g), builder.matrixCSV(country: g))
    }
  }

  /// Writes `report.csv` beside each follow-up progress report, in every language tree.
  static func writeReportCSVs(_ builders: [PageContextBuilder], _ writer: SitePublisher, threads: Int) throws(DiagnosticError) {
    guard let followUp = builders.first?.model.followUp else { return }
    let reports = followUp.countries.enumerated().flatMap { c, country in country.reports.indices.map { (c, $0) } }
    guard !reports.isEmpty else { return }
    try writeInEveryTree(builders, count: reports.count, writer, threads: threads) { builder, n in
      (builder.reportCSVPath(country: reports[n].0, report: reports[n].1), builder.reportCSV(country: reports[n].0, report: reports[n].1))
    }
  }

  /// Writes `count` files in each builder's language tree; `file` gives the n-th one's path in
  /// the tree and its bytes.
  private static func writeInEveryTree(
    _ builders: [PageContextBuilder], count: Int, _ writer: SitePublisher, threads: Int,
    _ file: @Sendable (PageContextBuilder, Int) -> (path: String, bytes: [UInt8])
  ) throws(DiagnosticError) {
    let failures = FailureList()
    parallelForEach(count * builders.count, threads: threads) { n in
      let builder = builders[n / count]
      let made = file(builder, n % count)
      do throws(DiagnosticError) {
        try writer.write(builder.prefix + made.path, made.bytes)
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }
}
