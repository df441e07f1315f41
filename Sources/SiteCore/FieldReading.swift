import Foundation

/// Reads each front-matter field of one recommendation, recording a diagnostic for every
/// value that is missing, of the wrong type, or outside its vocabulary.
struct FieldReading {
  let reader: YAMLReader
  let fields: [String: FieldNode]
  let vocabulary: Vocabulary
  /// Renders a follow-up note's Markdown (nil: the note as escaped text).
  var renderNote: (@Sendable (String) -> HTML)?
  var diagnostics: [Diagnostic] = []
  /// The mapping this reading reads, when nested (an entry of `follow_up.updates`): where a missing field is reported.
  var entryNode: FieldNode?

  init(reader: YAMLReader, fields: [String: FieldNode], vocabulary: Vocabulary) {
    self.reader = reader
    self.fields = fields
    self.vocabulary = vocabulary
  }

  mutating func recommendation(split: SplitDocument, defaultLanguage: String) -> Recommendation? {
    for field in FrontMatterField.allCases where field.isRequired && fields[field.name] == nil {
      diagnostics.append(.error(at: SourceLocation(path: split.path, line: 1), field: field.name,
        "missing required field \"\(field.name)\"", notes: [field.requiredHint ?? ""]))
    }
    let document = string(FrontMatterField.document)
    if let document, Slug.make(document).count > Slug.longest {
      diagnostics.append(.error(at: reader.location(fields[FrontMatterField.document.name]), field: FrontMatterField.document.name,
        "the symbol is too long to name its page", notes: ["a document symbol may have at most \(Slug.longest) letters and digits"]))
    }
    let paragraph = string(FrontMatterField.paragraph)
    let country = countryCode(FrontMatterField.country)
    let mechanism = choice(FrontMatterField.mechanism, Mechanism.self)
    let body = bodyCode(mechanism: mechanism)
    let date = date(FrontMatterField.date)
    let upr = mechanism == .upr
    let cycle = upr ? self.cycle() : nil
    let session = upr ? self.session() : nil
    let states = upr ? (list(FrontMatterField.recommendingStates).compactMap { countryCode($0, $1, field: FrontMatterField.recommendingStates) }) : []
    let response = upr ? choice(FrontMatterField.response, UPRResponse.self) : nil
    if let mechanism, !upr { rejectUPROnlyFields(mechanism) }
    let themes = terms(FrontMatterField.themes, vocabulary.themeBySlug, candidates: vocabulary.themes, noun: "theme")
    let affected = terms(FrontMatterField.affectedPersons, vocabulary.affectedPersonBySlug, candidates: vocabulary.affectedPersons, noun: "affected group")
    let (goals, targets) = sdgs()
    let language = self.language() ?? defaultLanguage
    let kind = choice(FrontMatterField.type, RecommendationKind.self) ?? .recommendation
    let title = fields[FrontMatterField.title.name] == nil ? nil : string(FrontMatterField.title)
    let followUp = self.followUp()
    let sourceURL = self.sourceURL()
    guard let document, let paragraph, let country, let mechanism, let body, let date else { return nil }
    let id = self.id() ?? RecommendationID(document: document, paragraph: paragraph)
    if id.rawValue.isEmpty || id.rawValue.count > 128 {
      diagnostics.append(.error(at: reader.location(fields[FrontMatterField.document.name]), field: FrontMatterField.id.name,
        "cannot derive an id from document \"\(document)\" and paragraph \"\(paragraph)\"",
        notes: ["give an id matching ^[a-z0-9][a-z0-9-]{0,127}$"]))
    }
    return Recommendation(
      id: id, source: split.path, document: document, paragraph: paragraph, country: country,
      mechanism: mechanism, body: body, date: date, cycle: cycle, session: session,
      recommendingStates: states, response: response, themes: themes, affectedPersons: affected, sdgGoals: goals, sdgTargets: targets,
      language: language, kind: kind, title: title, followUp: followUp, sourceURL: sourceURL,
      textLine: split.bodyLine)
  }

  // MARK: - Scalars

  mutating func string(_ field: some FieldName) -> String? {
    guard let node = fields[field.name] else { return nil }
    return reader.string(node, field: field.name, into: &diagnostics)
  }

