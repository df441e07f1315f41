import SiteCore
import SiteSearch
import SiteTemplates

/// The downloads that are text: CSV for spreadsheets and JSON Lines for programs, written row
/// by row into a scratch file.
enum TableFiles {
  /// UTF-8 with a byte-order mark (Excel reads it as UTF-8), RFC 4180 quoting, CRLF line ends,
  /// and cells a spreadsheet would run as a formula neutralised (`CSV.appendRow`).
  static func csv(_ rows: [Int], _ csvRows: [[UInt8]], into file: ScratchFile) throws(DiagnosticError) {
    try file.append("\u{FEFF}" + DatasetRow.columns.joined(separator: ",") + "\r\n")
    for i in rows { try file.append(csvRows[i]) }
  }

  /// Recommendation `i` as one CSV line, ending in CRLF.
  static func csvRow(_ i: Int, _ model: SiteModel) -> [UInt8] {
    var out: [UInt8] = []
    CSV.appendRow(DatasetRow(i, model).cells, into: &out)
    return out
  }

  /// One JSON object a line: the same fields as the CSV, with lists as arrays and the cycle as a number.
  static func jsonLines(_ rows: [Int], _ model: SiteModel, into file: ScratchFile) throws(DiagnosticError) {
    for i in rows {
      let r = model.catalog.recommendations[i]
      let row = DatasetRow(i, model)
      try file.append { out in
        out.append(UInt8(ascii: "{"))
        for (n, column) in DatasetRow.columns.enumerated() {
          if n > 0 { out.append(UInt8(ascii: ",")) }
          JSON.string(column, into: &out)
          out.append(UInt8(ascii: ":"))
          if let list = list(column, r) {
            out.append(UInt8(ascii: "["))
            for (k, item) in list.enumerated() {
              if k > 0 { out.append(UInt8(ascii: ",")) }
              JSON.string(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
          } else if column == "cycle" || row.cells[n].isEmpty && optional.contains(column) {
            out.append(contentsOf: (row.cells[n].isEmpty ? "null" : row.cells[n]).utf8)
          } else {
            JSON.string(row.cells[n], into: &out)
          }
        }
        out.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
      }
    }
  }

  /// Fields that may be absent: `null` in JSON rather than "".
  private static let optional: Set<String> = ["response", "follow_up_status", "follow_up_cluster", "follow_up_due"]

  /// The list fields, as arrays.
  private static func list(_ column: String, _ r: Recommendation) -> [String]? {
    switch column {
    case "recommending_states": return r.recommendingStates.map(\.rawValue)
    case "themes": return r.themes
    case "affected_persons": return r.affectedPersons
    case "sdg_goals": return r.sdgGoals
    case "sdg_targets": return r.sdgTargets
    case "follow_up_responsible": return r.followUp?.responsible ?? []
    default: return nil
    }
  }
}
