/// The vocabulary files a site may provide in `Content/vocabularies/`.
public enum VocabularyFile: String, CaseIterable, Sendable {
  case countries, bodies, themes
  case affectedPersons = "affected-persons"
  case sdgs
  /// The regional groups' names: optional (a region without an entry is shown as written).
  case regions
  /// Optional: HRIndex ships none, and a site without it has no institutions.
  case institutions

  public var fileName: String { rawValue + ".yml" }
}

/// Turns vocabulary YAML into typed lists, collecting every problem with its file and line.
public struct VocabularyDecoder {
  public init() {}

  /// Decodes the five files (site-provided text or the project's default for each).
  public func decode(_ files: [VocabularyFile: (path: String, text: String)]) -> Result<Vocabulary, DiagnosticError> {
    var diagnostics: [Diagnostic] = []
    func items(_ kind: VocabularyFile) -> (YAMLReader, [FieldNode]) {
      guard let file = files[kind] else {
        if kind == .regions || kind == .institutions { return (YAMLReader(path: kind.fileName, lineOffset: 0), []) }
        diagnostics.append(.error(at: nil, "no \(kind.fileName) vocabulary"))
        return (YAMLReader(path: kind.fileName, lineOffset: 0), [])
      }
      let reader = YAMLReader(path: file.path, lineOffset: 0)
      switch reader.parse(file.text) {
      case .failure(let d):
        diagnostics.append(d)
        return (reader, [])
      case .success(let node):
        guard case let .sequence(list)? = node?.value else {
          diagnostics.append(.error(at: reader.location(node), "a vocabulary file must be a YAML list"))
          return (reader, [])
        }
        return (reader, Array(list))
      }
    }
    let countries = decodeCountries(items(.countries), &diagnostics)
    let bodies = decodeBodies(items(.bodies), &diagnostics)
    let themes = decodeTerms(items(.themes), &diagnostics)
    let affected = decodeTerms(items(.affectedPersons), &diagnostics)
    let goals = decodeGoals(items(.sdgs), &diagnostics)
    let regions = decodeRegions(items(.regions), &diagnostics)
    let institutions = decodeInstitutions(items(.institutions), &diagnostics)
    guard diagnostics.errorCount == 0 else { return .failure(DiagnosticError(diagnostics.sortedByLocation())) }
    return .success(
      Vocabulary(countries: countries, bodies: bodies, themes: themes, affectedPersons: affected, goals: goals,
        regionNames: regions, institutions: institutions))
  }

  // MARK: - One function per file kind

  func fields(
    _ reader: YAMLReader, _ node: FieldNode, required: [String], _ diagnostics: inout [Diagnostic]
  ) -> [String: FieldNode]? {
    guard case let .mapping(mapping) = node.value else {
      diagnostics.append(.error(at: reader.location(node), "each entry must be a mapping such as {code: …, name: …}"))
      return nil
    }
    let entries = Dictionary(reader.entries(of: mapping, into: &diagnostics).map { ($0.key, $0.node) }) { a, _ in a }
    for key in required where entries[key] == nil {
      diagnostics.append(.error(at: reader.location(node), field: key, "missing required field \"\(key)\""))
    }
    // `source`: where the names come from (documented in content-format.md); checked, not used.
    if let source = entries["source"] { _ = reader.string(source, field: "source", into: &diagnostics) }
    return required.allSatisfy { entries[$0] != nil } ? entries : nil
  }

  private func aliases(_ reader: YAMLReader, _ node: FieldNode?, _ d: inout [Diagnostic]) -> [String] {
    guard let node else { return [] }
    return reader.list(node, field: "aliases", into: &d)?.map(\.0) ?? []
  }