  mutating func list(_ field: some FieldName) -> [(String, FieldNode)] {
    guard let node = fields[field.name] else { return [] }
    return reader.list(node, field: field.name, into: &diagnostics) ?? []
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(_ field: some FieldName, _: T.Type) -> T? where T.RawValue == String {
    guard let text = string(field) else { return nil }
    if let value = T(rawValue: text) { return value }
    let accepted = T.allCases.map(\.rawValue)
    diagnostics.append(unknown(field, text, fields[field.name]!, noun: "value", candidates: accepted,
      accepted: "expected one of: " + accepted.joined(separator: ", ")))
    return nil
  }

  func unknown(_ field: some FieldName, _ text: String, _ node: FieldNode, noun: String, candidates: [String], accepted: String?) -> Diagnostic {
    var message = "unknown \(noun) \"\(text)\""
    if let near = Suggestion.nearest(to: text, in: candidates) { message += ": did you mean \"\(near)\"?" }
    return .error(at: reader.location(node), field: field.name, message, notes: accepted.map { [$0] } ?? [])
  }

  mutating func date(_ field: some FieldName) -> String? {
    guard let text = string(field) else { return nil }
    guard let date = CalendarDate(text) else {
      diagnostics.append(.error(at: reader.location(fields[field.name]), field: field.name,
        "\"\(text)\" is not a date", notes: ["expected YYYY-MM-DD, such as 2018-07-06"]))
      return nil
    }
    return date.text
  }

  mutating func cycle() -> Int? {
    guard let text = string(FrontMatterField.cycle) else { return nil }
    guard let cycle = Int(text), (1...4).contains(cycle) else {
      diagnostics.append(.error(at: reader.location(fields[FrontMatterField.cycle.name]), field: FrontMatterField.cycle.name,
        "\"\(text)\" is not a UPR cycle", notes: ["expected a number from 1 to 4"]))
      return nil
    }
    return cycle
  }

  /// The UPR Working Group session (`session: 31`), a whole number from 1 to 99.
  mutating func session() -> Int? {
    guard let text = string(FrontMatterField.session) else { return nil }
    guard let session = Int(text), (1...99).contains(session) else {
      diagnostics.append(.error(at: reader.location(fields[FrontMatterField.session.name]), field: FrontMatterField.session.name,
        "\"\(text)\" is not a UPR session", notes: ["expected the Working Group session's number, from 1 to 99"]))
      return nil
    }
    return session
  }

  mutating func language() -> String? {
    guard let text = string(FrontMatterField.language) else { return nil }
    guard LanguageCode.isValid(text) else {
      diagnostics.append(.error(at: reader.location(fields[FrontMatterField.language.name]), field: FrontMatterField.language.name,
        "\"\(text)\" is not a language code", notes: ["expected a BCP 47 code such as en, fr, es, ru, zh, ar"]))
      return nil
    }
    return text
  }

  mutating func id() -> RecommendationID? {
    guard fields[FrontMatterField.id.name] != nil, let text = string(FrontMatterField.id) else { return nil }
    guard RecommendationID.isValid(text) else {
      diagnostics.append(.error(at: reader.location(fields[FrontMatterField.id.name]), field: FrontMatterField.id.name,
        "\"\(text)\" is not a valid id", notes: ["expected lower-case letters, digits and dashes (^[a-z0-9][a-z0-9-]{0,127}$), such as \"\(Slug.make(text).prefix(128))\""]))
      return nil
    }
    return RecommendationID(text)
  }

  /// `source_url`: an http(s) address of the source document, or `none` when it has none online.
  mutating func sourceURL() -> String? {
    guard fields[FrontMatterField.sourceURL.name] != nil, let text = string(FrontMatterField.sourceURL) else { return nil }
    if text == "none" { return "" }
    guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(where: { $0.isWhitespace }) else {
      diagnostics.append(.error(at: reader.location(fields[FrontMatterField.sourceURL.name]), field: FrontMatterField.sourceURL.name,
        "\"\(text)\" is not an http(s) address", notes: ["give the document's address, or none when it has none online"]))
      return nil
    }
    return text
  }

  mutating func rejectUPROnlyFields(_ mechanism: Mechanism) {
    for field in FrontMatterField.allCases where field.isUPROnly && fields[field.name] != nil {
      diagnostics.append(.error(at: reader.location(fields[field.name]), field: field.name,
        "\"\(field.name)\" is for UPR recommendations only, and this one's mechanism is \(mechanism.rawValue)"))
    }
  }
}
