import Foundation
import SiteCore

extension PageContextBuilder {
  /// What a term page summarises its recommendations by; a country page by theme, body, SDG goal and group.
  static let summaryTaxonomies: [Taxonomy] = [.country, .theme, .body, .sdgGoal, .affectedPerson]

  func term(_ taxonomy: Taxonomy, _ g: Int, _ page: Int, _ path: String) -> PageContext {
    let group = model.catalog.terms(taxonomy)[g]
    let name = labels.label(taxonomy, group.key)
    let hub = strings[Self.navKey[taxonomy]!]
    let hubFolder = taxonomy == .sdgTarget ? "sdgs/" : "\(taxonomy.rawValue)/"
    var crumbs: [(String, String?)] = [(hub, hubFolder)]
    if taxonomy == .sdgTarget, let goal = group.key.split(separator: ".").first.map(String.init) {
      crumbs.append((labels.short(.sdgGoal, goal), "sdgs/\(goal)/"))
    }
    let paging = Pagination(count: group.members.count, pageSize: model.config.pageSize)
    crumbs.append((name, page == 1 ? nil : group.path))
    if page > 1 { crumbs.append((pageLabel(page, of: paging.pageCount), nil)) }
    var values = layout(path, title: page == 1 ? name : "\(name) (\(number(page)))", crumbs: crumbs,
      section: Self.hubSection[taxonomy])
    let root = base(path)
    values["heading"] = .text(name)
    values["countLabel"] = .text(count(group.members.count))
    // Search has no session filter, and a session's number alone is no query.
    values["searchHref"] = taxonomy == .uprSession ? false : .text(root + "search/?" + searchQuery(taxonomy, group.key))
    // A UPR view's response facts (on every page) and chart count the same tally, a country's chart too.
    let responses = taxonomy.isUPRView || (taxonomy == .country && page == 1) ? ResponseTally(group.members, model.catalog) : nil
    let facts = facts(taxonomy, group, root: root, responses: responses)
    values["facts"] = .list(facts)
    values["hasFacts"] = .flag(!facts.isEmpty)
    let summary = page == 1 ? summaryTaxonomies(of: taxonomy).compactMap { summaryTable($0, members: group.members, root: root, of: taxonomy) } : []
    values["summary"] = .list(summary)
    values["hasSummary"] = .flag(!summary.isEmpty)
    values["children"] = (page == 1 ? children(taxonomy, group, root: root) : nil) ?? false
    values["chartsHtml"] = .html(page == 1 ? charts(taxonomy, group, responses: responses) : HTML.empty)
    values["quickFilters"] = page == 1 ? quickFilters(taxonomy, group, root: root) : false
    values["reviews"] = page == 1 && taxonomy == .country ? uprReviews(group, root: root) : false
    values["matrix"] = page == 1 && taxonomy == .country
      ? ["href": .text(root + group.path + "matrix/"),
         "csvHref": model.config.exports.has(.groupFiles) ? .text(root + group.path + "matrix.csv") : false] : false
    values["downloads"] = groupDownloads(taxonomy, group, page: page, path: path)
    values["followUpHref"] = (page == 1 && taxonomy == .country && model.followUp.country(group: g) != nil
      ? root + group.path + "follow-up/" : nil).templateValue
    values[.feedHref] = feedLink(taxonomy, group, root: root)
    addList(into: &values, members: group.members, folder: group.path, page: page, root: root)
    return PageContext(path: path, template: .term, values: values)
  }

