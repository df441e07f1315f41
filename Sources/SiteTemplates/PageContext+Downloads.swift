import SiteCore

extension PageContextBuilder {
  /// The taxonomies whose term pages link their own list as CSV and XLSX (`<group>/recommendations.csv`).
  public static let groupDownloadTaxonomies: [Taxonomy] = [.country, .theme, .affectedPerson, .body, .mechanism, .sdgGoal]
  /// Those whose term pages also get their list as an Excel workbook: a country's is the table its
  /// follow-up starts from. (Others are left out for the build's time: zipping a workbook costs
  /// about 1.5 µs a cell, and the groups together hold each recommendation about seven times.)
  public static let groupWorkbookTaxonomies: [Taxonomy] = [.country]

  /// `downloads/`: every whole-dataset file the build wrote, with its format and size.
  func downloadsPage(_ path: String) -> PageContext {
    var values = layout(path, title: strings["downloads_heading"], crumbs: [(strings["downloads_heading"], nil)], section: nil)
    let files = root(for: path)
    values["heading"] = .text(strings["downloads_heading"])
    values["intro"] = .text(strings.format("downloads_intro", ["count": number(model.catalog.recommendations.count)]))
    values["files"] = .list(model.downloads.map { file in
      [
        .href: .text(files + file.path), "name": .text(String(file.path.split(separator: "/").last ?? "")),
        .label: .text(strings[Self.formatNameKey(file.format)]), "size": .text(size(file.bytes)),
      ]
    })
    values["hasGroupFiles"] = .flag(model.config.exports.has(.groupFiles))
    return PageContext(path: path, template: .downloads, values: values)
  }

  /// The key of a download format's description in the strings files.
  static func formatNameKey(_ format: String) -> String {
    switch format {
    case "csv": return "downloads_format_csv"
    case "xlsx": return "downloads_format_xlsx"
    case "jsonl": return "downloads_format_jsonl"
    default: return "downloads_format_sqlite"
    }
  }

  /// The links a term page shows to its own list as CSV and XLSX, or false.
  func groupDownloads(_ taxonomy: Taxonomy, _ group: TermGroup, page: Int, path: String) -> TemplateValue {
    guard page == 1, model.config.exports.has(.groupFiles), Self.groupDownloadTaxonomies.contains(taxonomy) else { return false }
    let files = root(for: path) + group.path + "recommendations."
    return ["csvHref": .text(files + "csv"),
            "xlsxHref": Self.groupWorkbookTaxonomies.contains(taxonomy) ? .text(files + "xlsx") : false]
  }

  /// The name of term `key` of `taxonomy` in this builder's language, as pages show it.
  public func termName(_ taxonomy: Taxonomy, _ key: String) -> String { labels.label(taxonomy, key) }

  /// A file size as "340 kB" or "12.5 MB", in the page language's digits.
  func size(_ bytes: Int) -> String {
    if bytes < 1_000_000 { return strings.format("size_kb", ["size": number(max(1, (bytes + 500) / 1_000))]) }
    let tenths = (bytes + 50_000) / 100_000
    return strings.format("size_mb", ["size": LanguageFormat.tenths(tenths, language)])
  }
}
