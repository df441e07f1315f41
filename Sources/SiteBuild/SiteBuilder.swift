import Foundation
import SiteCore
import SiteMarkdown
import SiteSearch
import SiteTemplates

/// Runs the stages of a build in order: load → decode → render Markdown → catalog → pages → write.
///
/// Nothing is written unless every input is valid: problems are collected from every stage that
/// can run and reported together, and the output folder changes only by the final swap.
public enum SiteBuilder {
  public static func build(_ configuration: BuildConfiguration) -> BuildReport {
    var report = BuildReport()
    var clock = StageClock()
    guard let inputs = loadInputs(configuration, &report) else { return report }
    let pages = loadFreePages(inputs, &report)
    clock.lap("load settings, vocabularies and theme", into: &report)
    let listedAt = BuildState.now()
    let tree = SourceTree.scan(root: inputs.loader.root, folder: "recommendations", threads: configuration.threads)
    var draft = BuildState(tree: tree, listedAt: listedAt,
      fingerprint: InputFingerprint.of(inputs, pages: pages, configuration: configuration))
    clock.lap("list recommendations", into: &report)
    if let edited = TextEdit.rebuild(inputs, pages, draft, configuration, report, clock) { return edited }
    configuration.progress?(BuildProgress(stage: "read and decode recommendations", done: 0, total: 0))
    let listing = MarkdownListing(tree, inputs.loader)
    report.diagnostics += listing.problems
    let decoded = decodeRecommendations(inputs, listing, configuration, &report, &draft)
    clock.lap("read and decode recommendations", into: &report)
    let (catalog, catalogProblems) = Catalog.build(decoded.map(\.0))
    report.diagnostics += catalogProblems
    report.recommendations = catalog.recommendations.count
    clock.lap("catalog", into: &report)
    guard report.succeeded else {
      report.diagnostics = report.diagnostics.sortedByLocation()
      return report
    }
    let textByID = Dictionary(decoded.map { ($0.0.id, $0.1) }, uniquingKeysWith: { a, _ in a })
    let translated = decodeTranslations(inputs, listing, &report, &draft)
    let model = SiteModel(config: inputs.config, vocabulary: inputs.vocabulary, catalog: catalog,
      texts: catalog.recommendations.map { textByID[$0.id]! },
      translations: catalog.recommendations.map { translated[$0.source] ?? [:] }, pages: pages)
    guard report.succeeded else {
      report.diagnostics = report.diagnostics.sortedByLocation()
      return report
    }
    draft.record(catalog, listing: listing, loader: inputs.loader)
    write(model, inputs, configuration, &report, &clock, &draft)
    report.diagnostics = report.diagnostics.sortedByLocation()
    return report
  }

  // MARK: - Stages

  struct Inputs {
    var loader: ContentLoader
    var config: SiteConfig
    var vocabulary: Vocabulary
    var theme: Theme
    var renderer: TemplateRenderer
    /// The default language's interface text.
    var strings: UIStrings
    /// Every site language's interface text, the default one included.
    var stringsByLanguage: [String: UIStrings]
    /// The settings and vocabulary files as read (path, text), for the build state's fingerprint.
    var settings: [(path: String, text: String)]
  }

