import Foundation
import SiteCore

extension PageContextBuilder {
  static let hubSection: [Taxonomy: String] = [
    .country: "countries", .theme: "themes", .affectedPerson: "affected-persons", .body: "bodies",
    .mechanism: "mechanisms", .document: "documents", .sdgGoal: "sdgs", .sdgTarget: "sdgs",
  ]
  static let navKey: [Taxonomy: String] = [
    .country: "nav_countries", .theme: "nav_themes", .affectedPerson: "nav_affected_persons", .body: "nav_bodies",
    .mechanism: "nav_mechanisms", .document: "nav_documents", .sdgGoal: "nav_sdgs", .sdgTarget: "nav_sdgs",
  ]
  /// The search filter that selects a term's recommendations (contract: `r.facets` keys).
  static let filterField: [Taxonomy: String] = [
    .country: "country", .theme: "theme", .affectedPerson: "affected_persons", .body: "body",
    .mechanism: "mechanism", .sdgGoal: "sdg_goal", .sdgTarget: "sdg_target",
  ]

  func hub(_ taxonomy: Taxonomy, _ path: String) -> PageContext {
    let heading = strings[Self.navKey[taxonomy]!]
    var values = layout(path, title: heading, crumbs: [(heading, nil)], section: Self.hubSection[taxonomy])
    values["heading"] = heading
    values["intro"] = strings["hub_\(taxonomy.rawValue)"]
    values["table"] = table(taxonomy, groups: Array(model.catalog.terms(taxonomy).indices), root: values["root"] as! String,
      caption: heading, byCount: false)
    return PageContext(path: path, template: "hub", values: values)
  }

  /// A table of terms with their counts; `groups` index `catalog.terms(taxonomy)`.
  func table(_ taxonomy: Taxonomy, groups: [Int], root: String, caption: String, byCount: Bool,
             counts: [Int: Int]? = nil, details: Bool = true) -> [String: Any] {
    let all = model.catalog.terms(taxonomy)
    var rows = groups.map { g -> (key: String, sort: String, count: Int, href: String) in
      let group = all[g]
      return (group.key, labels.sortKey(taxonomy, group.key), counts?[g] ?? group.members.count, root + group.path)
    }
    rows.sort { byCount && $0.count != $1.count ? $0.count > $1.count : ($0.sort, $0.key) < ($1.sort, $1.key) }
    let detail: String? = !details ? nil : taxonomy == .country ? strings["column_region"] : taxonomy == .body ? strings["column_mechanism"] : nil
    return [
      "caption": caption, "hasDetail": detail != nil, "detailHeading": detail ?? "",
      "rows": rows.map { row -> [String: Any] in
        var item: [String: Any] = ["label": labels.label(taxonomy, row.key), "href": row.href, "count": number(row.count), "detail": ""]
        if taxonomy == .country { item["detail"] = model.vocabulary.countryByCode[row.key]?.region ?? "" }
        if taxonomy == .body, let body = model.vocabulary.bodyByCode[row.key.uppercased()] {
          item["detail"] = strings["mechanism_\(body.mechanism.rawValue)"]
        }
        return item
      },
    ]
  }

  func sdgHub(_ path: String) -> PageContext {
    let heading = strings["nav_sdgs"]
    var values = layout(path, title: heading, crumbs: [(heading, nil)], section: "sdgs")
    let root = values["root"] as! String
    values["heading"] = heading
    values["intro"] = strings["hub_sdgs"]
    values["goals"] = model.catalog.terms(.sdgGoal).sorted { Int($0.key) ?? 0 < Int($1.key) ?? 0 }.map { goal -> [String: Any] in
      let targets = model.catalog.terms(.sdgTarget).filter { $0.key.hasPrefix(goal.key + ".") }
        .sorted { SDGCode.order($0.key, $1.key) }
      return [
        "href": root + goal.path, "label": labels.label(.sdgGoal, goal.key), "countLabel": count(goal.members.count),
        "targets": targets.map { ["href": root + $0.path, "label": labels.label(.sdgTarget, $0.key), "count": number($0.members.count)] },
        "hasTargets": !targets.isEmpty,
      ]
    }
    return PageContext(path: path, template: "sdgs", values: values)
  }

  func allRecommendations(_ page: Int, _ path: String) -> PageContext {
    let heading = strings["nav_recommendations"]
    let paging = Pagination(count: model.catalog.recommendations.count, pageSize: model.config.pageSize)
    var crumbs: [(String, String?)] = [(heading, page == 1 ? nil : "recommendations/")]
    if page > 1 { crumbs.append((strings.format("page_of", ["page": number(page), "pages": number(paging.pageCount)]), nil)) }
    var values = layout(path, title: heading, crumbs: crumbs, section: nil)
    let root = values["root"] as! String
    values["heading"] = heading
    values["countLabel"] = count(paging.count)
    addList(into: &values, members: Array(model.catalog.recommendations.indices), folder: "recommendations/", page: page, root: root)
    return PageContext(path: path, template: "term", values: values)
  }

  /// The current page of a list and the links between its pages.
  func addList(into values: inout [String: Any], members: [Int], folder: String, page: Int, root: String) {
    let paging = Pagination(count: members.count, pageSize: model.config.pageSize)
    let range = paging.range(ofPage: page)
    values["list"] = ["start": range.lowerBound + 1, "items": range.map { listItem(members[$0], root: root) }]
    values["pagination"] = false
    guard paging.pageCount > 1 else { return }
    let window = Set([1, paging.pageCount]).union(max(1, page - 2)...min(paging.pageCount, page + 2)).sorted()
    var pagination: [String: Any] = [
      "label": strings.format("page_of", ["page": number(page), "pages": number(paging.pageCount)]),
      "pages": window.map { ["number": number($0), "href": root + Pagination.path(folder, page: $0), "current": $0 == page] },
    ]
    pagination["previous"] = page > 1 ? root + Pagination.path(folder, page: page - 1) : false
    pagination["next"] = page < paging.pageCount ? root + Pagination.path(folder, page: page + 1) : false
    values["pagination"] = pagination
  }
}
