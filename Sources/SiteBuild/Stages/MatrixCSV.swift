import SiteCore
import SiteTemplates

extension SiteBuilder {
  /// Writes `countries/<code>/matrix.csv` beside each country's matrix page.
  static func writeMatrixCSVs(_ model: SiteModel, _ strings: [String: UIStrings], _ writer: SitePublisher, threads: Int) throws(DiagnosticError) {
    // One file per language tree, with the column names and labels of its language.
    let builders = model.config.languages.compactMap { language in
      strings[language].map { PageContextBuilder(model: model, strings: $0, language: language) }
    }
    let countries = model.catalog.terms(.country).count
    let failures = FailureList()
    parallelForEach(countries * builders.count, threads: threads) { n in
      let (builder, g) = (builders[n / countries], n % countries)
      do throws(DiagnosticError) {
        try writer.write(builder.prefix + builder.matrixCSVPath(country: g), builder.matrixCSV(country: g))
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }
}
