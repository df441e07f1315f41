import SiteCore

/// Reads the fields of one UHRI annotation, recording every value it cannot use.
struct UHRIRecord {
  let fields: [String: JSONValue]
  let place: String
  var problems: [ImportProblem] = []

  init(_ fields: [String: JSONValue], place: String) {
    self.fields = fields
    self.place = place
  }

  mutating func problem(_ field: ImportProblem.Field, _ value: String, _ effect: ImportProblem.Effect) {
    problems.append(ImportProblem(field, value, effect, at: place))
  }

  /// Records a value whose row cannot be imported; returns nil for use in `??` chains.
  mutating func unmapped<T>(_ field: ImportProblem.Field, _ value: String) -> T? {
    problem(field, value, .rowSkipped)
    return nil
  }

  /// Records a value the row is imported without; returns nil for use in `??` chains.
  mutating func left<T>(_ field: ImportProblem.Field, _ value: String) -> T? {
    problem(field, value, .valueLeftOut)
    return nil
  }

  // MARK: - Raw values

  /// A text or number field, trimmed; a one-element list counts as its element.
  func string(_ key: String) -> String? {
    switch fields[key] {
    case .string(let text)?: return MarkdownText.hasText(text) ? text : nil
    case .number(let text)?: return text
    case .array(let items)? where items.count == 1:
      if case .string(let text) = items[0], MarkdownText.hasText(text) { return text }
      if case .number(let text) = items[0] { return text }
      return nil
    default: return nil
    }
  }

  /// A label field without its leading `- ` and stray spaces.
  func label(_ key: String) -> String? { string(key).map(LabelKey.clean).flatMap { $0.isEmpty ? nil : $0 } }

  /// A list of labels (a single text counts as a list of one), cleaned, empty ones dropped.
  func strings(_ key: String) -> [String] {
    let items: [JSONValue]
    switch fields[key] {
    case .array(let list)?: items = list
    case let value?: items = [value]
    case nil: items = []
    }
    return items.compactMap { item in
      switch item {
      case .string(let text): return LabelKey.clean(text).isEmpty ? nil : LabelKey.clean(text)
      case .number(let text): return text
      default: return nil
      }
    }
  }

  mutating func required(_ key: String, _ field: ImportProblem.Field) -> String? {
    guard let text = string(key) else { return unmapped(field, "(none)") }
    return MarkdownText.collapseSpaces(text)
  }

  // MARK: - Fields

  /// `uhri-` and the AnnotationId, slugged.
  mutating func id() -> String? {
    guard let raw = string("AnnotationId") else { return unmapped(.id, "(no AnnotationId)") }
    let slug = Slug.make(raw)
    guard !slug.isEmpty, slug.count <= 110 else { return unmapped(.id, raw) }
    return "uhri-" + slug
  }

  static let recommendationTypes: Set<String> = ["recommendations", "recommendation"]
  static let observationTypes: Set<String> = [
    "concerns/observations", "concerns / observations", "concerns", "observations", "concern/observation", "observation",
  ]

  /// `AnnotationType`; a missing or unknown one (a UUID) is typed by `AnnotationTypeRule` and noted.
  mutating func kind(mechanism: Mechanism) -> RecommendationKind {
    let label = label("AnnotationType")
    let key = label.map(LabelKey.make) ?? ""
    if Self.recommendationTypes.contains(key) { return .recommendation }
    if Self.observationTypes.contains(key) { return .observation }
    let (kind, reason) = AnnotationTypeRule.kind(mechanism: mechanism, text: string("Text") ?? "")
    problem(.type, "\(label ?? "(none)") → \(kind.rawValue) (\(reason))", .typedByRule)
    return kind
  }

  /// `PublicationDate` (`2018-07-06T00:00:00` or `2018-07-06`) as `YYYY-MM-DD`.
  mutating func date() -> String? {
    guard let raw = string("PublicationDate") else { return unmapped(.date, "(none)") }
    let day = String(MarkdownText.collapseSpaces(raw).prefix(10))
    guard CalendarDate(day) != nil else { return unmapped(.date, raw) }
    return day
  }

  /// The paragraph number that starts `Text` ("120.89", "47(g)", "18"), and the text after it as Markdown.
  mutating func paragraphAndText() -> (String?, String?) {
    guard let html = string("Text") else { return (unmapped(.text, "(none)"), nil) }
    var blocks = HTMLText.blocks(html)
    guard let first = blocks.first, let (paragraph, rest) = ParagraphNumber.split(first.text) else {
      let start = blocks.first.map { MarkdownText.collapseSpaces($0.text.prefix(40)) } ?? "(no text)"
      return (unmapped(.paragraph, "no paragraph number at the start of: " + start), nil)
    }
    if rest.isEmpty {
      blocks.removeFirst()
    } else {
      blocks[0] = first.replacingText(rest)
    }
    let text = HTMLText.markdown(blocks)
    guard !text.isEmpty else { return (paragraph, unmapped(.text, "(only a paragraph number)")) }
    return (paragraph, text)
  }

  mutating func terms(_ key: String, _ index: LabelIndex, _ field: ImportProblem.Field) -> [String] {
    var slugs: [String] = []
    for label in strings(key) {
      guard let slug = index.value(for: label) ?? left(field, label) else { continue }
      if !slugs.contains(slug) { slugs.append(slug) }
    }
    return slugs
  }

  /// `"5 - GENDER EQUALITY"` → `5`, `"16.2 - Protect children…"` → `16.2`, checked against sdgs.yml.
  mutating func sdgs(_ vocabulary: Vocabulary) -> [String] {
    var codes: [String] = []
    for label in strings("Sdgs") {
      let code = String(label.prefix { !$0.isWhitespace && $0 != "-" }).lowercased()
      let known = code.contains(".") ? vocabulary.targetByCode[code]?.code : Int(code).flatMap { vocabulary.goalByNumber[$0] }.map { _ in code }
      guard let known = known ?? left(.sdg, label) else { continue }
      if !codes.contains(known) { codes.append(known) }
    }
    return codes
  }
}

extension HTMLText.Block {
  func replacingText(_ text: String) -> Self {
    switch self {
    case .paragraph: return .paragraph(text)
    case .item(_, let number): return .item(text, number: number)
    }
  }
}
