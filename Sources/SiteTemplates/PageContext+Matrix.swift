import SiteCore
import SiteSearch

extension PageContextBuilder {
  func countryMatrix(_ g: Int, _ grouping: MatrixGrouping, _ path: String) -> PageContext {
    let group = model.catalog.terms(.country)[g]
    let name = labels.label(.country, group.key)
    let groupingName = strings[Self.groupingNameKey(grouping)]
    let heading = grouping == .theme ? strings.format("matrix_heading", ["country": name])
      : strings.format("matrix_heading_by", ["country": name, "grouping": groupingName])
    var crumbs: [(String, String?)] = [(strings["nav_countries"], "countries/"), (name, group.path)]
    crumbs += grouping == .theme ? [(strings["matrix_crumb"], nil)] : [(strings["matrix_crumb"], group.path + "matrix/"), (groupingName, nil)]
    var values = layout(path, title: heading, crumbs: crumbs, section: "countries")
    let root = base(path)
    values["heading"] = .text(heading)
    values["intro"] = .text(strings.format("matrix_intro", ["country": name]))
    values["countLabel"] = .text(count(group.members.count))
    values["csvHref"] = model.config.exports.has(.groupFiles) ? .text(root + group.path + "matrix.csv") : false
    values["groupingName"] = .text(groupingName)
    values["groupings"] = .list(MatrixGrouping.allCases.map { other in
      [.href: .text(root + Route.countryMatrix(group: g, grouping: other).path(in: model)),
       .label: .text(strings[Self.groupingNameKey(other)]),
       .current: .flag(other == grouping)]
    })
    let filters = matrixFilters(group, root: root)
    values["filters"] = .list(filters)
    values["filterStylesheet"] = .text(self.root(for: path) + MatrixFilter.stylesheetPath)
    values["hasFilters"] = .flag(!filters.isEmpty)
    let matrix = CountryMatrix(group, by: grouping, catalog: model.catalog, labels: labels,
      none: strings[grouping == .theme ? "matrix_no_theme" : "matrix_none"])
    // A large matrix opens with its sections closed: the list of themes, each a click from its table.
    let open = group.members.count <= Self.matrixOpenLimit
    let prefix = grouping == .theme ? "theme" : grouping.rawValue
    values["sections"] = .list(matrix.sections.map { section in
      [
        "anchor": .text(prefix + "-" + (section.key.map(Slug.make) ?? "none")), "label": .text(section.label),
        "count": .text(number(section.members.count)), "open": .flag(open),
        "rows": .list(section.members.map { matrixRow($0, root: root) }),
      ]
    })
    return PageContext(path: path, template: .matrix, values: values)
  }

  /// The filters of the page by cycle, body and response (`MatrixFilter`): one per value the
  /// country's recommendations have, each a link to its note (the `:target` that hides the other
  /// rows), the note's text with its count, and the same recommendations in the search (which can
  /// download them). The values are those of the quick filters (`filterCounts`), in order: cycles
  /// by number, bodies by code, responses as listed; a cycle is named by its number as written.
  private func matrixFilters(_ group: TermGroup, root: String) -> [TemplateValue] {
    let query = root + "search/?" + searchQuery(.country, group.key) + "&"
    return MatrixFilter.fields.compactMap { field -> TemplateValue? in
      let counts = filterCounts(field, group.members)
      var present = counts.indices.filter { counts[$0] > 0 }.map { ($0, filterValue(field, $0)) }
      guard !present.isEmpty else { return nil }
      if field == .cycle { present.sort { Int($0.1) ?? 0 < Int($1.1) ?? 0 } }
      let name = strings.name(of: field)
      return [.label: .text(name), .values: .list(present.map { p, value in
        let text = field == .cycle ? value : filterLabel(field, p)
        return [
          .text: .text(text), "target": .text(MatrixFilter.target(field, value)),
          "note": .text(strings.format("matrix_filter_note", ["field": name, "value": text, "count": count(counts[p])])),
          "searchHref": .text(query + field.rawValue + "=" + value),
        ]
      })]
    }
  }

