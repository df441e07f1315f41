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
      let counts = filterCounts(field, group.members)
      let present = counts.indices.filter { counts[$0] > 0 }.map { ($0, filterValue(field, $0)) }
      guard present.count > 1 else { continue }
      let top = present.sorted { a, b in counts[a.0] != counts[b.0] ? counts[a.0] > counts[b.0] : a.1 < b.1 }.prefix(Self.quickFilterValues)
      groups.append([
        "field": .text(strings.name(of: field)),
        "values": .list(top.map { p, value in
          [.label: .text(filterLabel(field, p)), .href: .text(query + field.rawValue + "=" + value), .count: .text(number(counts[p]))]
        }),
      ])
    }
    return groups.isEmpty ? false : ["groups": .list(groups)]
  }

  /// The catalog's terms of a filter field; responses have none (their places are in `UPRResponse.allCases`).
  private static func filterTaxonomy(_ field: FacetField) -> Taxonomy? {
    switch field {
    case .mechanism: return .mechanism
    case .body: return .body
    case .cycle: return .uprCycle
    default: return nil
    }
  }

  /// How many of `members` have each value of `field` (mechanism, body, cycle or response), by
  /// the value's place in the catalog's terms of the field, or a response's in `UPRResponse.allCases`.
  func filterCounts(_ field: FacetField, _ members: [Int]) -> [Int] {
    guard let taxonomy = Self.filterTaxonomy(field) else {
      let tally = ResponseTally(members, model.catalog)
      return UPRResponse.allCases.map { tally[$0] }
    }
    var counts = [Int](repeating: 0, count: model.catalog.terms(taxonomy).count)
    for i in members { for p in model.catalog.positions(taxonomy, of: i) { counts[Int(p)] += 1 } }
    return counts
  }

  /// The value at place `p` of `field` as search URLs write it (slugs and numbers: nothing to escape).
  func filterValue(_ field: FacetField, _ p: Int) -> String {
    guard let taxonomy = Self.filterTaxonomy(field) else { return UPRResponse.allCases[p].rawValue }
    let term = model.catalog.terms(taxonomy)[p]
    return field == .body ? term.slug : term.key
  }

  /// The value at place `p` of `field` as the page names it (a body by its vocabulary code, its key).
  func filterLabel(_ field: FacetField, _ p: Int) -> String {
    guard let taxonomy = Self.filterTaxonomy(field) else { return strings.label(UPRResponse.allCases[p]) }
    let key = model.catalog.terms(taxonomy)[p].key
    switch field {
    case .mechanism: return Mechanism(rawValue: key).map(strings.label) ?? key
    case .body: return key
    default: return number(Int(key) ?? 0)
    }
  }
}
