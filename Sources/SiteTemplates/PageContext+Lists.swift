import Foundation
import SiteCore
import SiteSearch

extension PageContextBuilder {
  static let hubSection: [Taxonomy: String] = [
    .country: "countries", .theme: "themes", .affectedPerson: "affected-persons", .body: "bodies",
    .mechanism: "mechanisms", .document: "documents", .sdgGoal: "sdgs", .sdgTarget: "sdgs",
    .recommendingState: "mechanisms", .uprCycle: "mechanisms", .uprSession: "mechanisms",
  ]
  static let navKey: [Taxonomy: String] = [
    .country: "nav_countries", .theme: "nav_themes", .affectedPerson: "nav_affected_persons", .body: "nav_bodies",
    .mechanism: "nav_mechanisms", .document: "nav_documents", .sdgGoal: "nav_sdgs", .sdgTarget: "nav_sdgs",
    .recommendingState: "nav_recommending_states", .uprCycle: "nav_upr_cycles", .uprSession: "nav_upr_sessions",
  ]
  /// The search filter that selects a term's recommendations (contract: `r.facets` keys).
  static let filterField: [Taxonomy: FacetField] = [
    .country: .country, .theme: .theme, .affectedPerson: .affectedPersons, .body: .body,
    .mechanism: .mechanism, .sdgGoal: .sdgGoal, .sdgTarget: .sdgTarget,
    .recommendingState: .recommendingState, .uprCycle: .cycle,
  ]

  func hub(_ taxonomy: Taxonomy, _ path: String) -> PageContext {
    let heading = strings[Self.navKey[taxonomy]!]
    var values = layout(path, title: heading, crumbs: [(heading, nil)], section: Self.hubSection[taxonomy])
    values["heading"] = .text(heading)
    values["intro"] = .text(strings.hubIntroduction(taxonomy))
    var groups = Array(model.catalog.terms(taxonomy).indices)
    if taxonomy == .country {
      // Organizations such as the European Union are listed apart from States, in a table of their own.
      let terms = model.catalog.terms(.country)
      var states: [Int] = [], others: [Int] = []
      for g in groups { if isState(terms[g].key) { states.append(g) } else { others.append(g) } }
      groups = states
      if !others.isEmpty {
        values["others"] = table(.country, groups: others, root: base(path), caption: strings["hub_other_addressees"], byCount: false, details: false)
      }
    }
    values["table"] = table(taxonomy, groups: groups, root: base(path), caption: heading, byCount: false)
    return PageContext(path: path, template: .hub, values: values)
  }

  /// Whether a country key names a State or territory (not an organization such as the European Union).
  func isState(_ key: String) -> Bool {
    model.vocabulary.countryByCode[CountryCode(key)]?.isState ?? true
  }

  /// A table of terms with their counts; `groups` index `catalog.terms(taxonomy)`.
  func table(_ taxonomy: Taxonomy, groups: [Int], root: String, caption: String, byCount: Bool,
             counts: [Int: Int]? = nil, details: Bool = true) -> TemplateValue {
    let all = model.catalog.terms(taxonomy)
    var rows = groups.map { g -> (key: String, sort: String, count: Int, href: String, group: Int) in
      let group = all[g]
      return (group.key, labels.sortKey(taxonomy, group.key), counts?[g] ?? group.members.count, root + group.path, g)
    }
    rows.sort { byCount && $0.count != $1.count ? $0.count > $1.count : ($0.sort, $0.key) < ($1.sort, $1.key) }
    let detail: String? = !details ? nil : detailHeading(taxonomy)
    return [
      "caption": .text(caption), "hasDetail": .flag(detail != nil), "detailHeading": .text(detail ?? ""),
      "rows": .list(rows.map { row in
        [.label: .text(labels.label(taxonomy, row.key)), .href: .text(row.href), .count: .text(number(row.count)),
         .detail: .text(detail == nil ? "" : self.detail(taxonomy, row.key, members: all[row.group].members))]
      }),
    ]
  }

  private func detailHeading(_ taxonomy: Taxonomy) -> String? {
    switch taxonomy {
    case .country: return strings["column_region"]
    case .body: return strings["column_mechanism"]
    case .recommendingState, .uprCycle, .uprSession: return strings["column_supported"]
    default: return nil
    }
  }

