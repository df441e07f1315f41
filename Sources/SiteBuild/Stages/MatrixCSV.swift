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

extension SiteBuilder {
  /// Writes `report.csv` beside each follow-up progress report, in every language tree.
  static func writeReportCSVs(_ model: SiteModel, _ strings: [String: UIStrings], _ writer: SitePublisher, threads: Int) throws(DiagnosticError) {
    let builders = model.config.languages.compactMap { language in
      strings[language].map { PageContextBuilder(model: model, strings: $0, language: language) }
    }
    let reports = model.followUp.countries.enumerated().flatMap { c, country in country.reports.indices.map { (c, $0) } }
    let failures = FailureList()
    parallelForEach(reports.count * builders.count, threads: threads) { n in
      let (builder, (c, r)) = (builders[n / reports.count], reports[n % reports.count])
      do throws(DiagnosticError) {
        try writer.write(builder.prefix + builder.reportCSVPath(country: c, report: r), builder.reportCSV(country: c, report: r))
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }
}