  func searchQuery(_ taxonomy: Taxonomy, _ key: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    guard let field = Self.filterField[taxonomy] else {
      return "q=" + ("\"\(key)\"".addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }
    let value = taxonomy == .sdgGoal || taxonomy == .sdgTarget ? key : taxonomy.slug(of: key)
    return field.rawValue + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
  }

  /// The summary tables of a term's page: a State's also by the States that recommended to it.
  func summaryTaxonomies(of taxonomy: Taxonomy) -> [Taxonomy] {
    let tables = Self.summaryTaxonomies.filter { $0 != taxonomy }
    return [.country, .uprCycle, .uprSession].contains(taxonomy) ? tables + [.recommendingState] : tables
  }

  /// Counts of `members` by the terms of `taxonomy`, most first; `page` is the taxonomy of the
  /// page that shows it (a recommending State's page calls its countries "recommended to").
  func summaryTable(_ taxonomy: Taxonomy, members: [Int], root: String, of page: Taxonomy? = nil) -> TemplateValue? {
    var tally = [Int](repeating: 0, count: model.catalog.terms(taxonomy).count)
    for i in members {
      for g in model.catalog.positions(taxonomy, of: i) { tally[Int(g)] += 1 }
    }
    var counts: [Int: Int] = [:]
    for (g, n) in tally.enumerated() where n > 0 { counts[g] = n }
    // States that no State recommended anything to get no such table (the other tables keep their empty form).
    guard !counts.isEmpty || taxonomy != .recommendingState else { return nil }
    let caption = page == .recommendingState && taxonomy == .country ? strings["summary_recommended_to"] : strings.summaryCaption(taxonomy)
    return table(taxonomy, groups: counts.keys.sorted(), root: root, caption: caption, byCount: true, counts: counts, details: false)
  }

  /// Facts about the term itself, shown above its list.
  func facts(_ taxonomy: Taxonomy, _ group: TermGroup, root: String, responses: ResponseTally?) -> [TemplateValue] {
    facts0(taxonomy, group, root: root, responses: responses).map { fact in
      ["label": .text(fact["label"] ?? ""), "text": .text(fact["text"] ?? ""), "href": fact["href"].templateValue]
    }
  }

  private func facts0(_ taxonomy: Taxonomy, _ group: TermGroup, root: String, responses: ResponseTally?) -> [[String: String]] {
    let first = model.catalog.recommendations[group.members[0]]
    func link(_ t: Taxonomy, _ key: String) -> [String: String] {
      let term = labels.term(t, key)
      var fact = ["text": term.label]
      if let path = term.path { fact["href"] = root + path }
      return fact
    }
    switch taxonomy {
    case .country:
      guard let region = model.vocabulary.countryByCode[CountryCode(group.key)]?.region else { return [] }
      return [["label": strings["field_region"], "text": model.vocabulary.regionName(region, in: language)]]
    case .body:
      guard let body = model.vocabulary.bodyByCode[group.key.uppercased()] else { return [] }
      return [["label": strings["field_body"], "text": body.code], ["label": strings["field_mechanism"]].merging(link(.mechanism, body.mechanism.rawValue)) { $1 }]
    case .document:
      return [
        ["label": strings["field_country"]].merging(link(.country, first.country.rawValue)) { $1 },
        ["label": strings["field_body"]].merging(link(.body, first.body)) { $1 },
        ["label": strings["field_date"], "text": LanguageFormat.date(first.date, language)],
        ["label": strings["field_document"], "text": strings.format("source_document", ["document": group.key]),
         "href": Recommendation.undocsAddress(group.key)],
      ]
    case .sdgTarget:
      let goal = String(group.key.split(separator: ".")[0])
      return [["label": strings["field_sdg_goals"]].merging(link(.sdgGoal, goal)) { $1 }]
    case .recommendingState, .uprCycle, .uprSession:
      return responses.map { responseFacts($0, of: group.members.count) } ?? []
    case .mechanism where group.key == Mechanism.upr.rawValue:
      return uprLinks(root: root)
    default:
      return []
    }
  }

  /// The terms below this one: a goal's targets, a mechanism's bodies.
  func children(_ taxonomy: Taxonomy, _ group: TermGroup, root: String) -> TemplateValue? {
    let targets = model.catalog.terms(.sdgTarget)
    let bodies = model.catalog.terms(.body)
    switch taxonomy {
    case .sdgGoal:
      let mine = targets.indices.filter { targets[$0].key.hasPrefix(group.key + ".") }
      return table(.sdgTarget, groups: mine, root: root, caption: strings["sdg_targets"], byCount: false)
    case .mechanism:
      let mine = bodies.indices.filter { model.vocabulary.bodyByCode[bodies[$0].key.uppercased()]?.mechanism.rawValue == group.key }
      return table(.body, groups: mine, root: root, caption: strings["nav_bodies"], byCount: false)
    default:
      return nil
    }
  }
}
