import SiteCore

/// A country's recommendations clustered by theme (or another grouping), as UHRI's country
/// matrix: the table national follow-up teams start their action plans from. A recommendation
/// with several terms appears under each; those with none come last.
struct CountryMatrix {
  struct Section {
    /// The term's key, or nil for the recommendations without one.
    var key: String?
    var label: String
    /// Indexes into `Catalog.recommendations`, in list order.
    var members: [Int]
  }

  var sections: [Section]

  init(_ group: TermGroup, by grouping: MatrixGrouping = .theme, catalog: Catalog, labels: TermLabels, none: String) {
    var byKey: [String: [Int]] = [:]
    var without: [Int] = []
    for i in group.members {
      let keys = Self.keys(catalog.recommendations[i], grouping)
      if keys.isEmpty { without.append(i) }
      for key in keys { byKey[key, default: []].append(i) }
    }
    let taxonomy = Self.taxonomy(grouping)
    let sort = { (key: String) in taxonomy.map { labels.sortKey($0, key) } ?? key.lowercased() }
    sections = byKey.keys.map { (sort: sort($0), key: $0) }.sorted { ($0.sort, $0.key) < ($1.sort, $1.key) }
      .map { entry in Section(key: entry.key, label: taxonomy.map { labels.label($0, entry.key) } ?? entry.key, members: byKey[entry.key]!) }
    if !without.isEmpty { sections.append(Section(key: nil, label: none, members: without)) }
  }

  static func keys(_ r: Recommendation, _ grouping: MatrixGrouping) -> [String] {
    switch grouping {
    case .theme: return r.themes
    case .sdgGoal: return r.sdgGoals
    case .affectedPerson: return r.affectedPersons
    case .body: return [r.body]
    case .mechanism: return [r.mechanism.rawValue]
    case .recommendingState: return r.recommendingStates.map(\.rawValue)
    case .cluster: return r.followUp?.cluster.map { [$0] } ?? []
    }
  }

  /// The taxonomy that names the grouping's terms; nil for follow-up clusters (free text).
  static func taxonomy(_ grouping: MatrixGrouping) -> Taxonomy? {
    switch grouping {
    case .theme: return .theme
    case .sdgGoal: return .sdgGoal
    case .affectedPerson: return .affectedPerson
    case .body: return .body
    case .mechanism: return .mechanism
    case .recommendingState: return .recommendingState
    case .cluster: return nil
    }
  }
}
