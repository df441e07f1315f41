import SiteCore

extension PageContextBuilder {
  /// `institutions/<slug>/` (page `page` of its list): what one institution is responsible for,
  /// by status; the status by country on the first page, as a term page's summary.
  func institution(_ n: Int, _ page: Int, _ path: String) -> PageContext {
    let inst = model.followUp.institutions[n]
    let name = institutionName(inst.written)
    let folder = "institutions/\(inst.slug)/"
    let paging = Pagination(count: inst.members.count, pageSize: model.config.pageSize)
    var crumbs: [(String, String?)] = [(strings["follow_up_heading"], "follow-up/"), (strings["institutions_heading"], "institutions/"),
                                        (name, page == 1 ? nil : folder)]
    if page > 1 { crumbs.append((pageLabel(page, of: paging.pageCount), nil)) }
    var values = layout(path, title: page == 1 ? name : "\(name) (\(number(page)))", crumbs: crumbs, section: "follow-up")
    let root = base(path)
    followUpCommon(&values)
    values["heading"] = .text(name)
    values["intro"] = .text(strings["institution_intro"])
    let facts = institutionFacts(inst, root: root)
    values["facts"] = .list(facts)
    values["hasFacts"] = .flag(!facts.isEmpty)
    values["byCountry"] = page == 1
      ? statusTable("status-by-country", caption: strings["follow_up_by_country"], rowHeading: strings["field_country"],
          rows: statusRows(inst.members, .country, keys: { [$0.country.rawValue] }, label: { labels.label(.country, $0) }))
      : false
    // The statuses this page's part of the list falls under, each with its whole count and the
    // list numbered from its place in that status.
    let range = paging.range(ofPage: page)
    values["sections"] = .list(inst.byStatus.compactMap { run in
      let shown = run.range.clamped(to: range)
      guard !shown.isEmpty else { return nil }
      let label = run.status.map { strings.label($0) } ?? strings["follow_up_status_none"]
      return [
        "anchor": .text("status-" + (run.status?.rawValue ?? "none")), .label: .text(label), .count: .text(number(run.range.count)),
        "list": ["start": .text(String(shown.lowerBound - run.range.lowerBound + 1)),
                 "digits": .text(String(min(7, String(shown.upperBound - run.range.lowerBound).count))),
                 "items": .list(shown.map { listItem(inst.members[$0], root: root) })],
      ]
    })
    values[.pagination] = pager(page: page, of: paging.pageCount, folder: folder, root: root)
    return PageContext(path: path, template: .institution, values: values)
  }

  private func institutionFacts(_ inst: FollowUpIndex.InstitutionFollowUp, root: String) -> [TemplateValue] {
    var facts: [TemplateValue] = []
    if let type = inst.institution?.type {
      facts.append([.label: .text(strings["institution_type"]), .text: .text(strings["institution_type_" + type.rawValue])])
    }
    if let parent = inst.institution?.parent, let p = model.vocabulary.institutionBySlug[parent] {
      let linked = model.followUp.institution(named: parent, model.vocabulary) != nil
      facts.append([.label: .text(strings["institution_parent"]), .text: .text(p.name.text(in: language)),
                    .href: (linked ? root + "institutions/\(parent)/" : nil).templateValue])
    }
    return facts
  }
}
