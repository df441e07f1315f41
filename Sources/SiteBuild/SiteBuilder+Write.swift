import Foundation
import SiteCore
import SiteTemplates

extension SiteBuilder {
  /// Renders every page into the staging folder, adds the sitemap, search index and assets, and
  /// swaps the result into place.
  static func write(_ model: SiteModel, _ inputs: Inputs, _ configuration: BuildConfiguration,
                    _ report: inout BuildReport, _ clock: inout StageClock, _ state: inout BuildState) {
    let lock: BuildLock
    let writer: SiteWriter
    do {
      try SiteWriter.checkPlace(configuration.output, inputs: configuration.inputFolders)
      lock = try BuildLock(output: configuration.output)
      writer = try SiteWriter(output: configuration.output)
    } catch {
      report.diagnostics += error.diagnostics
      return
    }
    defer { lock.release() }
    do throws(DiagnosticError) {
      let routes = Route.all(in: model)
      let pages = model.config.languages.flatMap { language in
        routes.filter { language == model.config.language || $0 != .notFound }.map { (language, $0) }
      }
      // The search index is built on a thread of its own while the pages render: on two cores
      // neither stage alone kept both busy (1.65 and 1.8 cores at 270k), and together they do more.
      let search = Alongside { () throws(DiagnosticError) in
        try writeSearchIndex(model, inputs.strings, writer, threads: configuration.threads)
      }
      configuration.progress?(BuildProgress(stage: "render and write pages", done: 0, total: pages.count))
      do throws(DiagnosticError) {
        try renderPages(pages, model, inputs, writer, configuration)
        report.pages = pages.count
        clock.lap("render and write pages (and the search index alongside)", into: &report)
        for (file, xml) in Sitemap.files(routes: routes, model: model) { try writer.write(file, xml) }
        try writeMatrixCSVs(model, inputs.stringsByLanguage, writer, threads: configuration.threads)
        clock.lap("sitemaps and country matrices", into: &report)
      } catch {
        _ = try? search.wait()
        throw error
      }
      configuration.progress?(BuildProgress(stage: "search index", done: 0, total: model.catalog.recommendations.count))
      try search.wait()
      clock.lap("search index (what was left of it)", into: &report)
      try copyAssets(inputs.theme, writer)
      try writer.commit()
      report.files = writer.fileCount
      report.filesWritten = writer.writtenCount
      report.incremental = writer.isIncremental
      state.published(output: configuration.output, written: writer.written, removed: writer.removed, files: writer.fileCount,
        pages: report.pages, diagnostics: report.diagnostics, loader: inputs.loader)
      state.write(beside: configuration.output)
      clock.lap("copy assets and publish", into: &report)
    } catch {
      writer.discard()
      report.diagnostics += error.diagnostics
    }
  }

  static func renderPages(_ routes: [(language: String, route: Route)], _ model: SiteModel, _ inputs: Inputs,
                          _ writer: SiteWriter, _ configuration: BuildConfiguration) throws(DiagnosticError) {
    let builders = Dictionary(uniqueKeysWithValues: model.config.languages.map { language in
      (language, PageContextBuilder(model: model, strings: inputs.stringsByLanguage[language] ?? inputs.strings, language: language,
        listing: configuration.threads))
    })
    let renderer = inputs.renderer
    let failures = FailureList()
    let counter = ProgressCounter(total: routes.count, stage: "render and write pages", report: configuration.progress)
    parallelForEach(routes.count, threads: configuration.threads) { i in
      counter.step()
      let page = builders[routes[i].language]!.context(for: routes[i].route)
      do throws(DiagnosticError) {
        try writer.write(page.file, renderer.renderBytes(page.template, .object(page.values)))
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }

  static func copyAssets(_ theme: Theme, _ writer: SiteWriter) throws(DiagnosticError) {
    for name in theme.assets.keys.sorted() {
      switch theme.assets[name]! {
      case .embedded(let text): try writer.write(name, text)
      case .file(let path):
        guard let data = FileManager.default.contents(atPath: path) else {
          throw DiagnosticError([.error(at: SourceLocation(path: path), "cannot read the asset")])
        }
        try writer.write(name, [UInt8](data))
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

/// Keeps two builds from writing the same output at once: an exclusive lock on a file beside it.
struct BuildLock {
  private let fd: Int32

  init(output: String) throws(DiagnosticError) {
    let url = URL(fileURLWithPath: output).standardizedFileURL
    let parent = url.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    let path = parent.appendingPathComponent(".\(url.lastPathComponent).lock").path
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw DiagnosticError([.error(at: nil, "cannot create the build lock \(path): \(String(cString: strerror(errno)))")])
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      throw DiagnosticError([.error(at: nil, "another build is writing \(output) right now",
        notes: ["wait for it to finish (lock file \(path))"])])
    }
  }

  func release() {
    flock(fd, LOCK_UN)
    close(fd)
  }
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
