import SiteCore
import SiteTemplates

extension SiteBuilder {
  static func writeSearchIndex(_ model: SiteModel, _ strings: UIStrings, _ writer: SiteWriter) throws(DiagnosticError) {}
}
