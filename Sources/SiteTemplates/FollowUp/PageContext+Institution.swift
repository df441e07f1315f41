import SiteCore

extension PageContextBuilder {
  /// `institutions/<slug>/`: what one institution is responsible for, by country and by status.
  func institution(_ n: Int, _ path: String) -> PageContext {
    let inst = model.followUp.institutions[n]
    let name = institutionName(inst.written)
    let crumbs: [(String, String?)] = [(strings["follow_up_heading"], "follow-up/"), (strings["institutions_heading"], "institutions/"), (name, nil)]
    var values = layout(path, title: name, crumbs: crumbs, section: "follow-up")
    let root = base(path)
    followUpCommon(&values)
    values["heading"] = .text(name)
    values["intro"] = .text(strings["institution_intro"])
    var facts: [TemplateValue] = []
    if let type = inst.institution?.type {
      facts.append([.label: .text(strings["institution_type"]), .text: .text(strings["institution_type_" + type.rawValue])])
    }
    if let parent = inst.institution?.parent, let p = model.vocabulary.institutionBySlug[parent] {
      let linked = model.followUp.institution(named: parent, model.vocabulary) != nil
      facts.append([.label: .text(strings["institution_parent"]), .text: .text(p.name.text(in: language)),
                    .href: (linked ? root + "institutions/\(parent)/" : nil).templateValue])
    }
    values["facts"] = .list(facts)
    values["hasFacts"] = .flag(!facts.isEmpty)
    values["byCountry"] = statusTable("status-by-country", caption: strings["follow_up_by_country"], rowHeading: strings["field_country"],
      rows: statusRows(inst.members, .country, keys: { [$0.country.rawValue] }, label: { labels.label(.country, $0) }))
    var sections: [TemplateValue] = []
    for status in FollowUpStatus.allCases.reversed() + [nil] {
      let members = inst.members.filter { model.catalog.recommendations[$0].followUp?.currentStatus == status }
      guard !members.isEmpty else { continue }
      let label = status.map { strings.label($0) } ?? strings["follow_up_status_none"]
      sections.append([
        "anchor": .text("status-" + (status?.rawValue ?? "none")), .label: .text(label), .count: .text(number(members.count)),
        "list": ["start": "1", "items": .list(members.map { listItem($0, root: root) })],
      ])
    }
    values["sections"] = .list(sections)
    return PageContext(path: path, template: .institution, values: values)
  }
}
