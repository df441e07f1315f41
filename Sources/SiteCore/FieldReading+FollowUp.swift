/// The `follow_up` block: status, responsible institutions, cluster, due date, the dated history
/// of updates and the planned actions. Problems inside it name their field by path
/// (`follow_up.updates[2].status`, entries numbered from 1).
extension FieldReading {
  mutating func followUp() -> FollowUp? {
    guard let node = fields[FrontMatterField.followUp.name],
      let entries = mapping(node, field: FrontMatterField.followUp.name, expected: Self.expected(FollowUpField.self))
    else { return nil }
    var inner = nested(entries)
    let status = inner.choice(FollowUpField.status, FollowUpStatus.self)
    let responsible = inner.responsible(FollowUpField.responsible)
    let cluster = inner.string(FollowUpField.cluster)
    let due = inner.date(FollowUpField.due)
    let updates = inner.entries(FollowUpField.updates, FollowUpUpdateField.self) { $0.update() }
    let actions = inner.entries(FollowUpField.actions, FollowUpActionField.self) { $0.action() }
    inner.warnUnknown(FollowUpField.self)
    absorb(inner, prefix: FrontMatterField.followUp.name)
    // Oldest first; Swift's sort is stable, so entries of one date keep their file order.
    return FollowUp(status: status, responsible: responsible, cluster: cluster, due: due,
      updates: updates.sorted { $0.date < $1.date }, actions: actions)
  }

  /// One entry of `updates`: `date` and `status` required, `note` (Markdown) and `indicators` optional.
  mutating func update() -> FollowUpUpdate? {
    let date = required(FollowUpUpdateField.date, hint: "the date of the update, such as date: 2023-05-10") { $0.date($1) }
    let status = required(FollowUpUpdateField.status, hint: "one of: " + FollowUpStatus.allCases.map(\.rawValue).joined(separator: ", ")) {
      $0.choice($1, FollowUpStatus.self)
    }
    let note = string(FollowUpUpdateField.note)
    let indicators = self.indicators()
    warnUnknown(FollowUpUpdateField.self)
    guard let date, let status else { return nil }
    let html = note.map { renderNote?($0) ?? HTML(escaping: $0) }
    return FollowUpUpdate(date: date, status: status, note: note, noteHTML: html, indicators: indicators)
  }

  /// One entry of `actions`: `action` (text) and `due` required, `completed` (a date) and `responsible` optional.
  mutating func action() -> FollowUpAction? {
    let text = required(FollowUpActionField.action, hint: "what will be done, such as action: \"Draft the bill\"") { $0.string($1) }
    let due = required(FollowUpActionField.due, hint: "the date it is due, such as due: 2024-12-31") { $0.date($1) }
    let completed = date(FollowUpActionField.completed)
    let responsible = self.responsible(FollowUpActionField.responsible)
    warnUnknown(FollowUpActionField.self)
    guard let text, let due else { return nil }
    return FollowUpAction(action: text, due: due, completed: completed, responsible: responsible)
  }

  /// `indicators: {name: value, …}`: each value a single number or text.
  mutating func indicators() -> [FollowUpIndicator] {
    let field = FollowUpUpdateField.indicators
    guard let node = fields[field.name], let entries = mapping(node, field: field.name, expected: "a mapping of name: value, such as {cases_registered: 120}") else { return [] }
    var result: [FollowUpIndicator] = []
    for (name, value) in entries {
      if let text = reader.string(value, field: "\(field.name).\(name)", into: &diagnostics) {
        result.append(FollowUpIndicator(name: name, value: text))
      }
    }
    return result
  }

