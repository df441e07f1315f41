import Foundation
import SiteCore
import SiteFiles
import SiteTemplates

/// Renders every file of the site — the pages in every language, the sitemaps, the country
/// matrices, the search index and the theme's assets — into a publisher.
struct SiteRenderer {
  let model: SiteModel
  let inputs: BuildInputs
  let configuration: BuildConfiguration
  /// One page-context builder per site language, in the order of `config.languages`.
  let builders: [PageContextBuilder]

  var threads: Int { configuration.threads }

  func render(into publisher: SitePublisher, _ log: inout BuildLog) throws(DiagnosticError) {
    let routes = Route.all(in: model)
    // Every edition gets its own 404 (`fr/404.html`) for hosts that serve one per folder.
    let pages = model.config.languages.flatMap { language in routes.map { (language, $0) } }
    // The search index is built on a thread of its own while the pages render: on two cores
    // neither stage alone kept both busy (1.65 and 1.8 cores at 270k), and together they do more.
    // With one thread allowed, it is built after them.
    let (site, strings, byLanguage, workers) = (model, inputs.strings, inputs.stringsByLanguage, threads)
    let search = threads > 1 ? Alongside { () throws(DiagnosticError) in
      try SiteBuilder.writeSearchIndex(site, strings, byLanguage, publisher, threads: workers)
    } : nil
    configuration.progress?(BuildProgress(stage: "render and write pages", done: 0, total: pages.count))
    do throws(DiagnosticError) {
      try renderPages(pages, publisher)
      log.report.pages = pages.count
      log.lap("render and write pages (and the search index alongside)")
      for (file, xml) in Sitemap.files(routes: routes, model: model) { try publisher.write(file, xml) }
      // The matrices' filters: a rule pair for each cycle, body and response of the catalog.
      try publisher.write(MatrixFilter.stylesheetPath, MatrixFilter.stylesheet(model.catalog))
      // matrix.csv carries every text of its country: an export (an edited text then runs the whole build).
      if model.config.exports.has(.groupFiles) {
        try SiteBuilder.writeMatrixCSVs(builders, publisher, threads: threads)
      }
      try SiteBuilder.writeReports(builders, publisher, threads: threads)
      log.lap("sitemaps, country matrices and follow-up reports")
    } catch {
      _ = try? search?.wait()
      throw error
    }
    configuration.progress?(BuildProgress(stage: "search index", done: 0, total: model.catalog.recommendations.count))
    if let search { try search.wait() } else { try SiteBuilder.writeSearchIndex(model, strings, inputs.stringsByLanguage, publisher, threads: threads) }
    log.lap("search index (what was left of it)")
    try copyAssets(into: publisher)
  }

  private func renderPages(_ routes: [(language: String, route: Route)], _ publisher: SitePublisher) throws(DiagnosticError) {
    // Every list entry made up front, for this stage alone (the copies go when it ends).
    let builders = Dictionary(uniqueKeysWithValues: self.builders.map { ($0.language, $0.listing(threads: threads)) })
    let renderer = inputs.renderer
    let failures = FailureList()
    let counter = ProgressCounter(total: routes.count, stage: "render and write pages", report: configuration.progress)
    parallelForEach(routes.count, threads: threads) { i in
      counter.step()
      let page = builders[routes[i].language]!.context(for: routes[i].route)
      do throws(DiagnosticError) {
        try publisher.write(page.file, renderer.renderBytes(page.template, .object(page.values)))
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }

  private func copyAssets(into publisher: SitePublisher) throws(DiagnosticError) {
    for name in inputs.theme.assets.keys.sorted() {
      switch inputs.theme.assets[name]! {
      case .embedded(let text): try publisher.write(name, text)
      case .file(let path):
        guard let bytes = RegularFile.read(path) else {
          throw DiagnosticError([.error(at: SourceLocation(path: path), "cannot read the asset")])
        }
        try publisher.write(name, bytes)
      }
    }
  }
}

/// Counts finished items across threads and reports every 2,000th to the progress display.
final class ProgressCounter: @unchecked Sendable {
  private let lock = ShortLock()
  private var done = 0
  let total: Int
  let stage: String
  let report: (@Sendable (BuildProgress) -> Void)?

  init(total: Int, stage: String, report: (@Sendable (BuildProgress) -> Void)?) {
    self.total = total
    self.stage = stage
    self.report = report
  }

  func step() {
    guard let report else { return }
    let n = lock.withLock { () -> Int in
      done += 1
      return done
    }
    if n % 2_000 == 0 || n == total { report(BuildProgress(stage: stage, done: n, total: total)) }
  }
}

/// Collects the first error of concurrent workers.
final class FailureList: @unchecked Sendable {
  private let lock = ShortLock()
  private var errors: [DiagnosticError] = []
  func add(_ error: DiagnosticError) { lock.withLock { errors.append(error) } }
  var first: DiagnosticError? { lock.withLock { errors.first } }
}

/// Runs `work` on a thread of its own from the moment it is made; `wait()` returns its outcome.
final class Alongside: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var failure: DiagnosticError?

  init(_ work: @escaping @Sendable () throws(DiagnosticError) -> Void) {
    let thread = Thread { [self] in
      do throws(DiagnosticError) { try work() } catch { failure = error }
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  func wait() throws(DiagnosticError) {
    done.wait()
    if let failure { throw failure }
  }
}
