import SiteCore
import SiteFiles
import SiteMarkdown

/// What the build state keeps of one file it read: its role, and the hashes that tell the next
/// build what an edit changed.
struct EntryNote {
  var entry: Int
  var role: BuildState.Role
  /// A translation's original (an entry); -1 for a recommendation (its place comes with the catalog).
  var position: Int32 = -1
  var contentHash: UInt64 = 0
  var frontMatterHash: UInt64 = 0
  var titleHash: UInt64 = 0
}

/// One recommendation file read, decoded and rendered, with the hashes the build state keeps.
struct DecodedFile {
  var recommendation: Recommendation
  var text: RenderedText
  var contentHash: UInt64
  var frontMatterHash: UInt64

  func note(entry: Int) -> EntryNote {
    EntryNote(entry: entry, role: .recommendation, contentHash: contentHash, frontMatterHash: frontMatterHash,
      titleHash: ContentHash.of(text.title))
  }
}

/// Reads, decodes and renders recommendation files: every file of a listing on `threads`
/// threads for a full build, or one edited file for a text edit.
struct RecommendationReader {
  let content: ContentLoader
  let decoder: RecommendationDecoder
  /// Whether each text's Markdown is kept (for the API, which publishes it).
  let keepsMarkdown: Bool

  init(_ inputs: BuildInputs) {
    content = inputs.content
    decoder = RecommendationDecoder(vocabulary: inputs.vocabulary, defaultLanguage: inputs.config.language,
      renderNote: { CMarkRenderer.render($0, headingShift: 3).html })
    keepsMarkdown = inputs.config.exports.has(.api)
  }

  /// Every recommendation of `listing`, in listing order, with what the build state keeps of each.
  func readAll(_ listing: MarkdownListing, threads: Int, progress: ProgressCounter)
    -> (records: [(Recommendation, RenderedText)], notes: [EntryNote], problems: [Diagnostic])
  {
    let results = parallelMap(listing.originals, threads: threads) { k -> (DecodedFile?, [Diagnostic]) in
      progress.step()
      return read(listing.files[k])
    }
    var records: [(Recommendation, RenderedText)] = []
    var notes: [EntryNote] = []
    var problems: [Diagnostic] = []
    records.reserveCapacity(results.count)
    notes.reserveCapacity(results.count)
    for (k, result) in zip(listing.originals, results) {
      problems += result.1
      guard let file = result.0 else { continue }
      notes.append(file.note(entry: listing.entries[k]))
      records.append((file.recommendation, file.text))
    }
    return (records, notes, problems)
  }

  func read(_ relative: String) -> (DecodedFile?, [Diagnostic]) {
    switch content.readListed(relative) {
    case .failure(let problem): return (nil, [problem])
    case .success(let file): return decode(file)
    }
  }

  func decode(_ file: SourceFile) -> (DecodedFile?, [Diagnostic]) {
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
    let text = RenderedText(title: title, html: rendered.html, plainText: rendered.plainText,
      markdown: keepsMarkdown ? decoded.text : "")
    return (DecodedFile(recommendation: r, text: text, contentHash: ContentHash.of(file.text),
      frontMatterHash: Self.frontMatterHash(split)), problems)
  }

  /// What a recommendation's record depends on in its file: the front matter and where it and
  /// the text start. Two versions of a file with the same hash differ only in their text.
  static func frontMatterHash(_ split: SplitDocument) -> UInt64 {
    ContentHash.of("\(split.yamlLine) \(split.bodyLine)\n" + split.yaml)
  }
}
