import SiteCore
import SiteFiles
import SiteTemplates

/// The build of every page: read every file, make the catalog and the model, render every page
/// and the search index, and hand them to the publisher.
struct FullBuild {
  let inputs: BuildInputs
  let configuration: BuildConfiguration
  let location: OutputLocation

  func run(_ draft: BuildState, _ log: inout BuildLog) {
    var state = draft
    guard let model = model(&state, &log) else { return }
    publish(model, &state, &log)
  }

  /// Reads and decodes the recommendations and their translations; nil after any error.
  func model(_ state: inout BuildState, _ log: inout BuildLog) -> SiteModel? {
    configuration.progress?(BuildProgress(stage: "read and decode recommendations", done: 0, total: 0))
    let listing = MarkdownListing(state.tree, inputs.content)
    log.add(listing.problems)
    let progress = ProgressCounter(total: listing.originals.count, stage: "read and decode recommendations",
      report: configuration.progress)
    let read = RecommendationReader(inputs).readAll(listing, threads: configuration.threads, progress: progress)
    log.add(read.problems)
    state.note(read.notes)
    log.lap("read and decode recommendations")
    let (catalog, catalogProblems) = Catalog.build(read.records.map(\.0), threads: configuration.threads)
    log.add(catalogProblems)
    log.report.recommendations = catalog.recommendations.count
    log.lap("catalog")
    guard log.succeeded else { return nil }
    let translations = TranslationReader(inputs).readAll(listing)
    log.add(translations.problems)
    state.note(translations.notes)
    guard log.succeeded else { return nil }
    let entries = Dictionary(zip(read.records, read.notes).map { (ObjectIdentifier($0.0), $1.entry) }) { a, _ in a }
    state.place(catalog, entries: entries)
    let textByID = Dictionary(read.records.map { ($0.0.id, $0.1) }) { a, _ in a }
    let model = SiteModel(config: inputs.config, vocabulary: inputs.vocabulary, catalog: catalog,
      texts: catalog.recommendations.map { textByID[$0.id]! },
      translations: catalog.recommendations.map { translations.texts[$0.source] ?? [:] }, pages: inputs.pages)
    state.place(model.followUp, catalog, entries: entries)
    return model
  }

  /// Renders everything into a publisher over the standby copy, and publishes it.
  private func publish(_ model: SiteModel, _ state: inout BuildState, _ log: inout BuildLog) {
    do throws(DiagnosticError) {
      try location.checkPlace(inputs: configuration.inputFolders)
      let lock = try OutputLock(location)
      defer { lock.release() }
      let publisher = try SitePublisher(location, start: .rebuild)
      var site = model
      site.downloads = try Downloads.write(model, publisher, threads: configuration.threads)
      log.lap("downloads")
      // One builder per language serves every stage below: each sorts every term's name once.
      let builders = PageContextBuilder.perLanguage(model: site, strings: inputs.stringsByLanguage, fallback: inputs.strings)
      if site.config.exports.has(.api) {
        try StaticAPI(site, builders: builders).write(publisher, threads: configuration.threads)
        log.lap("static API")
      }
      if site.config.exports.has(.feeds) {
        try SiteBuilder.writeFeeds(builders, publisher, threads: configuration.threads)
        log.lap("feeds")
      }
      try SiteRenderer(model: site, inputs: inputs, configuration: configuration, builders: builders).render(into: publisher, &log)
      // The state is written once, by the standby copy's refresh below.
      try publisher.swapIn(&state, pages: log.report.pages, diagnostics: log.report.diagnostics, loader: inputs.content)
      log.report.files = publisher.fileCount
      log.report.filesWritten = publisher.written.count
      log.report.incremental = publisher.isIncremental
      log.lap("copy assets and publish")
      publisher.refreshStandby(&state, threads: configuration.threads)
      log.lap("standby copy for the next edit")
    } catch {
      log.add(error.diagnostics)
    }
  }
}
