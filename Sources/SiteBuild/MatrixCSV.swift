import SiteCore
import SiteTemplates

extension SiteBuilder {
  /// Writes `countries/<code>/matrix.csv` beside each country's matrix page.
  static func writeMatrixCSVs(_ model: SiteModel, _ strings: UIStrings, _ writer: SiteWriter, threads: Int) throws(DiagnosticError) {
    let builder = PageContextBuilder(model: model, strings: strings)
    let failures = FailureList()
    parallelForEach(model.catalog.terms(.country).count, threads: threads) { g in
      do throws(DiagnosticError) {
        try writer.write(builder.matrixCSVPath(country: g), builder.matrixCSV(country: g))
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }
}
