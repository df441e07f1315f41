import SiteCore

extension PageContextBuilder {
  /// How many overdue actions and latest updates the hub lists (the country pages list them all).
  static let hubListLength = 50

  /// `follow-up/`: status overall and by country, the overdue actions due most recently, the latest updates.
  func followUpHub(_ path: String) -> PageContext {
    let heading = strings["follow_up_heading"]
    var values = layout(path, title: heading, crumbs: [(heading, nil)], section: "follow-up")
    let root = base(path)
    let index = model.followUp
    followUpCommon(&values)
    values["heading"] = .text(heading)
    values["intro"] = .text(strings["follow_up_intro"])
    values["total"] = statusTable("status-total", caption: strings["follow_up_overall"], rowHeading: strings["follow_up_scope"],
      rows: [StatusRow(label: strings["follow_up_all"], tally: StatusTally(index.tracked, model), key: "all")])
    let countries = model.catalog.terms(.country)
    values["byCountry"] = statusTable("status-by-country", caption: strings["follow_up_by_country"], rowHeading: strings["field_country"],
      rows: index.countries.map { c in
        let group = countries[c.group]
        return (labels.sortKey(.country, group.key), StatusRow(label: labels.label(.country, group.key), href: root + group.path + "follow-up/",
          tally: StatusTally(c.members, model), key: group.key))
      }.sorted { ($0.0, $0.1.key) < ($1.0, $1.1.key) }.map(\.1))
    let overdue = overdueActions(index.tracked)
    values["overdueCount"] = .text(number(overdue.count))
    values["overdue"] = overdueList(Array(overdue.prefix(Self.hubListLength)), root: root)
    values["hasOverdue"] = .flag(!overdue.isEmpty)
    values["updates"] = latestUpdates(index.tracked, root: root, limit: Self.hubListLength)
    values["institutionsHref"] = .text(root + "institutions/")
    return PageContext(path: path, template: .followUp, values: values)
  }

  /// Every overdue action of `members`: due most recently first, then by recommendation and action order.
  func overdueActions(_ members: [Int]) -> [(record: Int, action: FollowUpAction)] {
    let asOf = model.followUp.asOf
    var found: [(record: Int, action: FollowUpAction)] = []
    for i in members {
      for action in model.catalog.recommendations[i].followUp?.overdueActions(asOf: asOf) ?? [] { found.append((i, action)) }
    }
    // Stable: ties keep list order.
    return found.enumerated().sorted { a, b in a.1.action.due != b.1.action.due ? a.1.action.due > b.1.action.due : a.0 < b.0 }.map(\.1)
  }

  func overdueList(_ items: [(record: Int, action: FollowUpAction)], root: String) -> TemplateValue {
    .list(items.map { i, action in
      let r = model.catalog.recommendations[i]
      let responsible = action.responsible.isEmpty ? r.followUp?.responsible ?? [] : action.responsible
      return [
        .href: .text(root + "recommendations/\(r.id)/"), .title: .text(model.texts[i].title), .country: .text(labels.label(.country, r.country.rawValue)),
        "action": .text(action.action), "hasResponsible": .flag(!responsible.isEmpty), .date: .text(action.due), .dateText: .text(LanguageFormat.date(action.due, language)),
        "responsible": responsibleLinks(responsible, root: root),
      ]
    })
  }

  /// The `limit` latest updates of `members`, newest first.
  func latestUpdates(_ members: [Int], root: String, limit: Int) -> TemplateValue {
    var found: [(record: Int, update: FollowUpUpdate)] = []
    for i in members { if let u = model.catalog.recommendations[i].followUp?.latestUpdate { found.append((i, u)) } }
    let newest = found.enumerated().sorted { a, b in a.1.update.date != b.1.update.date ? a.1.update.date > b.1.update.date : a.0 < b.0 }
      .prefix(limit).map(\.1)
    return .list(newest.map { i, update in
      let r = model.catalog.recommendations[i]
      return [
        .href: .text(root + "recommendations/\(r.id)/"), .title: .text(model.texts[i].title), .country: .text(labels.label(.country, r.country.rawValue)),
        .date: .text(update.date), .dateText: .text(LanguageFormat.date(update.date, language)), "status": .text(strings.label(update.status)),
        "note": update.noteHTML.map { TemplateValue.html($0) } ?? .flag(false),
      ]
    })
  }

  /// `institutions/`: every institution named responsible, with its counts.
  func institutionHub(_ path: String) -> PageContext {
    let heading = strings["institutions_heading"]
    var values = layout(path, title: heading, crumbs: [(strings["follow_up_heading"], "follow-up/"), (heading, nil)], section: "follow-up")
    let root = base(path)
    followUpCommon(&values)
    values["heading"] = .text(heading)
    values["intro"] = .text(strings["institutions_intro"])
    let rows = model.followUp.institutions.map { inst in
      StatusRow(label: institutionName(inst.written), href: root + "institutions/\(inst.slug)/", tally: StatusTally(inst.members, model), key: inst.slug)
    }
    // Names in the language's order (pinyin in Chinese…), as the tables of terms; ties in the index's order.
    let order = NameCollation.order(rows.indices.map { (key: TermLabels.rank($0), name: rows[$0].label) }, language: language)
    values["byInstitution"] = statusTable("status-by-institution", caption: heading, rowHeading: strings["institution_column"],
      rows: order.map { rows[Int($0.dropFirst())!] })
    return PageContext(path: path, template: .institutions, values: values)
  }
}
