import SiteCore

extension PageContextBuilder {
  /// `countries/<code>/follow-up/`: the status of a country's tracked recommendations by theme,
  /// SDG goal, mechanism, cycle and cluster; progress over time; what is overdue; its reports.
  func countryFollowUp(_ c: Int, _ path: String) -> PageContext {
    let country = model.followUp.countries[c]
    let group = model.catalog.terms(.country)[country.group]
    let name = labels.label(.country, group.key)
    let heading = strings.format("follow_up_country_heading", ["country": name])
    let crumbs: [(String, String?)] = [(strings["follow_up_heading"], "follow-up/"), (name, group.path), (strings["follow_up_crumb"], nil)]
    var values = layout(path, title: heading, crumbs: crumbs, section: "follow-up")
    let root = base(path)
    let members = country.members
    followUpCommon(&values)
    values["heading"] = .text(heading)
    values["intro"] = .text(strings.format("follow_up_country_intro", ["country": name, "count": count(members.count), "number": number(members.count)]))
    values["total"] = statusTable("status-total", caption: strings["follow_up_overall"], rowHeading: strings["follow_up_scope"],
      rows: [StatusRow(label: strings["follow_up_all"], tally: StatusTally(members, model), key: "all")])
    values["tables"] = .list(breakdowns(members, root: root))
    values["chart"] = .html(ProgressChart(id: "progress", caption: strings["follow_up_progress_caption"], dateHeading: strings["field_date"],
      statusNames: FollowUpStatus.allCases.map { strings.label($0) }, points: ProgressChart.points(members, model),
      number: number, rightToLeft: LanguageFormat.direction(language) == "rtl").html())
    values["reports"] = .list(country.reports.map { report in
      [.label: .text(reportName(report)), .href: .text(report.key + "/"), .count: .text(count(report.members.count)),
       "csvHref": .text(report.key + "/report.csv"), "xlsxHref": .text(report.key + "/report.xlsx")]
    })
    let overdue = overdueActions(members)
    values["overdueCount"] = .text(number(overdue.count))
    values["overdue"] = overdueList(overdue, root: root)
    values["hasOverdue"] = .flag(!overdue.isEmpty)
    values["updates"] = latestUpdates(members, root: root, limit: Self.hubListLength)
    return PageContext(path: path, template: .followUpCountry, values: values)
  }

  /// The status tables of a country page: by mechanism, UPR cycle, theme, SDG goal and cluster.
  private func breakdowns(_ members: [Int], root: String) -> [TemplateValue] {
    let none = strings["follow_up_no_cluster"]
    let groups: [(id: String, caption: String, heading: String, rows: [StatusRow])] = [
      ("by-mechanism", strings["follow_up_by_mechanism"], strings["field_mechanism"],
       statusRows(members, .mechanism, keys: { CountryMatrix.keys($0, .mechanism) }, label: { labels.label(.mechanism, $0) })),
      ("by-cycle", strings["follow_up_by_cycle"], strings["field_cycle"],
       statusRows(members, .uprCycle, keys: { $0.cycle.map { [String($0)] } ?? [] }, label: { strings.format("follow_up_cycle_label", ["cycle": $0]) })),
      ("by-theme", strings["follow_up_by_theme"], strings["field_themes"],
       statusRows(members, .theme, keys: { CountryMatrix.keys($0, .theme) }, label: { labels.label(.theme, $0) })),
      ("by-goal", strings["follow_up_by_goal"], strings["field_sdg_goals"],
       statusRows(members, .sdgGoal, keys: { CountryMatrix.keys($0, .sdgGoal) }, label: { labels.label(.sdgGoal, $0) })),
      ("by-cluster", strings["follow_up_by_cluster"], strings["field_cluster"],
       statusRows(members, nil, keys: { [$0.followUp?.cluster ?? ""] }, label: { $0.isEmpty ? none : $0 })),
    ]
    return groups.filter { !$0.rows.isEmpty }.map { statusTable($0.id, caption: $0.caption, rowHeading: $0.heading, rows: $0.rows) }
  }

  /// "UPR, cycle 3", or the body's name.
  func reportName(_ report: FollowUpIndex.Report) -> String {
    if let body = report.body { return labels.label(.body, body) }
    return report.cycle.map { strings.format("follow_up_cycle_label", ["cycle": String($0)]) } ?? labels.label(.mechanism, report.mechanism.rawValue)
  }
}
