import Foundation
import SiteCore
import SiteFiles

/// The spreadsheet round trip of national follow-up: `export` writes one row per recommendation of
/// a country (with blank "new update" columns for the national team to fill in); `apply` adds the
/// filled-in updates to the right files' `follow_up.updates` — every row checked first, and no
/// file changed unless every row is good.
public enum FollowUpSheet {
  /// The columns of the sheet; `import` reads `id` and the three `new_update_` columns, and ignores the others.
  public static let columns = ["id", "file", "document", "paragraph", "text", "current_status", "responsible", "due",
                               "latest_update", "new_update_date", "new_update_status", "new_update_note"]

  /// A recommendation file of the content folder, decoded.
  struct Entry {
    var relative: String
    var file: SourceFile
    var recommendation: Recommendation
    var text: String
  }

  /// Every recommendation file of `content` that decodes (those that do not are reported).
  static func entries(_ content: ContentLoader, _ vocabulary: Vocabulary) -> ([Entry], [Diagnostic]) {
    let decoder = RecommendationDecoder(vocabulary: vocabulary, defaultLanguage: "en")
    let (files, listProblems) = content.list("recommendations", suffix: ".md")
    var problems = listProblems
    var entries: [Entry] = []
    let all = Set(files)
    for relative in files where TranslationPath.original(of: relative, among: all) == nil {
      switch content.read(relative) {
      case .failure(let problem): problems.append(problem)
      case .success(let file):
        let decoded = decoder.decode(file)
        problems += decoded.diagnostics.filter { $0.severity == .error }
        if let r = decoded.recommendation { entries.append(Entry(relative: relative, file: file, recommendation: r, text: decoded.text)) }
      }
    }
    return (entries, problems)
  }

  /// The sheet of `country` (an ISO code), in list order, as CSV (UTF-8 with a byte-order mark,
  /// CRLF, formulas neutralised); or every problem reading the content.
  public static func export(content path: String, country: String, vocabulary: Vocabulary) -> Result<(bytes: [UInt8], rows: Int), DiagnosticError> {
    let code = CountryCode(country.uppercased())
    guard vocabulary.countryByCode[code] != nil else {
      return .failure(DiagnosticError([.error(at: nil, field: "country", "unknown country \"\(country)\"",
        notes: ["expected an ISO 3166-1 alpha-3 code from vocabularies/countries.yml, such as ECU"])]))
    }
    let (entries, problems) = self.entries(ContentLoader(root: path), vocabulary)
    guard problems.errorCount == 0 else { return .failure(DiagnosticError(problems)) }
    let rows = entries.filter { $0.recommendation.country == code }
      .sorted { Recommendation.listOrder($0.recommendation, $1.recommendation) }
    var out = Array(("\u{FEFF}" + columns.joined(separator: ",") + "\r\n").utf8)
    for entry in rows {
      let r = entry.recommendation
      let f = r.followUp
      let latest = f?.latestUpdate.map { u in "\(u.date) \(u.status.rawValue)" + (u.note.map { ": " + $0 } ?? "") } ?? ""
      let cells = [r.id.rawValue, entry.relative, r.document, r.paragraph, entry.text.trimmingCharacters(in: .whitespacesAndNewlines),
                   f?.currentStatus?.rawValue ?? "", f?.responsible.joined(separator: "; ") ?? "", f?.due ?? "", latest, "", "", ""]
      CSV.appendRow(cells, into: &out)
    }
    return .success((out, rows.count))
  }
}
