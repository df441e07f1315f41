import SiteCore

extension PageContextBuilder {
  static let latestCount = 10

  func home(_ path: String) -> PageContext {
    var values = layout(path, title: nil, crumbs: [], section: nil)
    let root = values["root"] as! String
    let catalog = model.catalog
    values["description"] = strings["home_intro"]
    let totals: [(String, Int, String)] = [
      ("total_recommendations", catalog.recommendations.count, "recommendations/"),
      ("total_countries", catalog.terms(.country).count, "countries/"),
      ("total_themes", catalog.terms(.theme).count, "themes/"),
      ("total_affected_persons", catalog.terms(.affectedPerson).count, "affected-persons/"),
      ("total_sdg_goals", catalog.terms(.sdgGoal).count, "sdgs/"),
      ("total_bodies", catalog.terms(.body).count, "bodies/"),
      ("total_documents", catalog.terms(.document).count, "documents/"),
    ]
    values["totals"] = totals.map { ["label": strings[$0.0], "count": number($0.1), "href": root + $0.2] }
    values["browse"] = totals.dropFirst().map { ["label": strings[$0.0], "count": number($0.1), "href": root + $0.2] }
    values["mechanisms"] = table(.mechanism, groups: Array(catalog.terms(.mechanism).indices), root: root,
      caption: strings["home_by_mechanism"], byCount: false)
    let latest = Array(catalog.recommendations.indices.prefix(Self.latestCount))
    values["list"] = ["start": 1, "items": latest.map { listItem($0, root: root) }]
    return PageContext(path: path, template: "home", values: values)
  }
}
