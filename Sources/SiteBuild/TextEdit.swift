import Foundation
import SiteCore
import SiteMarkdown
import SiteSearch
import SiteTemplates

/// The rebuild after edits that changed only the texts of some recommendations (or of their
/// translations): the same files as a full build, from a fraction of the work.
///
/// A text whose front matter and title stay the same changes the recommendation's own pages and
/// the search index, nothing else: every list shows titles, and the catalog — order, terms,
/// counts — comes from front matter alone. So when the build state vouches for the output (same
/// program, settings, vocabularies, theme, free pages and set of files), this build reads only
/// the files whose stamps changed, renders those recommendations' pages in every language,
/// patches the search index, and publishes the standby copy with those files changed. Anything
/// else — a changed front matter or title, a file added or removed, an error — returns nil, and
/// the build runs whole.
enum TextEdit {
  /// A file changed this close before the last listing may have changed again within one tick
  /// of the file system's clock, unseen by its stamp: it is read again to be sure.
  static let racyWindow: Int64 = 2_000_000_000

  static func rebuild(_ inputs: SiteBuilder.Inputs, _ pages: [FreePage], _ fresh: BuildState,
                      _ configuration: BuildConfiguration, _ report: BuildReport, _ clock: StageClock) -> BuildReport? {
    let output = URL(fileURLWithPath: configuration.output).standardizedFileURL.path
    guard let previous = BuildState.read(beside: output), previous.fingerprint == fresh.fingerprint,
      fresh.tree.sameEntries(as: previous.tree)
    else { return nil }
    var report = report
    var clock = clock
    let lock: BuildLock
    do {
      try SiteWriter.checkPlace(configuration.output, inputs: configuration.inputFolders)
      lock = try BuildLock(output: configuration.output)
    } catch {
      report.diagnostics += error.diagnostics
      return report
    }
    defer { lock.release() }
    // Read under the lock: the state describes this output only while its manifest is the same file.
    guard FileStamp.of(output + "/" + SiteWriter.marker) == previous.outputMarker, let edit = Edit.find(previous, fresh.tree, inputs) else { return nil }
    clock.lap("find edited texts", into: &report)
    guard let site = EditedSite.make(edit, previous, inputs, pages, output: output) else { return nil }
    clock.lap("render edited pages and search index", into: &report)
    var state = previous
    state.tree = fresh.tree
    state.listedAt = fresh.listedAt
    for (k, hash) in edit.contentHash { state.contentHash[k] = hash }
    state.warnings = previous.warnings.filter { !edit.changedPaths.contains($0.location?.path ?? "") } + edit.diagnostics
    report.diagnostics += state.warnings
    report.diagnostics = report.diagnostics.sortedByLocation()
    report.recommendations = previous.recommendations
    report.pages = previous.pages
    report.incremental = true
    report.textEdits = edit.recommendations.count
    do {
      try publish(site, &state, &report, configuration, inputs.loader, output: output)
    } catch {
      report.diagnostics += error.diagnostics
    }
    clock.lap("publish", into: &report)
    return report
  }

  /// Writes the changed files into the standby copy and swaps it in; with nothing changed and a
  /// standby copy the state vouches for, only the state is written anew.
  static func publish(_ site: EditedSite, _ state: inout BuildState, _ report: inout BuildReport,
                      _ configuration: BuildConfiguration, _ loader: ContentLoader, output: String) throws(DiagnosticError) {
    let standby = SiteWriter.standbyPath(of: output)
    let standbyTrusted = state.standbyMarker != nil && FileStamp.of(standby + "/" + SiteWriter.marker) == state.standbyMarker
    if site.files.isEmpty && site.removals.isEmpty && standbyTrusted {
      report.files = state.files
      state.write(beside: output)
      return
    }
    let patch = try StandbyPatch(output: output, state: state)
    for (path, bytes) in site.files { try patch.write(path, bytes) }
    for path in site.removals { patch.remove(path) }
    let files = try patch.commit()
    report.files = files
    report.filesWritten = patch.written.count
    state.published(output: output, written: patch.written, removed: patch.removed, files: files, pages: state.pages,
      diagnostics: state.warnings, loader: loader)
    state.write(beside: output)
  }
}

/// Which files changed since the last build, read and decoded: nil unless every change is to a
/// text alone.
struct Edit {
  /// The entries (of the source tree) of the recommendations whose pages change.
  var recommendations: [Int] = []
  /// The edited recommendations, decoded: entry → record and text.
  var decoded: [Int: (Recommendation, RenderedText)] = [:]
  /// The entries whose recommendation text changed (the search index changes with them).
  var searchChanges: [Int] = []
  /// New content hashes, by entry, of every file read again.
  var contentHash: [Int: UInt64] = [:]
  /// The changed files as messages name them, and what decoding them reported.
  var changedPaths: Set<String> = []
  var diagnostics: [Diagnostic] = []

