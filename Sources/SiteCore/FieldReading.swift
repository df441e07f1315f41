import Foundation

/// Reads each front-matter field of one recommendation, recording a diagnostic for every
/// value that is missing, of the wrong type, or outside its vocabulary.
struct FieldReading {
  let reader: YAMLReader
  let fields: [String: FieldNode]
  let vocabulary: Vocabulary
  var diagnostics: [Diagnostic] = []

  init(reader: YAMLReader, fields: [String: FieldNode], vocabulary: Vocabulary) {
    self.reader = reader
    self.fields = fields
    self.vocabulary = vocabulary
  }

  mutating func recommendation(split: SplitDocument, defaultLanguage: String) -> Recommendation? {
    for key in RecommendationDecoder.requiredFields where fields[key] == nil {
      diagnostics.append(.error(at: SourceLocation(path: split.path, line: 1), field: key,
        "missing required field \"\(key)\"", notes: [Self.requiredHint[key] ?? ""]))
    }
    let document = string("document")
    if let document, Slug.make(document).count > Slug.longest {
      diagnostics.append(.error(at: reader.location(fields["document"]), field: "document",
        "the symbol is too long to name its page", notes: ["a document symbol may have at most \(Slug.longest) letters and digits"]))
    }
    let paragraph = string("paragraph")
    let country = countryCode("country")
    let mechanism = choice("mechanism", Mechanism.self)
    let body = bodyCode(mechanism: mechanism)
    let date = date("date")
    let upr = mechanism == .upr
    let cycle = upr ? self.cycle() : nil
    let states = upr ? (list("recommending_states").compactMap { countryCode($0, $1, field: "recommending_states") }) : []
    let response = upr ? choice("response", UPRResponse.self) : nil
    if let mechanism, !upr { rejectUPROnlyFields(mechanism) }
    let themes = terms("themes", vocabulary.themeBySlug, candidates: vocabulary.themes, noun: "theme")
    let affected = terms("affected_persons", vocabulary.affectedPersonBySlug, candidates: vocabulary.affectedPersons, noun: "affected group")
    let (goals, targets) = sdgs()
    let language = self.language() ?? defaultLanguage
    let kind = choice("type", RecommendationKind.self) ?? .recommendation
    let title = fields["title"] == nil ? nil : string("title")
    let followUp = self.followUp()
    let sourceURL = self.sourceURL()
    guard let document, let paragraph, let country, let mechanism, let body, let date else { return nil }
    let id = self.id() ?? Recommendation.derivedID(document: document, paragraph: paragraph)
    if id.isEmpty || id.count > 128 {
      diagnostics.append(.error(at: reader.location(fields["document"]), field: "id",
        "cannot derive an id from document \"\(document)\" and paragraph \"\(paragraph)\"",
        notes: ["give an id matching ^[a-z0-9][a-z0-9-]{0,127}$"]))
    }
    return Recommendation(
      id: id, source: split.path, document: document, paragraph: paragraph, country: country,
      mechanism: mechanism, body: body, date: date, cycle: cycle, recommendingStates: states,
      response: response, themes: themes, affectedPersons: affected, sdgGoals: goals, sdgTargets: targets,
      language: language, kind: kind, title: title, followUp: followUp, sourceURL: sourceURL,
      textLine: split.bodyLine)
  }

  static let requiredHint: [String: String] = [
    "document": "the UN document symbol, such as document: A/HRC/39/6",
    "paragraph": "the paragraph number as a string, such as paragraph: \"120.89\"",
    "country": "the ISO 3166-1 alpha-3 code of the State addressed, such as country: ECU",
    "mechanism": "one of: upr, treaty-body, special-procedure",
    "body": "a code from vocabularies/bodies.yml, such as body: CRC",
    "date": "the document's date as YYYY-MM-DD, such as date: 2018-07-06",
  ]

  // MARK: - Scalars