  static func loadInputs(_ configuration: BuildConfiguration, _ report: inout BuildReport) -> Inputs? {
    let loader = ContentLoader(root: BuildConfiguration.display(configuration.content))
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: configuration.content, isDirectory: &isDirectory), isDirectory.boolValue else {
      report.diagnostics.append(.error(at: nil, "no content folder at \(configuration.content)",
        notes: ["pass --content DIR, the folder holding site.yml and recommendations/"]))
      return nil
    }
    var settings: [(path: String, text: String)] = []
    let config = loadSiteConfig(loader, configuration, &report, &settings)
    let vocabulary = loadVocabulary(loader, &report, &settings)
    let (theme, themeProblems) = Theme.load(
      templates: configuration.templates ?? configuration.sibling("Templates"),
      publicFolder: configuration.publicFolder ?? configuration.sibling("Public"))
    report.diagnostics += themeProblems
    var renderer: TemplateRenderer?
    do {
      renderer = try TemplateRenderer(templates: theme.templates)
    } catch {
      report.diagnostics += error.diagnostics
    }
    var stringsByLanguage: [String: UIStrings] = [:]
    for language in config?.languages ?? ["en"] {
      let (strings, problems) = theme.uiStrings(language)
      stringsByLanguage[language] = strings
      report.diagnostics += problems
    }
    let strings = stringsByLanguage[config?.language ?? "en"] ?? UIStrings(language: "en", values: [:])
    guard let config, let vocabulary, let renderer else {
      report.diagnostics = report.diagnostics.sortedByLocation()
      return nil
    }
    return Inputs(loader: loader, config: config, vocabulary: vocabulary, theme: theme, renderer: renderer, strings: strings,
      stringsByLanguage: stringsByLanguage, settings: settings)
  }

  static func loadSiteConfig(_ loader: ContentLoader, _ configuration: BuildConfiguration, _ report: inout BuildReport,
                             _ settings: inout [(path: String, text: String)]) -> SiteConfig? {
    guard loader.exists("site.yml") else {
      report.diagnostics.append(.error(at: SourceLocation(path: loader.display("site.yml")), "missing site settings",
        notes: ["create site.yml with at least: title: My index"]))
      return nil
    }
    let file: SourceFile
    switch loader.read("site.yml") {
    case .failure(let problem):
      report.diagnostics.append(problem)
      return nil
    case .success(let read): file = read
    }
    settings.append((file.path, file.text))
    let (decoded, problems) = SiteConfig.decode(path: file.path, text: file.text)
    report.diagnostics += problems
    guard var config = decoded else { return nil }
    if let url = configuration.baseURL { config.baseURL = url.hasSuffix("/") ? url : url + "/" }
    return config
  }

  static func loadVocabulary(_ loader: ContentLoader, _ report: inout BuildReport,
                             _ settings: inout [(path: String, text: String)]) -> Vocabulary? {
    var files: [VocabularyFile: (path: String, text: String)] = [:]
    for kind in VocabularyFile.allCases {
      let relative = "vocabularies/" + kind.fileName
      if loader.exists(relative) {
        switch loader.read(relative) {
        case .success(let file): files[kind] = (file.path, file.text)
        case .failure(let problem): report.diagnostics.append(problem)
        }
      } else if let text = DefaultFiles.vocabularies[kind.fileName] {
        files[kind] = ("(default)/vocabularies/\(kind.fileName)", text)
      }
    }
    for kind in VocabularyFile.allCases { if let file = files[kind] { settings.append(file) } }
    switch VocabularyDecoder().decode(files) {
    case .success(let vocabulary): return vocabulary
    case .failure(let error):
      report.diagnostics += error.diagnostics
      return nil
    }
  }

  /// Reads, decodes and renders every recommendation file, on every core; notes each file's
  /// hashes in `draft` for the build state.
  static func decodeRecommendations(_ inputs: Inputs, _ listing: MarkdownListing, _ configuration: BuildConfiguration,
                                    _ report: inout BuildReport, _ draft: inout BuildState) -> [(Recommendation, RenderedText)] {
    let originals = listing.originals
    let decoder = RecommendationDecoder(vocabulary: inputs.vocabulary, defaultLanguage: inputs.config.language)
    let loader = inputs.loader
    let counter = ProgressCounter(total: originals.count, stage: "read and decode recommendations", report: configuration.progress)
    let results = parallelMap(originals, threads: configuration.threads) { k -> (DecodedFile?, [Diagnostic]) in
      counter.step()
      return decodeRecommendation(listing.files[k], loader, decoder)
    }
    var decoded: [(Recommendation, RenderedText)] = []
    decoded.reserveCapacity(results.count)
    draft.entryOfRecord.reserveCapacity(results.count)
    for (k, result) in zip(originals, results) {
      report.diagnostics += result.1
      guard let file = result.0 else { continue }
      let entry = listing.entries[k]
      draft.roles[entry] = BuildState.Role.recommendation.rawValue
      (draft.contentHash[entry], draft.frontMatterHash[entry]) = (file.contentHash, file.frontMatterHash)
      draft.titleHash[entry] = ContentHash.of(file.text.title)
      draft.entryOfRecord[ObjectIdentifier(file.recommendation)] = Int32(entry)
      decoded.append((file.recommendation, file.text))
    }
    return decoded
  }

  /// One recommendation file read, decoded and rendered, with the hashes the build state keeps.
  struct DecodedFile {
    var recommendation: Recommendation
    var text: RenderedText
    var contentHash: UInt64
    var frontMatterHash: UInt64
  }

  static func decodeRecommendation(_ relative: String, _ loader: ContentLoader, _ decoder: RecommendationDecoder) -> (DecodedFile?, [Diagnostic]) {
    switch loader.readListed(relative) {
    case .failure(let problem): return (nil, [problem])
    case .success(let file): return decodeRecommendation(file, decoder)
    }
  }

  static func decodeRecommendation(_ file: SourceFile, _ decoder: RecommendationDecoder) -> (DecodedFile?, [Diagnostic]) {
    let split: SplitDocument
    switch FrontMatterSplitter.split(file) {
    case .failure(let problem): return (nil, [problem])
    case .success(let cut): split = cut
    }
    let decoded = decoder.decode(split)
    guard let r = decoded.recommendation else { return (nil, decoded.diagnostics) }
    let rendered = CMarkRenderer.render(decoded.text, headingShift: 1)
    let title = r.title ?? Headline.make(from: rendered.plainText)
    var problems = decoded.diagnostics
    if title.isEmpty {
      problems.append(.error(at: SourceLocation(path: file.path, line: r.textLine), field: "title",
        "the recommendation has no text and no title", notes: ["write its text below the front matter"]))
      return (nil, problems)
    }
    let text = RenderedText(title: title, html: rendered.html, plainText: rendered.plainText)
    return (DecodedFile(recommendation: r, text: text, contentHash: ContentHash.of(file.text),
      frontMatterHash: frontMatterHash(split)), problems)
  }

  /// What a recommendation's record depends on in its file: the front matter and where it and
  /// the text start. Two versions of a file with the same hash differ only in their text.
  static func frontMatterHash(_ split: SplitDocument) -> UInt64 {
    ContentHash.of("\(split.yamlLine) \(split.bodyLine)\n" + split.yaml)
  }

  static func loadFreePages(_ inputs: Inputs, _ report: inout BuildReport) -> [FreePage] {
    let listing = inputs.loader.list("pages", suffix: ".md", recursive: false)
    report.diagnostics += listing.problems
    return listing.files.compactMap { relative -> FreePage? in
      let name = String(relative.dropFirst("pages/".count).dropLast(3))
      let location = SourceLocation(path: inputs.loader.display(relative))
      guard Slug.isValid(name), !Route.reservedNames.contains(name) else {
        report.diagnostics.append(.error(at: location, "a free page cannot be named \"\(name)\"",
          notes: [Route.reservedNames.contains(name) ? "HRIndex writes its own pages at /\(name)/" : "name it with lower-case letters, digits and dashes, such as \(Slug.make(name)).md"]))
        return nil
      }
      switch inputs.loader.read(relative).flatMap({ FrontMatterSplitter.split($0) }) {
      case .failure(let problem):
        report.diagnostics.append(problem)
        return nil
      case .success(let split):
        guard let title = FreePageDecoder.title(split, &report.diagnostics) else { return nil }
        return FreePage(name: name, title: title, html: CMarkRenderer.render(split.body, headingShift: 1).html)
      }
    }
  }
}

/// Measures how long each stage took, for `--timings`.
struct StageClock {
  private var last = DispatchTime.now().uptimeNanoseconds
  private var lastCPU = Self.processCPU()

  mutating func lap(_ name: String, into report: inout BuildReport) {
    let now = DispatchTime.now().uptimeNanoseconds
    let cpu = Self.processCPU()
    report.stages.append((name, Double(now - last) / 1e9, cpu - lastCPU))
    last = now
    lastCPU = cpu
  }

  /// User and system time of every thread of the process so far, in seconds.
  static func processCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }
}
