import SiteCore
import SiteTemplates

extension SiteBuilder {
  /// Writes every Atom feed (`PageContextBuilder.feed`) of every language tree.
  static func writeFeeds(_ model: SiteModel, _ strings: [String: UIStrings], _ writer: SitePublisher, threads: Int) throws(DiagnosticError) {
    let builders = model.config.languages.compactMap { language in
      strings[language].map { PageContextBuilder(model: model, strings: $0, language: language) }
    }
    guard let feeds = builders.first?.feedCount else { return }
    let failures = FailureList()
    parallelForEach(feeds * builders.count, threads: threads) { n in
      let feed = builders[n / feeds].feed(n % feeds)
      do throws(DiagnosticError) {
        try writer.write(feed.path, feed.bytes)
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }
}
