import Foundation
import SiteCore
import SiteFiles
import SiteMarkdown
import SiteSearch
import SiteTemplates

/// Which files changed since the last build, read and decoded: nil unless every change is to a
/// text alone (`BuildPlan.needsFullBuild` says whether such an edit can be published alone).
struct Edit {
  /// A file changed this close before the last listing may have changed again within one tick
  /// of the file system's clock, unseen by its stamp: it is read again to be sure.
  static let racyWindow: Int64 = 2_000_000_000

  /// The entries (of the source tree) of the recommendations whose pages change.
  var recommendations: [Int] = []
  /// The edited recommendations, decoded: entry → record and text.
  var decoded: [Int: (Recommendation, RenderedText)] = [:]
  /// The entries whose recommendation text or one of its translations changed (the search
  /// index changes with them).
  var searchChanges: [Int] = []
  /// New content hashes, by entry, of every file read again.
  var contentHash: [Int: UInt64] = [:]
  /// The changed files as messages name them, and what decoding them reported.
  var changedPaths: Set<String> = []
  var diagnostics: [Diagnostic] = []

  static func find(_ previous: BuildState, _ tree: SourceTree, _ inputs: BuildInputs) -> Edit? {
    var edit = Edit()
    let reader = RecommendationReader(inputs)
    let racy = previous.listedAt - Self.racyWindow
    var affected: Set<Int> = []
    for k in 0..<tree.count {
      let role = BuildState.Role(rawValue: previous.roles[k]) ?? .ignored
      guard role == .recommendation || role == .translation else { continue }
      guard tree.stamps[k] != previous.tree.stamps[k] || tree.stamps[k].modified >= racy else { continue }
      let relative = tree.path(k)
      guard case .success(let file) = inputs.content.readListed(relative) else { return nil }
      let hash = ContentHash.of(file.text)
      guard hash != previous.contentHash[k] else { continue }
      edit.contentHash[k] = hash
      edit.changedPaths.insert(file.path)
      switch role {
      case .recommendation:
        let (decoded, problems) = reader.decode(file)
        guard let decoded, problems.errorCount == 0,
          decoded.frontMatterHash == previous.frontMatterHash[k], ContentHash.of(decoded.text.title) == previous.titleHash[k]
        else { return nil }
        edit.diagnostics += problems
        edit.decoded[k] = (decoded.recommendation, decoded.text)
        edit.searchChanges.append(k)
        affected.insert(k)
      default:
        var problems: [Diagnostic] = []
        guard let text = TranslationReader.decode(file, &problems), problems.errorCount == 0,
          ContentHash.of(text.title) == previous.titleHash[k]
        else { return nil }
        edit.diagnostics += problems
        // Translations are indexed with their recommendation: its search document changes.
        affected.insert(Int(previous.position[k]))
        edit.searchChanges.append(Int(previous.position[k]))
      }
    }
    edit.recommendations = affected.sorted()
    edit.searchChanges = Set(edit.searchChanges).sorted()
    return edit
  }
}

/// The files an edit changes: the edited recommendations' pages in every language, the progress
/// reports they are on (`reports`), and the search index files the patch rewrites or removes.
struct EditedSite {
  var files: [OutputFile] = []
  var removals: [String] = []

  static func make(_ edit: Edit, _ previous: BuildState, _ inputs: BuildInputs, location: OutputLocation) -> EditedSite? {
    guard let (model, objects) = model(edit, previous, inputs) else { return nil }
    var site = EditedSite()
    for language in inputs.config.languages {
      let builder = PageContextBuilder(model: model, strings: inputs.strings(language), language: language)
      for i in model.catalog.recommendations.indices {
        let page = builder.context(for: .recommendation(i))
        site.files.append(OutputFile(path: page.file, bytes: inputs.renderer.renderBytes(page.template, .object(page.values))))
      }
    }
    guard let reports = reports(edit, previous, inputs, location: location),
      let matrices = matrices(model, inputs, location: location)
    else { return nil }
    site.files += reports + matrices
    guard !edit.searchChanges.isEmpty else { return site }
    let index = Dictionary(uniqueKeysWithValues: model.catalog.recommendations.enumerated().map { (ObjectIdentifier($1), $0) })
    let changes = edit.searchChanges.map { k in
      SearchIndexPatch.Change(number: Int(previous.position[k]),
        document: SiteBuilder.searchDocument(index[objects[k]!]!, model))
    }
    guard let patch = SearchIndexPatch.update(changes, read: { RegularFile.read(location.path + "/" + $0) }) else { return nil }
    site.files += patch.writes.map { OutputFile(path: $0.path, bytes: $0.bytes) }
    site.removals = patch.removals
    return site
  }

  /// A model of the affected recommendations alone, with their translations: enough for their
  /// pages; and, by entry, the identity of each one's recommendation in it.
  /// The model of the entries `only` when given (else of the edited recommendations): the edited
  /// ones as the edit decoded them, the others read again.
  static func model(_ edit: Edit, _ previous: BuildState, _ inputs: BuildInputs, only entries: [Int]? = nil)
    -> (SiteModel, [Int: ObjectIdentifier])? {
    let reader = RecommendationReader(inputs)
    var records: [(Recommendation, RenderedText, [String: RenderedText])] = []
    var objects: [Int: ObjectIdentifier] = [:]
    for e in entries ?? edit.recommendations {
      let relative = previous.tree.path(e)
      guard let decoded = edit.decoded[e] ?? reader.read(relative).0.map({ ($0.recommendation, $0.text) }),
        let translations = translations(of: e, relative, previous, inputs)
      else { return nil }
      records.append((decoded.0, decoded.1, translations))
      objects[e] = ObjectIdentifier(decoded.0)
    }
    let catalog = Catalog.partial(records.map(\.0), countries: previous.countryKeys)
    let byRecord = Dictionary(uniqueKeysWithValues: records.map { (ObjectIdentifier($0.0), ($0.1, $0.2)) })
    let model = SiteModel(config: config(inputs, previous), vocabulary: inputs.vocabulary, catalog: catalog,
      texts: catalog.recommendations.map { byRecord[ObjectIdentifier($0)]!.0 },
      translations: catalog.recommendations.map { byRecord[ObjectIdentifier($0)]!.1 }, pages: inputs.pages)
    return (model, objects)
  }

  /// The translations of the recommendation at entry `e`, read again.
  private static func translations(of e: Int, _ relative: String, _ previous: BuildState, _ inputs: BuildInputs) -> [String: RenderedText]? {
    var translations: [String: RenderedText] = [:]
    for t in 0..<previous.roles.count
    where previous.roles[t] == BuildState.Role.translation.rawValue && previous.position[t] == Int32(e) {
      let path = previous.tree.path(t)
      var problems: [Diagnostic] = []
      guard let language = TranslationPath.original(of: path, among: [relative])?.language,
        case .success(let file) = inputs.content.readListed(path),
        let text = TranslationReader.decode(file, &problems)
      else { return nil }
      translations[language] = text
    }
    return translations
  }
}