  mutating func string(_ field: String) -> String? {
    guard let node = fields[field] else { return nil }
    return reader.string(node, field: field, into: &diagnostics)
  }

  mutating func list(_ field: String) -> [(String, FieldNode)] {
    guard let node = fields[field] else { return [] }
    return reader.list(node, field: field, into: &diagnostics) ?? []
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(_ field: String, _: T.Type) -> T? where T.RawValue == String {
    guard let text = string(field) else { return nil }
    if let value = T(rawValue: text) { return value }
    let accepted = T.allCases.map(\.rawValue)
    diagnostics.append(unknown(field, text, fields[field]!, noun: "value", candidates: accepted,
      accepted: "expected one of: " + accepted.joined(separator: ", ")))
    return nil
  }

  func unknown(_ field: String, _ text: String, _ node: FieldNode, noun: String, candidates: [String], accepted: String?) -> Diagnostic {
    var message = "unknown \(noun) \"\(text)\""
    if let near = Suggestion.nearest(to: text, in: candidates) { message += ": did you mean \"\(near)\"?" }
    return .error(at: reader.location(node), field: field, message, notes: accepted.map { [$0] } ?? [])
  }

  mutating func date(_ field: String) -> String? {
    guard let text = string(field) else { return nil }
    guard let date = CalendarDate(text) else {
      diagnostics.append(.error(at: reader.location(fields[field]), field: field,
        "\"\(text)\" is not a date", notes: ["expected YYYY-MM-DD, such as 2018-07-06"]))
      return nil
    }
    return date.text
  }

  mutating func cycle() -> Int? {
    guard let text = string("cycle") else { return nil }
    guard let cycle = Int(text), (1...4).contains(cycle) else {
      diagnostics.append(.error(at: reader.location(fields["cycle"]), field: "cycle",
        "\"\(text)\" is not a UPR cycle", notes: ["expected a number from 1 to 4"]))
      return nil
    }
    return cycle
  }

  mutating func language() -> String? {
    guard let text = string("language") else { return nil }
    guard LanguageCode.isValid(text) else {
      diagnostics.append(.error(at: reader.location(fields["language"]), field: "language",
        "\"\(text)\" is not a language code", notes: ["expected a BCP 47 code such as en, fr, es, ru, zh, ar"]))
      return nil
    }
    return text
  }

  mutating func id() -> String? {
    guard fields["id"] != nil, let text = string("id") else { return nil }
    guard Self.isValidID(text) else {
      diagnostics.append(.error(at: reader.location(fields["id"]), field: "id",
        "\"\(text)\" is not a valid id", notes: ["expected lower-case letters, digits and dashes (^[a-z0-9][a-z0-9-]{0,127}$), such as \"\(Slug.make(text).prefix(128))\""]))
      return nil
    }
    return text
  }

  /// `source_url`: an http(s) address of the source document, or `none` when it has none online.
  mutating func sourceURL() -> String? {
    guard fields["source_url"] != nil, let text = string("source_url") else { return nil }
    if text == "none" { return "" }
    guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(where: { $0.isWhitespace }) else {
      diagnostics.append(.error(at: reader.location(fields["source_url"]), field: "source_url",
        "\"\(text)\" is not an http(s) address", notes: ["give the document's address, or none when it has none online"]))
      return nil
    }
    return text
  }

  /// `^[a-z0-9][a-z0-9-]{0,127}$`, the contract's rule for ids.
  static func isValidID(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, bytes.count <= 128, first != UInt8(ascii: "-") else { return false }
    return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }

  mutating func rejectUPROnlyFields(_ mechanism: Mechanism) {
    for key in RecommendationDecoder.uprOnlyFields where fields[key] != nil {
      diagnostics.append(.error(at: reader.location(fields[key]), field: key,
        "\"\(key)\" is for UPR recommendations only, and this one's mechanism is \(mechanism.rawValue)"))
    }
  }
}
