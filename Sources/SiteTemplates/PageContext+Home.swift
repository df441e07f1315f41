import SiteCore

extension PageContextBuilder {
  static let latestCount = 10

  func home(_ path: String) -> PageContext {
    var values = layout(path, title: nil, crumbs: [], section: nil)
    let root = base(path)
    let catalog = model.catalog
    values[.pageDescription] = .text(strings["home_intro"])
    let totals: [(String, Int, String)] = [
      ("total_recommendations", catalog.recommendations.count, "recommendations/"),
      ("total_countries", catalog.terms(.country).filter { isState($0.key) }.count, "countries/"),
      ("total_themes", catalog.terms(.theme).count, "themes/"),
      ("total_affected_persons", catalog.terms(.affectedPerson).count, "affected-persons/"),
      ("total_sdg_goals", catalog.terms(.sdgGoal).count, "sdgs/"),
      ("total_bodies", catalog.terms(.body).count, "bodies/"),
      ("total_documents", catalog.terms(.document).count, "documents/"),
    ]
    let items = totals.map { total -> TemplateValue in
      ["label": .text(strings[total.0]), "count": .text(number(total.1)), "href": .text(root + total.2)]
    }
    values["totals"] = .list(items)
    // National follow-up, when the content has any (its pages are linked from here and from each country's page).
    let followUp: [TemplateValue] = model.followUp.tracked.isEmpty ? [] : [
      ["label": .text(strings["follow_up_heading"]), "count": .text(number(model.followUp.tracked.count)), "href": .text(root + "follow-up/")],
    ]
    values["browse"] = .list(Array(items.dropFirst()) + followUp)
    values["chartsHtml"] = .html(homeCharts())
    values[.feedHref] = model.config.exports.has(.feeds) ? .text(root + "feed.xml") : false
    values["downloadsHref"] = model.config.exports.hasDownloads ? .text(root + "downloads/") : false
    let latest = Array(catalog.recommendations.indices.prefix(Self.latestCount))
    values["list"] = ["start": "1", "items": .list(latest.map { listItem($0, root: root) })]
    return PageContext(path: path, template: .home, values: values)
  }
}