  static func find(_ previous: BuildState, _ tree: SourceTree, _ inputs: SiteBuilder.Inputs) -> Edit? {
    var edit = Edit()
    let decoder = RecommendationDecoder(vocabulary: inputs.vocabulary, defaultLanguage: inputs.config.language)
    let racy = previous.listedAt - TextEdit.racyWindow
    var affected: Set<Int> = []
    for k in 0..<tree.count {
      let role = BuildState.Role(rawValue: previous.roles[k]) ?? .ignored
      guard role == .recommendation || role == .translation else { continue }
      guard tree.stamps[k] != previous.tree.stamps[k] || tree.stamps[k].modified >= racy else { continue }
      let relative = tree.path(k)
      guard case .success(let file) = inputs.loader.readListed(relative) else { return nil }
      let hash = ContentHash.of(file.text)
      guard hash != previous.contentHash[k] else { continue }
      edit.contentHash[k] = hash
      edit.changedPaths.insert(file.path)
      switch role {
      case .recommendation:
        let (decoded, problems) = SiteBuilder.decodeRecommendation(file, decoder)
        guard let decoded, problems.errorCount == 0,
          decoded.frontMatterHash == previous.frontMatterHash[k], ContentHash.of(decoded.text.title) == previous.titleHash[k]
        else { return nil }
        edit.diagnostics += problems
        edit.decoded[k] = (decoded.recommendation, decoded.text)
        edit.searchChanges.append(k)
        affected.insert(k)
      default:
        var problems: [Diagnostic] = []
        guard let text = SiteBuilder.decodeTranslation(file, &problems), problems.errorCount == 0,
          ContentHash.of(text.title) == previous.titleHash[k]
        else { return nil }
        edit.diagnostics += problems
        affected.insert(Int(previous.position[k]))
      }
    }
    edit.recommendations = affected.sorted()
    return edit
  }
}

/// The files an edit changes: the edited recommendations' pages in every language and the
/// search index files the patch rewrites or removes.
struct EditedSite {
  var files: [(path: String, bytes: [UInt8])] = []
  var removals: [String] = []

  static func make(_ edit: Edit, _ previous: BuildState, _ inputs: SiteBuilder.Inputs, _ pages: [FreePage],
                   output: String) -> EditedSite? {
    guard let model = model(edit, previous, inputs, pages) else { return nil }
    var site = EditedSite()
    for language in inputs.config.languages {
      let builder = PageContextBuilder(model: model, strings: inputs.stringsByLanguage[language] ?? inputs.strings, language: language)
      for i in model.catalog.recommendations.indices {
        let page = builder.context(for: .recommendation(i))
        site.files.append((page.file, inputs.renderer.renderBytes(page.template, .object(page.values))))
      }
    }
    guard !edit.searchChanges.isEmpty else { return site }
    let index = Dictionary(uniqueKeysWithValues: model.catalog.recommendations.enumerated().map { (ObjectIdentifier($1), $0) })
    let changes = edit.searchChanges.map { k in
      SearchIndexPatch.Change(number: Int(previous.position[k]),
        document: SiteBuilder.searchDocument(index[ObjectIdentifier(edit.decoded[k]!.0)]!, model))
    }
    guard let patch = SearchIndexPatch.update(changes, read: { ContentLoader.readRegularFile(output + "/" + $0) }) else { return nil }
    site.files += patch.writes.map { ($0.path, $0.bytes) }
    site.removals = patch.removals
    return site
  }

  /// A model of the affected recommendations alone, with their translations: enough for their pages.
  static func model(_ edit: Edit, _ previous: BuildState, _ inputs: SiteBuilder.Inputs, _ pages: [FreePage]) -> SiteModel? {
    let decoder = RecommendationDecoder(vocabulary: inputs.vocabulary, defaultLanguage: inputs.config.language)
    var records: [(Recommendation, RenderedText, [String: RenderedText])] = []
    for e in edit.recommendations {
      let relative = previous.tree.path(e)
      var decoded = edit.decoded[e]
      if decoded == nil {
        guard let file = SiteBuilder.decodeRecommendation(relative, inputs.loader, decoder).0 else { return nil }
        decoded = (file.recommendation, file.text)
      }
      var translations: [String: RenderedText] = [:]
      for t in 0..<previous.roles.count
      where previous.roles[t] == BuildState.Role.translation.rawValue && previous.position[t] == Int32(e) {
        let path = previous.tree.path(t)
        var problems: [Diagnostic] = []
        guard let language = TranslationFiles.original(of: path, among: [relative])?.language,
          case .success(let file) = inputs.loader.readListed(path),
          let text = SiteBuilder.decodeTranslation(file, &problems)
        else { return nil }
        translations[language] = text
      }
      records.append((decoded!.0, decoded!.1, translations))
    }
    let catalog = Catalog.partial(records.map(\.0), countries: previous.countryKeys)
    let byRecord = Dictionary(uniqueKeysWithValues: records.map { (ObjectIdentifier($0.0), ($0.1, $0.2)) })
    return SiteModel(config: inputs.config, vocabulary: inputs.vocabulary, catalog: catalog,
      texts: catalog.recommendations.map { byRecord[ObjectIdentifier($0)]!.0 },
      translations: catalog.recommendations.map { byRecord[ObjectIdentifier($0)]!.1 }, pages: pages)
  }
}