  private func detail(_ taxonomy: Taxonomy, _ key: String, members: [Int]) -> String {
    switch taxonomy {
    case .country: return model.vocabulary.countryByCode[CountryCode(key)]?.region.map { model.vocabulary.regionName($0, in: language) } ?? ""
    case .body: return model.vocabulary.bodyByCode[key.uppercased()].map { strings.label($0.mechanism) } ?? ""
    case .recommendingState, .uprCycle, .uprSession: return percent(ResponseTally(members, model.catalog)[.supported], of: members.count)
    default: return ""
    }
  }

  func sdgHub(_ path: String) -> PageContext {
    let heading = strings["nav_sdgs"]
    var values = layout(path, title: heading, crumbs: [(heading, nil)], section: "sdgs")
    let root = base(path)
    values["heading"] = .text(heading)
    values["intro"] = .text(strings["hub_sdgs"])
    values["chartHtml"] = .html(goalChart())
    let targets = model.catalog.terms(.sdgTarget)
    values["goals"] = .list(model.catalog.terms(.sdgGoal).sorted { Int($0.key) ?? 0 < Int($1.key) ?? 0 }.map { goal in
      let mine = targets.filter { $0.key.hasPrefix(goal.key + ".") }.sorted { SDGCode.order($0.key, $1.key) }
      return [
        "href": .text(root + goal.path), "label": .text(labels.label(.sdgGoal, goal.key)),
        "countLabel": .text(count(goal.members.count)), "hasTargets": .flag(!mine.isEmpty),
        "targets": .list(mine.map {
          ["href": .text(root + $0.path), "label": .text(labels.label(.sdgTarget, $0.key)), "count": .text(number($0.members.count))]
        }),
      ]
    })
    return PageContext(path: path, template: .sdgs, values: values)
  }

  func allRecommendations(_ page: Int, _ path: String) -> PageContext {
    let heading = strings["nav_recommendations"]
    let paging = Pagination(count: model.catalog.recommendations.count, pageSize: model.config.pageSize)
    var crumbs: [(String, String?)] = [(heading, page == 1 ? nil : "recommendations/")]
    if page > 1 { crumbs.append((pageLabel(page, of: paging.pageCount), nil)) }
    var values = layout(path, title: heading, crumbs: crumbs, section: "recommendations")
    values["heading"] = .text(heading)
    values["countLabel"] = .text(count(paging.count))
    values["searchHref"] = false
    values["hasFacts"] = false
    values["hasSummary"] = false
    values["children"] = false
    values["chartsHtml"] = .html(.empty)
    values["quickFilters"] = false
    values["reviews"] = false
    values["matrix"] = false
    addList(into: &values, members: model.catalog.recommendations.indices, folder: "recommendations/", page: page,
      root: base(path))
    return PageContext(path: path, template: .term, values: values)
  }

  func pageLabel(_ page: Int, of pages: Int) -> String {
    strings.format("page_of", ["page": number(page), "pages": number(pages)])
  }

  /// The current page of a list and the links between its pages.
  func addList<Members: RandomAccessCollection>(into values: inout [TemplateKey: TemplateValue], members: Members, folder: String,
                                               page: Int, root: String) where Members.Element == Int, Members.Index == Int {
    let paging = Pagination(count: members.count, pageSize: model.config.pageSize)
    let range = paging.range(ofPage: page)
    values[.list] = [.start: .text(String(range.lowerBound + 1)), "digits": .text(String(min(7, String(range.upperBound).count))),
                     .items: .list(range.map { listItem(members[members.startIndex + $0], root: root) })]
    values[.pagination] = pager(page: page, of: paging.pageCount, folder: folder, root: root)
  }

  /// The links between the pages of a list whose first page is `folder`; false for one page.
  func pager(page: Int, of pageCount: Int, folder: String, root: String) -> TemplateValue {
    guard pageCount > 1 else { return false }
    let link = { (n: Int) in root + Pagination.path(folder, page: n) }
    return [
      "label": .text(pageLabel(page, of: pageCount)),
      "pages": .list(Pagination.pagerItems(page: page, of: pageCount).map { item in
        guard let n = item else { return ["gap": true] }
        return ["number": .text(number(n)), .href: .text(link(n)), .current: .flag(n == page), "gap": false]
      }),
      "previous": (page > 1 ? link(page - 1) : nil).templateValue,
      "next": (page < pageCount ? link(page + 1) : nil).templateValue,
    ]
  }
}
