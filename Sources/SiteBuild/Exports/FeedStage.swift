import SiteCore
import SiteTemplates

extension SiteBuilder {
  /// Writes every Atom feed (`PageContextBuilder.feed`) of every language tree (one builder each).
  static func writeFeeds(_ builders: [PageContextBuilder], _ writer: SitePublisher, threads: Int) throws(DiagnosticError) {
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
