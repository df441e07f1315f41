/// What kind of body an institution is.
public enum InstitutionType: String, CaseIterable, Sendable {
  case ministry, agency, parliament, judiciary, nhri, local, other
}

/// A State institution responsible for following up recommendations (`vocabularies/institutions.yml`).
public struct Institution: Sendable, Hashable {
  public var slug: String
  public var name: LocalizedText
  public var type: InstitutionType?
  /// The slug of the institution it belongs to (a ministry for an agency).
  public var parent: String?

  public init(slug: String, name: LocalizedText, type: InstitutionType? = nil, parent: String? = nil) {
    self.slug = slug
    self.name = name
    self.type = type
    self.parent = parent
  }
}

extension VocabularyDecoder {
  /// `- slug: ministry-of-labour`, `name:` (one text or one per language), optional `type:` and
  /// `parent:` (another entry's slug).
  func decodeInstitutions(_ input: (YAMLReader, [FieldNode]), _ d: inout [Diagnostic]) -> [Institution] {
    let (reader, nodes) = input
    var seen = Uniqueness(reader: reader, what: "institution slug")
    var parents: [(slug: String, node: FieldNode)] = []
    let institutions: [Institution] = nodes.compactMap { node in
      guard let f = fields(reader, node, required: ["slug", "name"], &d),
        let slug = reader.string(f["slug"]!, field: "slug", into: &d),
        let name = reader.localized(f["name"]!, field: "name", into: &d)
      else { return nil }
      guard validSlug(slug, reader, f["slug"]!, &d), fitsFolderName(slug, reader, f["slug"]!, &d), seen.check(slug, f["slug"]!, &d) else { return nil }
      var type: InstitutionType?
      if let node = f["type"], let text = reader.string(node, field: "type", into: &d) {
        type = InstitutionType(rawValue: text)
        if type == nil {
          d.append(.error(at: reader.location(node), field: "type", "unknown institution type \"\(text)\"",
            notes: ["expected one of: " + InstitutionType.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
      }
      let parent = f["parent"].flatMap { reader.string($0, field: "parent", into: &d) }
      if let parent, let node = f["parent"] { parents.append((parent, node)) }
      for key in f.keys.sorted() where !["slug", "name", "type", "parent"].contains(key) {
        d.append(.warning(at: reader.location(f[key]), field: key, "unknown field \"\(key)\" is ignored",
          notes: ["an institution takes slug, name, type, parent"]))
      }
      return Institution(slug: slug, name: name, type: type, parent: parent)
    }
    let slugs = institutions.map(\.slug)
    for (parent, node) in parents where !slugs.contains(parent) {
      let near = Suggestion.nearest(to: parent, in: slugs).map { ": did you mean \"\($0)\"?" } ?? ""
      d.append(.error(at: reader.location(node), field: "parent", "unknown parent institution \"\(parent)\"" + near,
        notes: ["expected the slug of another entry of institutions.yml"]))
    }
    return institutions
  }
}