  /// A row: the reference linking the recommendation's page, its full text as that page shows it
  /// (the HTML rendered once when the text was read, in the edition's language when translated),
  /// and its fields, with the values the filters match (`MatrixFilter.value`).
  private func matrixRow(_ i: Int, root: String) -> TemplateValue {
    let r = model.catalog.recommendations[i]
    let (text, textLanguage, _) = model.text(i, in: language)
    return [
      .href: .text(root + "recommendations/\(r.id)/"), "textHtml": .html(text.html),
      .lang: (textLanguage != language ? textLanguage : nil).templateValue, .dir: .text(LanguageFormat.direction(textLanguage)),
      .document: .text(r.document), .paragraph: .text(r.paragraph), .body: .text(r.body), .date: .text(r.date),
      .dateText: .text(LanguageFormat.date(r.date, language)),
      "response": .text(r.response.map { strings.label($0) } ?? ""),
      "status": .text(r.followUp?.currentStatus.map { strings.label($0) } ?? ""),
      "cycleValue": MatrixFilter.value(.cycle, of: i, in: model.catalog).templateValue,
      "bodyValue": MatrixFilter.value(.body, of: i, in: model.catalog).templateValue,
      "responseValue": MatrixFilter.value(.response, of: i, in: model.catalog).templateValue,
    ]
  }

  /// The key of a grouping's name in the strings files.
  static func groupingNameKey(_ grouping: MatrixGrouping) -> String {
    switch grouping {
    case .theme: return "matrix_grouping_themes"
    case .sdgGoal: return "matrix_grouping_sdgs"
    case .affectedPerson: return "matrix_grouping_affected_persons"
    case .body: return "matrix_grouping_bodies"
    case .mechanism: return "matrix_grouping_mechanisms"
    case .recommendingState: return "matrix_grouping_recommending_states"
    case .cluster: return "matrix_grouping_follow_up_clusters"
    }
  }

  /// Up to this many recommendations, the matrix page opens with every section open.
  static let matrixOpenLimit = 300

  // MARK: - CSV

  /// The columns of `matrix.csv`: one row per recommendation, every field, its groups joined.
  static let matrixColumns = [
    "id", "document", "paragraph", "title", "text", "themes", "affected_persons", "sdg_goals", "sdg_targets", "body",
    "mechanism", "date", "cycle", "recommending_states", "response", "status", "responsible", "cluster", "due", "url",
  ]

  /// The matrix of the country `g` (an index of `catalog.terms(.country)`) as CSV for spreadsheets:
  /// one row per recommendation with its full text (plain, in the page's language when translated)
  /// and every field, its groups joined with "; " by their names in the page's language; rows
  /// clustered by first theme as the page's sections are. UTF-8 with a byte-order mark (Excel
  /// reads it as UTF-8), RFC 4180 quoting and CRLF line ends, and cells that a spreadsheet would
  /// run as a formula neutralised.
  public func matrixCSV(country g: Int) -> [UInt8] {
    let group = model.catalog.terms(.country)[g]
    let matrix = CountryMatrix(group, catalog: model.catalog, labels: labels, none: strings["matrix_no_theme"])
    var out: [UInt8] = []
    out.reserveCapacity(1_200 * group.members.count + 256)
    out.append(contentsOf: ("\u{FEFF}" + Self.matrixColumns.joined(separator: ",") + "\r\n").utf8)
    var written = Set<Int>()
    for section in matrix.sections {
      for i in section.members where written.insert(i).inserted {
        CSV.appendRow(matrixCells(i), into: &out)
      }
    }
    return out
  }

  private func matrixCells(_ i: Int) -> [String] {
    let r = model.catalog.recommendations[i]
    let shown = model.text(i, in: language).text
    let names = { (t: Taxonomy, keys: [String]) in keys.map { labels.label(t, $0) }.joined(separator: "; ") }
    return [
      r.id.rawValue, r.document, r.paragraph, shown.title, shown.plainText, names(.theme, r.themes),
      names(.affectedPerson, r.affectedPersons), names(.sdgGoal, r.sdgGoals), r.sdgTargets.joined(separator: "; "), r.body,
      labels.label(.mechanism, r.mechanism.rawValue), r.date, r.cycle.map(String.init) ?? "",
      names(.country, r.recommendingStates.map(\.rawValue)), r.response.map { strings.label($0) } ?? "",
      r.followUp?.currentStatus.map { strings.label($0) } ?? "", r.followUp?.responsible.map(institutionName).joined(separator: "; ") ?? "",
      r.followUp?.cluster ?? "", r.followUp?.due ?? "", (model.config.baseURL ?? "") + prefix + "recommendations/\(r.id)/",
    ]
  }

  /// The file `matrix.csv` of country `g`, relative to the site root.
  public func matrixCSVPath(country g: Int) -> String { model.catalog.terms(.country)[g].path + "matrix.csv" }
}