  /// Institution slugs from `vocabularies/institutions.yml`, or free names. A name of a listed
  /// institution, or a slug not listed (when the site lists any), is an error.
  mutating func responsible(_ field: some FieldName) -> [String] {
    var result: [String] = []
    let institutions = vocabulary.institutions
    for (text, node) in list(field) {
      let listed = vocabulary.institutionBySlug[text] != nil
      if !listed, let byName = vocabulary.institutionByName[Vocabulary.folded(text)] {
        diagnostics.append(.error(at: reader.location(node), field: field.name,
          "\"\(text)\" is listed in vocabularies/institutions.yml: write its slug \"\(byName.slug)\"", notes: ["write the slug, not the name"]))
      } else if !listed, !institutions.isEmpty, Slug.isValid(text) {
        diagnostics.append(unknown(field, text, node, noun: "institution", candidates: institutions.map(\.slug),
          accepted: "expected a slug from vocabularies/institutions.yml, or a free name such as \"Ministry of Labour\""))
      } else if !result.contains(text) {
        result.append(text)
      }
    }
    return result
  }

  // MARK: - Nested blocks

  /// The entries of a mapping, or an error saying what it should hold.
  mutating func mapping(_ node: FieldNode, field: String, expected: String) -> [(key: String, node: FieldNode)]? {
    guard case let .mapping(pairs) = node.value else {
      diagnostics.append(.error(at: reader.location(node), field: field, "expected \(expected), found \(reader.kind(of: node))"))
      return nil
    }
    return reader.entries(of: pairs, into: &diagnostics)
  }

  /// A reading of a nested mapping's entries, with this reading's vocabulary and note renderer.
  func nested(_ entries: [(key: String, node: FieldNode)]) -> FieldReading {
    var inner = FieldReading(reader: reader, fields: Dictionary(entries.map { ($0.key, $0.node) }) { a, _ in a }, vocabulary: vocabulary)
    inner.renderNote = renderNote
    return inner
  }

  /// `field: [ {…}, {…} ]`: each entry read by `read` on a reading of its own.
  mutating func entries<F: FieldName & CaseIterable, T>(_ field: some FieldName, _ entryFields: F.Type, _ read: (inout FieldReading) -> T?) -> [T] {
    let expected = Self.expected(entryFields)
    guard let node = fields[field.name] else { return [] }
    guard case let .sequence(items) = node.value else {
      diagnostics.append(.error(at: reader.location(node), field: field.name, "expected a list of entries (- date: …), found \(reader.kind(of: node))"))
      return []
    }
    var result: [T] = []
    for (n, item) in items.enumerated() {
      let name = "\(field.name)[\(n + 1)]"
      guard let entries = mapping(item, field: name, expected: expected) else { continue }
      var inner = nested(entries)
      inner.entryNode = item
      let value = read(&inner)
      if let value { result.append(value) }
      absorb(inner, prefix: name)
    }
    return result
  }

  /// A required field of a nested entry, read by `read`; when missing, an error with `hint`.
  mutating func required<F: FieldName, T>(_ field: F, hint: String, _ read: (inout FieldReading, F) -> T?) -> T? {
    guard fields[field.name] != nil else {
      diagnostics.append(.error(at: reader.location(entryNode), field: field.name, "missing required field \"\(field.name)\"", notes: [hint]))
      return nil
    }
    return read(&self, field)
  }

  /// A warning for every key of this reading's mapping that is not a field of `F`.
  mutating func warnUnknown<F: FieldName & CaseIterable & RawRepresentable>(_: F.Type) where F.RawValue == String {
    let known = F.allCases.map(\.name)
    for key in fields.keys.sorted() where F(rawValue: key) == nil {
      let hint = Suggestion.nearest(to: key, in: known).map { "did you mean \"\($0)\"? " } ?? ""
      diagnostics.append(.warning(at: reader.location(fields[key]), field: key, "unknown field \"\(key)\" is ignored",
        notes: [hint + "expected one of: " + known.joined(separator: ", ")]))
    }
  }

  /// "a mapping with a, b, c".
  static func expected<F: FieldName & CaseIterable>(_: F.Type) -> String {
    "a mapping with " + F.allCases.map(\.name).joined(separator: ", ")
  }

  /// Takes `inner`'s diagnostics, their fields named under `prefix`.
  mutating func absorb(_ inner: FieldReading, prefix: String) {
    diagnostics += inner.diagnostics.map { d in
      var d = d
      d.field = d.field.map { "\(prefix).\($0)" } ?? prefix
      return d
    }
  }
}
