import Foundation
import SiteCore
import SiteSearch

extension PageContextBuilder {
  /// The fields a term page offers as quick filters into search, above its list.
  static let quickFilterFields: [FacetField] = [.mechanism, .body, .cycle, .response]
  /// The most frequent values shown per field (the search page has them all).
  static let quickFilterValues = 6

  /// Links into search for the term's recommendations narrowed by mechanism, body, UPR cycle or
  /// response, each value with its count, most first; a field with fewer than two values among
  /// the members (or the term's own field) is left out. False when none is left.
  func quickFilters(_ taxonomy: Taxonomy, _ group: TermGroup, root: String) -> TemplateValue {
    let own = Self.filterField[taxonomy]
    let query = root + "search/?" + searchQuery(taxonomy, group.key) + "&"
    var groups: [TemplateValue] = []
    for field in Self.quickFilterFields where field != own {
      var counts: [String: Int] = [:]
      for i in group.members {
        if let value = quickFilterValue(field, model.catalog.recommendations[i]) { counts[value, default: 0] += 1 }
      }
      guard counts.count > 1 else { continue }
      let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.quickFilterValues)
      groups.append([
        "field": .text(strings.name(of: field)),
        "values": .list(top.map { value, n in
          [.label: .text(quickFilterLabel(field, value)), .href: .text(query + field.rawValue + "=" + value), .count: .text(number(n))]
        }),
      ])
    }
    return groups.isEmpty ? false : ["groups": .list(groups)]
  }

  /// The value as search URLs write it (slugs and numbers: nothing to escape).
  private func quickFilterValue(_ field: FacetField, _ r: Recommendation) -> String? {
    switch field {
    case .mechanism: return r.mechanism.rawValue
    case .body: return Slug.make(r.body)
    case .cycle: return r.cycle.map(String.init)
    case .response: return r.response?.rawValue
    default: return nil
    }
  }

  private func quickFilterLabel(_ field: FacetField, _ value: String) -> String {
    switch field {
    case .mechanism: return Mechanism(rawValue: value).map(strings.label) ?? value
    case .response: return UPRResponse(rawValue: value).map(strings.label) ?? value
    case .body: return model.vocabulary.bodies.first { $0.slug == value }?.code ?? value
    default: return number(Int(value) ?? 0)
    }
  }
}
