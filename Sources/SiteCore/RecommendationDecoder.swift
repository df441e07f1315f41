/// Turns a split recommendation file into a `Recommendation`, checking every field against the
/// contract and the vocabularies and collecting all problems rather than stopping at the first.
public struct RecommendationDecoder: Sendable {
  public let vocabulary: Vocabulary
  public let defaultLanguage: String
  /// Renders the Markdown of follow-up notes (SiteCore has no Markdown renderer; the build
  /// passes cmark's). Without it a note shows as escaped text.
  public var renderNote: (@Sendable (String) -> HTML)?

  public init(vocabulary: Vocabulary, defaultLanguage: String, renderNote: (@Sendable (String) -> HTML)? = nil) {
    self.vocabulary = vocabulary
    self.defaultLanguage = defaultLanguage
    self.renderNote = renderNote
  }

  static let knownFields = FrontMatterField.allCases.map(\.name)

  /// The result of decoding one file: the recommendation when it has no error, and every
  /// problem found (warnings may come with a recommendation).
  public struct Decoded: Sendable {
    public var recommendation: Recommendation?
    public var diagnostics: [Diagnostic]
    /// The Markdown text below the front matter, to render; the catalog keeps only the record.
    public var text = ""
  }

  public func decode(_ file: SourceFile) -> Decoded {
    switch FrontMatterSplitter.split(file) {
    case .failure(let d): return Decoded(recommendation: nil, diagnostics: [d])
    case .success(let split): return decode(split)
    }
  }

  /// Reads plain front matter quickly; a file it cannot read, or whose reading finds any problem,
  /// is read again with Yams, whose marks place every message at its line and column.
  public func decode(_ split: SplitDocument) -> Decoded {
    let reader = YAMLReader(path: split.path, lineOffset: split.yamlLine - 1)
    if let root = SimpleYAML.parse(split.yaml) {
      let decoded = decode(root, reader, split)
      if decoded.diagnostics.isEmpty { return decoded }
    }
    switch reader.parse(split.yaml) {
    case .failure(let problem): return Decoded(recommendation: nil, diagnostics: [problem])
    case .success(let node): return decode(node, reader, split)
    }
  }

  private func decode(_ root: FieldNode?, _ reader: YAMLReader, _ split: SplitDocument) -> Decoded {
    var d: [Diagnostic] = []
    let frontMatterStart = SourceLocation(path: split.path, line: 1)
    guard case let .mapping(mapping)? = root?.value else {
      let found = root.map { reader.kind(of: $0) } ?? "nothing"
      let problem = Diagnostic.error(at: root == nil ? frontMatterStart : reader.location(root),
        "the front matter must be a mapping of fields (document: …, country: …), found \(found)")
      return Decoded(recommendation: nil, diagnostics: [problem])
    }
    let fields = Dictionary(reader.entries(of: mapping, into: &d).map { ($0.key, $0.node) }) { a, _ in a }
    var reading = FieldReading(reader: reader, fields: fields, vocabulary: vocabulary)
    reading.renderNote = renderNote
    let rec = reading.recommendation(split: split, defaultLanguage: defaultLanguage)
    d += reading.diagnostics
    for key in fields.keys.sorted() where !Self.knownFields.contains(key) {
      let hint = Suggestion.nearest(to: key, in: Self.knownFields).map { "did you mean \"\($0)\"?" }
      d.append(.warning(at: reader.location(fields[key]), field: key, "unknown field \"\(key)\" is ignored",
        notes: hint.map { [$0] } ?? []))
    }
    return Decoded(recommendation: d.errorCount == 0 ? rec : nil, diagnostics: d.sortedByLocation(), text: split.body)
  }
}
