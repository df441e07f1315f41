import SiteCore

/// A progress report's recommendations grouped by cluster: clusters by name, those without one last.
struct ReportClusters {
  var sections: [(cluster: String?, members: [Int])]

  init(_ report: FollowUpIndex.Report, _ model: SiteModel) {
    var byCluster: [String: [Int]] = [:]
    var none: [Int] = []
    for i in report.members {
      if let cluster = model.catalog.recommendations[i].followUp?.cluster { byCluster[cluster, default: []].append(i) } else { none.append(i) }
    }
    sections = byCluster.keys.sorted().map { ($0, byCluster[$0]!) }
    if !none.isEmpty { sections.append((nil, none)) }
  }
}

extension PageContextBuilder {
  /// `countries/<code>/follow-up/<report>/`: the State's follow-up of one mechanism and cycle,
  /// printable, grouped by cluster; each recommendation with its text, responsible institutions,
  /// actions and latest update.
  func followUpReport(_ c: Int, _ n: Int, _ path: String) -> PageContext {
    let country = model.followUp.countries[c]
    let report = country.reports[n]
    let group = model.catalog.terms(.country)[country.group]
    let name = labels.label(.country, group.key)
    let review = reportName(report)
    let heading = strings.format("follow_up_report_heading", ["country": name, "review": review])
    let crumbs: [(String, String?)] = [(strings["follow_up_heading"], "follow-up/"), (name, group.path),
                                        (strings["follow_up_crumb"], group.path + "follow-up/"), (review, nil)]
    var values = layout(path, title: heading, crumbs: crumbs, section: "follow-up")
    let root = base(path)
    followUpCommon(&values)
    values["heading"] = .text(heading)
    values["intro"] = .text(strings.format("follow_up_report_intro", ["country": name, "review": review, "count": count(report.members.count),
      "number": number(report.members.count)]))
    values["csvHref"] = .text("report.csv")
    values["xlsxHref"] = .text("report.xlsx")
    values["total"] = statusTable("status-total", caption: strings["follow_up_overall"], rowHeading: strings["follow_up_scope"],
      rows: [StatusRow(label: strings["follow_up_all"], tally: StatusTally(report.members, model), key: "all")])
    values["clusters"] = .list(ReportClusters(report, model).sections.enumerated().map { k, section in
      [
        "anchor": .text("cluster-\(k + 1)"), .label: .text(section.cluster ?? strings["follow_up_no_cluster"]),
        .count: .text(number(section.members.count)), "items": .list(section.members.map { reportItem($0, root: root) }),
      ]
    })
    return PageContext(path: path, template: .followUpReport, values: values)
  }

  private func reportItem(_ i: Int, root: String) -> TemplateValue {
    let r = model.catalog.recommendations[i]
    let f = r.followUp!
    let asOf = model.followUp.asOf
    let latest: TemplateValue = f.latestUpdate.map { u in
      [.date: .text(u.date), .dateText: .text(LanguageFormat.date(u.date, language)), "status": .text(strings.label(u.status)),
       "note": u.noteHTML.map { TemplateValue.html($0) } ?? .flag(false),
       "indicators": .list(u.indicators.map { [.label: .text($0.name), .text: .text($0.value)] }), "hasIndicators": .flag(!u.indicators.isEmpty)]
    } ?? .flag(false)
    return [
      .href: .text(root + "recommendations/\(r.id)/"), .title: .text(model.texts[i].title),
      .lang: (r.language != language ? r.language : nil).templateValue,
      .document: .text(r.document), .paragraph: .text(r.paragraph),
      .text: .html(model.texts[i].html),
      "status": .text(f.currentStatus.map { strings.label($0) } ?? strings["follow_up_status_none"]),
      "overdue": .flag(f.isOverdue(asOf: asOf)),
      "due": f.due.map { LanguageFormat.date($0, language) }.templateValue,
      "responsible": responsibleLinks(f.responsible, root: root), "hasResponsible": .flag(!f.responsible.isEmpty),
      "hasActions": .flag(!f.actions.isEmpty),
      "actions": actionItems(f, root: root),
      "latest": latest,
    ]
  }

  // MARK: - CSV

  /// The columns of a progress report's `report.csv`.
  public static let reportColumns = ["cluster", "id", "document", "paragraph", "text", "status", "responsible", "due", "overdue",
                              "actions", "latest_update_date", "latest_update_note", "url"]

  /// A progress report's rows under `reportColumns`, in the order of its page (by cluster); the
  /// CSV and the workbook of the report are both made from them.
  public func reportRows(country c: Int, report n: Int) -> [[String]] {
    let report = model.followUp.countries[c].reports[n]
    let asOf = model.followUp.asOf
    let base = model.config.baseURL ?? ""
    return ReportClusters(report, model).sections.flatMap { section in
      section.members.map { i in
        let r = model.catalog.recommendations[i]
        let f = r.followUp!
        let actions = f.actions.map { "\($0.action) (\($0.due)\($0.completed.map { ", \(strings["follow_up_completed"]) \($0)" } ?? ""))" }
        return [
          section.cluster ?? "", r.id.rawValue, r.document, r.paragraph, model.texts[i].plainText,
          f.currentStatus.map { strings.label($0) } ?? "", f.responsible.map(institutionName).joined(separator: "; "), f.due ?? "",
          f.isOverdue(asOf: asOf) ? "yes" : "no", actions.joined(separator: "; "), f.latestUpdate?.date ?? "", f.latestUpdate?.note ?? "",
          base + "recommendations/\(r.id)/",
        ]
      }
    }
  }

  /// A progress report's rows (`reportRows`) as CSV (see `matrixCSV` for the format).
  public static func reportCSV(_ rows: [[String]]) -> [UInt8] {
    var out: [UInt8] = Array(("\u{FEFF}" + reportColumns.joined(separator: ",") + "\r\n").utf8)
    for row in rows { CSV.appendRow(row, into: &out) }
    return out
  }

  /// The files `report.csv` and `report.xlsx` of a progress report, relative to the site root, without the extension.
  public func reportFilePath(country c: Int, report n: Int) -> String { Route.followUpReport(country: c, report: n).path(in: model) + "report" }
}
