import SiteCore

/// How many tracked recommendations are in each current status, and how many are overdue.
struct StatusTally {
  /// By `FollowUpStatus.ordinal`, then one more for those without a status.
  var counts = [Int](repeating: 0, count: FollowUpStatus.allCases.count + 1)
  var total = 0
  var overdue = 0

  mutating func add(_ f: FollowUp, asOf: String?) {
    counts[f.currentStatus?.ordinal ?? FollowUpStatus.allCases.count] += 1
    total += 1
    if f.isOverdue(asOf: asOf) { overdue += 1 }
  }

  /// The tally of `members` (indexes into the catalog; those without follow-up are skipped).
  init<C: Collection>(_ members: C, _ model: SiteModel) where C.Element == Int {
    let asOf = model.followUp.asOf
    for i in members { if let f = model.catalog.recommendations[i].followUp { add(f, asOf: asOf) } }
  }

  init() {}
}

/// A row of a status table: a label, a link, and its tally.
struct StatusRow {
  var label: String
  var href: String?
  var tally: StatusTally
  /// Tells the row apart in tests and styles: a country code, a theme slug…
  var key: String
}

extension PageContextBuilder {
  /// The column headings of status tables: each status, "no status", overdue, total.
  var statusHeadings: TemplateValue {
    .list((FollowUpStatus.allCases.map { strings.label($0) } + [strings["follow_up_status_none"], strings["follow_up_overdue"],
      strings["follow_up_total"]]).map { [.label: .text($0)] })
  }

  /// A status table (`partials/status-table`): one row per group, a count per status.
  func statusTable(_ id: String, caption: String, rowHeading: String, rows: [StatusRow]) -> TemplateValue {
    [
      "id": .text(id), "caption": .text(caption), "rowHeading": .text(rowHeading), "headings": statusHeadings,
      "rows": .list(rows.map { row in
        let cells = row.tally.counts.enumerated().map { n, count -> TemplateValue in
          let status = n < FollowUpStatus.allCases.count ? FollowUpStatus.allCases[n].rawValue : "none"
          return ["status": .text(status), .count: .text(number(count))]
        } + [["status": "overdue", .count: .text(number(row.tally.overdue))], ["status": "total", .count: .text(number(row.tally.total))]]
        return [.label: .text(row.label), .href: row.href.templateValue, "key": .text(row.key), "cells": .list(cells)]
      }),
    ]
  }

  /// Rows of a status table for the groups `keys` returns for each tracked member, in the order
  /// of the terms of `taxonomy` (`TermLabels.sortKey`, as every term table), else by label.
  func statusRows(_ members: [Int], _ taxonomy: Taxonomy?, keys: (Recommendation) -> [String], label: (String) -> String) -> [StatusRow] {
    var tallies: [String: StatusTally] = [:]
    let asOf = model.followUp.asOf
    for i in members {
      let r = model.catalog.recommendations[i]
      guard let f = r.followUp else { continue }
      for key in keys(r) { tallies[key, default: StatusTally()].add(f, asOf: asOf) }
    }
    return tallies.keys.map { key in (taxonomy.map { labels.sortKey($0, key) } ?? label(key), key) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
      .map { _, key in StatusRow(label: label(key), tally: tallies[key]!, key: key) }
  }

  /// A responsible name as pages show it: the institution's name in the page's language, else as written.
  func institutionName(_ name: String) -> String {
    model.vocabulary.institutionBySlug[name]?.name.text(in: language) ?? name
  }

  /// Responsible names with links to their institution pages (relative to `root`). Every name
  /// with a slug has a page (the record naming it puts it there), so no index is needed.
  func responsibleLinks(_ names: [String], root: String) -> TemplateValue {
    .list(names.enumerated().map { k, name in
      let slug = FollowUpIndex.slug(of: name, model.vocabulary)
      return [.label: .text(institutionName(name)), .href: (slug.isEmpty ? nil : root + "institutions/\(slug)/").templateValue,
              .last: .flag(k == names.count - 1)]
    })
  }

  /// The recommendation page's follow-up section: the fields, the history of updates (newest
  /// first) and the actions, each with its responsible institutions linked.
  func followUpSection(_ f: FollowUp, root: String, language textLanguage: String) -> TemplateValue {
    [
      "rows": followUpRows(f, language: textLanguage), "hasUpdates": .flag(!f.updates.isEmpty), "hasActions": .flag(!f.actions.isEmpty),
      "updates": .list(f.updates.reversed().map { u in
        [.date: .text(u.date), .dateText: .text(LanguageFormat.date(u.date, language)), "status": .text(strings.label(u.status)),
         "note": u.noteHTML.map { TemplateValue.html($0) } ?? .flag(false),
         "indicators": .text(u.indicators.map { "\($0.name): \($0.value)" }.joined(separator: "; "))]
      }),
      "actions": actionItems(f, root: root),
    ]
  }

  /// A follow-up's actions (`partials/follow-up-actions`), each with its responsible institutions linked.
  func actionItems(_ f: FollowUp, root: String) -> TemplateValue {
    let asOf = model.followUp.asOf
    return .list(f.actions.map { a in
      [.text: .text(a.action), "due": .text(LanguageFormat.date(a.due, language)), "dueISO": .text(a.due),
       "completed": a.completed.map { LanguageFormat.date($0, language) }.templateValue, "overdue": .flag(a.isOverdue(asOf: asOf)),
       "responsible": responsibleLinks(a.responsible, root: root), "hasResponsible": .flag(!a.responsible.isEmpty)]
    })
  }

  /// The notice `site.yml` gives for follow-up pages (such as "fictional data"), and the reference date.
  func followUpCommon(_ values: inout [TemplateKey: TemplateValue]) {
    values["notice"] = model.config.followUp.notice.map { $0.text(in: language) }.templateValue
    values["asOf"] = model.followUp.asOf.map { strings.format("follow_up_as_of", ["date": LanguageFormat.date($0, language)]) }.templateValue
  }
}
