import SiteCore

/// How a term is named on pages, in the site's language.
struct TermLabels {
  let vocabulary: Vocabulary
  let strings: UIStrings
  let language: String
  /// The names and page of every term of the catalog, by taxonomy, worked out once per language:
  /// a page names dozens of terms, and each name costs lookups and formatting.
  private var known: [[String: Term]] = []

  struct Term {
    let label: String
    let short: String
    /// The order of the term among its taxonomy's (`sortKey`).
    var sort: String
    /// The term's page folder, relative to the site root.
    let path: String?
  }

  init(vocabulary: Vocabulary, strings: UIStrings, language: String, catalog: Catalog) {
    self.vocabulary = vocabulary
    self.strings = strings
    self.language = language
    known = Taxonomy.allCases.map { t in
      var terms = Dictionary(catalog.terms(t).map { ($0.key, term(t, $0.key, path: $0.path)) }, uniquingKeysWith: { first, _ in first })
      if Self.sortedByName.contains(t) {
        // Names in the language's order (NameCollation), as ranks that compare as text.
        let order = NameCollation.order(terms.map { (key: $0.key, name: $0.value.label) }, language: language)
        for (rank, key) in order.enumerated() { terms[key]!.sort = Self.rank(rank) }
      }
      return terms
    }
  }

  /// The taxonomies whose terms are listed by name (the others by number or vocabulary order).
  static let sortedByName: Set<Taxonomy> = [.country, .recommendingState, .theme, .affectedPerson]

  static func rank(_ n: Int) -> String {
    let digits = String(n)
    return "#" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }

  /// The term `key` of `taxonomy`: its names, and its page when the catalog has one.
  func term(_ taxonomy: Taxonomy, _ key: String) -> Term {
    known[taxonomy.ordinal][key] ?? term(taxonomy, key, path: nil)
  }

  private func term(_ taxonomy: Taxonomy, _ key: String, path: String?) -> Term {
    let label = name(taxonomy, key)
    return Term(label: label, short: shortName(taxonomy, key), sort: sortKey(taxonomy, key, label: label), path: path)
  }

  func label(_ taxonomy: Taxonomy, _ key: String) -> String { known[taxonomy.ordinal][key]?.label ?? name(taxonomy, key) }

  /// The short form used in lists: codes for bodies, names elsewhere.
  func short(_ taxonomy: Taxonomy, _ key: String) -> String {
    known[taxonomy.ordinal][key]?.short ?? shortName(taxonomy, key)
  }

  private func name(_ taxonomy: Taxonomy, _ key: String) -> String {
    switch taxonomy {
    case .country, .recommendingState: return vocabulary.countryByCode[CountryCode(key)]?.name.text(in: language) ?? key
    case .uprCycle: return strings.format("upr_cycle", ["cycle": key])
    case .uprSession: return strings.format("upr_session", ["session": key])
    case .theme: return vocabulary.themeBySlug[key]?.name.text(in: language) ?? key
    case .affectedPerson: return vocabulary.affectedPersonBySlug[key]?.name.text(in: language) ?? key
    case .body: return vocabulary.bodyByCode[key.uppercased()]?.name.text(in: language) ?? key
    case .mechanism: return Mechanism(rawValue: key).map { strings.label($0) } ?? key
    case .document: return key
    case .sdgGoal:
      let name = Int(key).flatMap { vocabulary.goalByNumber[$0] }?.name.text(in: language) ?? ""
      return strings.format("sdg_goal", ["goal": key, "name": name])
    case .sdgTarget:
      guard let name = vocabulary.targetByCode[key]?.name?.text(in: language) else {
        return strings.format("sdg_target", ["code": key])
      }
      return strings.format("sdg_target_named", ["code": key, "name": name])
    }
  }

  private func shortName(_ taxonomy: Taxonomy, _ key: String) -> String {
    switch taxonomy {
    case .body: return key
    case .sdgGoal: return strings.format("sdg_goal_short", ["goal": key])
    case .sdgTarget: return key
    default: return name(taxonomy, key)
    }
  }

  /// A sort key that ignores case and diacritics, independent of the machine's locale.
  func sortKey(_ taxonomy: Taxonomy, _ key: String) -> String {
    known[taxonomy.ordinal][key]?.sort ?? sortKey(taxonomy, key, label: label(taxonomy, key))
  }

  private func sortKey(_ taxonomy: Taxonomy, _ key: String, label name: String) -> String {
    switch taxonomy {
    case .sdgGoal, .uprSession: return String(repeating: "0", count: max(0, 3 - key.count)) + key
    case .mechanism: return String(Mechanism.allCases.firstIndex { $0.rawValue == key } ?? 9)
    case .body:
      let order = vocabulary.bodies.firstIndex { $0.code.uppercased() == key.uppercased() } ?? 99_999
      return String(repeating: "0", count: max(0, 6 - String(order).count)) + String(order)
    case .sdgTarget:
      let (goal, n, letter) = SDGCode.key(key)
      return "\(goal + 100)\(n + 10_000)\(letter)"
    case .document, .uprCycle: return key
    default:
      let folded = Slug.make(name)
      return folded.isEmpty ? name : folded
    }
  }
}