  private func decodeCountries(_ input: (YAMLReader, [FieldNode]), _ d: inout [Diagnostic]) -> [Country] {
    let (reader, nodes) = input
    var seen = Uniqueness(reader: reader, what: "country code")
    var claims = CountryNameClaims(reader: reader)
    return nodes.compactMap { node in
      guard let f = fields(reader, node, required: ["code", "name"], &d),
        let code = reader.string(f["code"]!, field: "code", into: &d),
        let name = reader.localized(f["name"]!, field: "name", into: &d)
      else { return nil }
      guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter && $0.isUppercase }) else {
        d.append(.error(at: reader.location(f["code"]), field: "code", "\"\(code)\" is not an ISO 3166-1 alpha-3 code such as ECU"))
        return nil
      }
      guard seen.check(code, f["code"]!, &d) else { return nil }
      let region = f["region"].flatMap { reader.string($0, field: "region", into: &d) }
      let formal = f["formal"].flatMap { reader.localized($0, field: "formal", into: &d) }
      guard let kind = countryKind(reader, f["kind"], &d), let alpha2 = alpha2(reader, f["alpha2"], &d) else { return nil }
      let aliases = f["aliases"].flatMap { reader.list($0, field: "aliases", into: &d) } ?? []
      claims.claim(CountryNameClaims.values(reader, f["name"]), code: code, field: "name", &d)
      claims.claim(CountryNameClaims.values(reader, f["formal"]), code: code, field: "formal", &d)
      claims.claim(aliases, code: code, field: "aliases", &d)
      return Country(code: CountryCode(code), name: name, region: region, kind: kind, alpha2: alpha2,
        aliases: aliases.map(\.0), formal: formal)
    }
  }

  /// `kind:` of a country entry; `state` when absent, nil (with a diagnostic) when unknown.
  private func countryKind(_ reader: YAMLReader, _ node: FieldNode?, _ d: inout [Diagnostic]) -> CountryKind? {
    guard let node else { return .state }
    guard let text = reader.string(node, field: "kind", into: &d) else { return nil }
    guard let kind = CountryKind(rawValue: text) else {
      d.append(.error(at: reader.location(node), field: "kind", "unknown kind \"\(text)\"",
        notes: ["expected one of: " + CountryKind.allCases.map(\.rawValue).joined(separator: ", ")]))
      return nil
    }
    return kind
  }

  /// `alpha2:` of a country entry: two upper-case letters, or absent.
  private func alpha2(_ reader: YAMLReader, _ node: FieldNode?, _ d: inout [Diagnostic]) -> String?? {
    guard let node else { return .some(nil) }
    guard let text = reader.string(node, field: "alpha2", into: &d) else { return nil }
    guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter && $0.isUppercase }) else {
      d.append(.error(at: reader.location(node), field: "alpha2", "\"\(text)\" is not an ISO 3166-1 alpha-2 code such as EC"))
      return nil
    }
    return .some(text)
  }

  private func decodeBodies(_ input: (YAMLReader, [FieldNode]), _ d: inout [Diagnostic]) -> [Body] {
    let (reader, nodes) = input
    var seen = Uniqueness(reader: reader, what: "body code")
    return nodes.compactMap { node in
      guard let f = fields(reader, node, required: ["code", "name", "mechanism"], &d),
        let code = reader.string(f["code"]!, field: "code", into: &d),
        let name = reader.localized(f["name"]!, field: "name", into: &d),
        let mechanismText = reader.string(f["mechanism"]!, field: "mechanism", into: &d)
      else { return nil }
      guard let mechanism = Mechanism(rawValue: mechanismText) else {
        d.append(.error(at: reader.location(f["mechanism"]), field: "mechanism",
          "unknown mechanism \"\(mechanismText)\"", notes: ["expected one of: upr, treaty-body, special-procedure"]))
        return nil
      }
      guard !Slug.make(code).isEmpty else {
        d.append(.error(at: reader.location(f["code"]), field: "code", "\"\(code)\" has no letters or digits"))
        return nil
      }
      guard fitsFolderName(Slug.make(code), reader, f["code"]!, &d), seen.check(Slug.make(code), f["code"]!, &d) else { return nil }
      return Body(code: code, name: name, mechanism: mechanism, aliases: aliases(reader, f["aliases"], &d))
    }
  }

  private func decodeTerms(_ input: (YAMLReader, [FieldNode]), _ d: inout [Diagnostic]) -> [Term] {
    let (reader, nodes) = input
    var seen = Uniqueness(reader: reader, what: "slug")
    return nodes.compactMap { node in
      guard let f = fields(reader, node, required: ["name"], &d),
        let name = reader.localized(f["name"]!, field: "name", into: &d)
      else { return nil }
      var slug = Slug.make(name.text(in: "en"))
      if let given = f["slug"] {
        guard let text = reader.string(given, field: "slug", into: &d) else { return nil }
        guard validSlug(text, reader, given, &d) else { return nil }
        slug = text
      }
      guard !slug.isEmpty, fitsFolderName(slug, reader, f["slug"] ?? f["name"]!, &d),
        seen.check(slug, f["slug"] ?? f["name"]!, &d)
      else { return nil }
      return Term(slug: slug, name: name, aliases: aliases(reader, f["aliases"], &d))
    }
  }

  /// Region (as countries name it, in English) → its names.
  private func decodeRegions(_ input: (YAMLReader, [FieldNode]), _ d: inout [Diagnostic]) -> [String: LocalizedText] {
    let (reader, nodes) = input
    var seen = Uniqueness(reader: reader, what: "region")
    var names: [String: LocalizedText] = [:]
    for node in nodes {
      guard let f = fields(reader, node, required: ["name"], &d),
        let name = reader.localized(f["name"]!, field: "name", into: &d)
      else { continue }
      let key = name.text(in: "en")
      guard seen.check(key, f["name"]!, &d) else { continue }
      names[key] = name
    }
    return names
  }

  /// A `slug:` as written: lower-case ASCII letters, digits and single dashes; else an error at `node`.
  func validSlug(_ text: String, _ reader: YAMLReader, _ node: FieldNode, _ d: inout [Diagnostic]) -> Bool {
    guard !Slug.isValid(text) else { return true }
    d.append(.error(at: reader.location(node), field: "slug",
      "\"\(text)\" is not a slug", notes: ["use lower-case ASCII letters, digits and single dashes, such as \"\(Slug.make(text))\""]))
    return false
  }

  /// A term's slug names its page's folder, so it must stay short enough for any file system.
  func fitsFolderName(_ slug: String, _ reader: YAMLReader, _ node: FieldNode, _ d: inout [Diagnostic]) -> Bool {
    guard slug.count > Slug.longest else { return true }
    d.append(.error(at: reader.location(node), "\"\(slug.prefix(40))…\" is too long to name a page",
      notes: ["a slug or code may have at most \(Slug.longest) letters, digits and dashes; give a shorter slug"]))
    return false
  }

  private func decodeGoals(_ input: (YAMLReader, [FieldNode]), _ d: inout [Diagnostic]) -> [SDGGoal] {
    let (reader, nodes) = input
    var seen = Uniqueness(reader: reader, what: "SDG code")
    return nodes.compactMap { node in
      guard let f = fields(reader, node, required: ["goal", "name"], &d),
        let goalText = reader.string(f["goal"]!, field: "goal", into: &d),
        let name = reader.localized(f["name"]!, field: "name", into: &d)
      else { return nil }
      guard let goal = Int(goalText), (1...99).contains(goal), seen.check(goalText, f["goal"]!, &d) else {
        d.append(.error(at: reader.location(f["goal"]), field: "goal", "\"\(goalText)\" is not a goal number such as 4"))
        return nil
      }
      let targets = (f["targets"].flatMap { targetNodes(reader, $0, &d) } ?? []).compactMap { item in
        decodeTarget(reader, item, goal: goal, &seen, &d)
      }
      return SDGGoal(number: goal, name: name, targets: targets)
    }
  }

  private func targetNodes(_ reader: YAMLReader, _ node: FieldNode, _ d: inout [Diagnostic]) -> [FieldNode]? {
    guard case let .sequence(list) = node.value else {
      d.append(.error(at: reader.location(node), field: "targets", "expected a list of target codes"))
      return nil
    }
    return Array(list)
  }

  private func decodeTarget(
    _ reader: YAMLReader, _ node: FieldNode, goal: Int, _ seen: inout Uniqueness, _ d: inout [Diagnostic]
  ) -> SDGTarget? {
    var codeNode = node
    var name: LocalizedText?
    if case .mapping = node.value {
      guard let f = fields(reader, node, required: ["code"], &d) else { return nil }
      codeNode = f["code"]!
      name = f["name"].flatMap { reader.localized($0, field: "name", into: &d) }
    }
    guard let code = reader.string(codeNode, field: "targets", into: &d) else { return nil }
    let parts = code.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, Int(parts[0]) == goal, !parts[1].isEmpty,
      parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLowercase) })
    else {
      d.append(.error(at: reader.location(codeNode), field: "targets", "\"\(code)\" is not a target of goal \(goal) such as \"\(goal).1\""))
      return nil
    }
    guard seen.check(code, codeNode, &d) else { return nil }
    return SDGTarget(code: code, name: name, goal: goal)
  }
}

/// Reports a key seen twice in one vocabulary file, pointing at the second one.
struct Uniqueness {
  let reader: YAMLReader
  let what: String
  private var first: [String: SourceLocation] = [:]

  init(reader: YAMLReader, what: String) {
    self.reader = reader
    self.what = what
  }

  mutating func check(_ key: String, _ node: FieldNode, _ d: inout [Diagnostic]) -> Bool {
    let here = reader.location(node)
    if let earlier = first[key] {
      d.append(.error(at: here, "duplicate \(what) \"\(key)\"", notes: ["first defined at \(earlier)"]))
      return false
    }
    first[key] = here
    return true
  }
}
