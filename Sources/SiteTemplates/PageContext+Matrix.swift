import SiteCore

/// A country's recommendations clustered by theme, as UHRI's country matrix: the table national
/// follow-up teams start their action plans from. A recommendation with several themes appears
/// under each; those without a theme come last.
struct CountryMatrix {
  struct Section {
    /// The theme slug, or nil for the recommendations without a theme.
    var theme: String?
    var label: String
    /// Indexes into `Catalog.recommendations`, in list order.
    var members: [Int]
  }

  var sections: [Section]

  init(_ group: TermGroup, catalog: Catalog, labels: TermLabels, noTheme: String) {
    var byTheme: [String: [Int]] = [:]
    var unthemed: [Int] = []
    for i in group.members {
      let themes = catalog.recommendations[i].themes
      if themes.isEmpty { unthemed.append(i) }
      for theme in themes { byTheme[theme, default: []].append(i) }
    }
    sections = byTheme.keys.map { (sort: labels.sortKey(.theme, $0), key: $0) }.sorted { ($0.sort, $0.key) < ($1.sort, $1.key) }
      .map { Section(theme: $0.key, label: labels.label(.theme, $0.key), members: byTheme[$0.key]!) }
    if !unthemed.isEmpty { sections.append(Section(theme: nil, label: noTheme, members: unthemed)) }
  }
}

extension PageContextBuilder {
  func countryMatrix(_ g: Int, _ path: String) -> PageContext {
    let group = model.catalog.terms(.country)[g]
    let name = labels.label(.country, group.key)
    let heading = strings.format("matrix_heading", ["country": name])
    let crumbs: [(String, String?)] = [(strings["nav_countries"], "countries/"), (name, group.path), (strings["matrix_crumb"], nil)]
    var values = layout(path, title: heading, crumbs: crumbs, section: "countries")
    let root = base(path)
    values["heading"] = .text(heading)
    values["intro"] = .text(strings.format("matrix_intro", ["country": name]))
    values["countLabel"] = .text(count(group.members.count))
    values["csvHref"] = .text(root + group.path + "matrix.csv")
    let matrix = CountryMatrix(group, catalog: model.catalog, labels: labels, noTheme: strings["matrix_no_theme"])
    values["sections"] = .list(matrix.sections.map { section in
      [
        "anchor": .text("theme-" + (section.theme ?? "none")), "label": .text(section.label),
        "count": .text(number(section.members.count)),
        "rows": .list(section.members.map { matrixRow($0, root: root) }),
      ]
    })
    return PageContext(path: path, template: .matrix, values: values)
  }

  private func matrixRow(_ i: Int, root: String) -> TemplateValue {
    let r = model.catalog.recommendations[i]
    return [
      .href: .text(root + "recommendations/\(r.id)/"), .title: .text(model.texts[i].title),
      .lang: (r.language != language ? r.language : nil).templateValue,
      .document: .text(r.document), .paragraph: .text(r.paragraph), .body: .text(r.body), .date: .text(r.date),
      "response": .text(r.response.map { strings.label($0) } ?? ""),
      "status": .text(r.followUp?.currentStatus.map { strings.label($0) } ?? ""),
    ]
  }

  // MARK: - CSV

  /// The columns of `matrix.csv`, one row per recommendation and theme.
  static let matrixColumns = ["theme", "id", "document", "paragraph", "title", "body", "mechanism", "date", "response",
                              "status", "responsible", "url"]

  /// The matrix of the country `g` (an index of `catalog.terms(.country)`) as CSV for spreadsheets:
  /// UTF-8 with a byte-order mark (Excel reads it as UTF-8), RFC 4180 quoting and CRLF line ends,
  /// and cells that a spreadsheet would run as a formula neutralised.
  public func matrixCSV(country g: Int) -> [UInt8] {
    let group = model.catalog.terms(.country)[g]
    let matrix = CountryMatrix(group, catalog: model.catalog, labels: labels, noTheme: strings["matrix_no_theme"])
    var out: [UInt8] = []
    out.reserveCapacity(256 * group.members.count + 256)
    out.append(contentsOf: ("\u{FEFF}" + Self.matrixColumns.joined(separator: ",") + "\r\n").utf8)
    let base = model.config.baseURL ?? ""
    for section in matrix.sections {
      for i in section.members {
        let r = model.catalog.recommendations[i]
        let cells = [
          section.label, r.id.rawValue, r.document, r.paragraph, model.texts[i].title, r.body, labels.label(.mechanism, r.mechanism.rawValue),
          r.date, r.response.map { strings.label($0) } ?? "",
          r.followUp?.currentStatus.map { strings.label($0) } ?? "",
          r.followUp?.responsible.map(institutionName).joined(separator: "; ") ?? "", base + "recommendations/\(r.id)/",
        ]
        for (n, cell) in cells.enumerated() {
          if n > 0 { out.append(UInt8(ascii: ",")) }
          CSV.append(cell, into: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
      }
    }
    return out
  }

  /// The file `matrix.csv` of country `g`, relative to the site root.
  public func matrixCSVPath(country g: Int) -> String { model.catalog.terms(.country)[g].path + "matrix.csv" }
}
