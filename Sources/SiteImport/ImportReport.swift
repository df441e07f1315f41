import SiteCore

/// What one import did: counts for the summary line, every problem with its rows, and the
/// files it kept because someone edited them.
public struct ImportReport: Sendable {
  public var source: String
  public var input: String
  /// Source rows (CSV lines or JSON records) read.
  public var rowsRead = 0
  /// Rows that made at least one recommendation.
  public var rowsImported = 0
  /// Rows left out on purpose, by reason ("voluntary pledge"): not problems.
  public var rowsIgnored: [String: Int] = [:]
  public var written = 0
  public var updated = 0
  public var unchanged = 0
  /// Files on disk that differ from what the importer last wrote; kept unless `--overwrite`.
  public var keptEdited: [String] = []
  /// Files an earlier import wrote that this input no longer makes (deleted only with `--prune`).
  public var stale: [String] = []
  public var pruned = 0
  public var createdSiteSettings = false
  public var problems: [ImportProblem] = []

  public init(source: String, input: String) {
    self.source = source
    self.input = input
  }

  public var recommendations: Int { written + updated + unchanged + keptEdited.count }
  public var rowsSkipped: Int { Set(problems.filter { $0.effect == .rowSkipped }.map(\.place)).count }

  /// Distinct values that could not be mapped, counted in rows, by field: `issue: 2 values, 14 rows`.
  public func problemCounts(_ effect: ImportProblem.Effect) -> [(field: ImportProblem.Field, values: Int, rows: Int)] {
    let chosen = problems.filter { $0.effect == effect }
    return Dictionary(grouping: chosen, by: \.field).keys.sorted().map { field in
      let items = chosen.filter { $0.field == field }
      return (field, Set(items.map(\.value)).count, Set(items.map(\.place)).count)
    }
  }

  /// The summary printed after an import.
  public var summary: String {
    var lines = ["Read \(rowsRead) rows from \(input): \(recommendations) recommendations — \(written) written, "
      + "\(updated) updated, \(unchanged) unchanged, \(keptEdited.count) kept because edited by hand"]
    lines.append("  \(rowsImported) rows imported, \(rowsSkipped) not imported")
    for (reason, count) in rowsIgnored.sorted(by: { $0.key < $1.key }) { lines.append("  ignored \(count) rows: \(reason)") }
    for effect in ImportProblem.Effect.allCases {
      for (field, values, rows) in problemCounts(effect) {
        let counted = "\(values) value\(values == 1 ? "" : "s") in \(rows) row\(rows == 1 ? "" : "s")"
        lines.append("  \(Self.heading(effect, field)): \(counted) (\(effect.rawValue))")
      }
    }
    if !stale.isEmpty { lines.append("  \(stale.count) files of an earlier import are no longer in the input" + (pruned > 0 ? " (\(pruned) deleted)" : " (kept; --prune deletes them)")) }
    if createdSiteSettings { lines.append("  created site.yml") }
    return lines.joined(separator: "\n")
  }

  /// `unmapped theme`, `duplicate id`, `note country`, `country mapped`.
  static func heading(_ effect: ImportProblem.Effect, _ field: ImportProblem.Field) -> String {
    if effect.isAlteration { return "\(field.rawValue) mapped" }
    if effect == .note { return "note \(field.rawValue)" }
    return field == .duplicateID ? field.rawValue : "unmapped \(field.rawValue)"
  }

  /// Every skipped or altered row as CSV (RFC 4180, UTF-8): `place, field, value, effect`, one
  /// line per problem in input order; cells a spreadsheet would run as a formula are neutralised.
  public var csv: String {
    var bytes: [UInt8] = Array("place,field,value,effect\r\n".utf8)
    for problem in problems {
      CSV.appendRow([problem.place, problem.field.rawValue, problem.value, problem.effect.rawValue], into: &bytes)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The report file: the summary, then every unmapped value with the rows that hold it.
  public var text: String {
    var lines = ["HRIndex import report: \(source)", "", summary]
    for effect in ImportProblem.Effect.allCases {
      let chosen = problems.filter { $0.effect == effect }
      guard !chosen.isEmpty else { continue }
      let title = effect == .note ? "Notes" : effect.isAlteration ? "Imported with a value the importer chose: " + effect.rawValue : "Unmapped values: " + effect.rawValue
      lines += ["", "## " + title]
      let groups = Dictionary(grouping: chosen) { "\($0.field.rawValue)\u{0}\($0.value)" }
      for key in groups.keys.sorted(by: { Self.groupOrder(groups[$0]!, groups[$1]!) }) {
        let items = groups[key]!
        lines.append("[\(items[0].field.rawValue)] \"\(items[0].value)\" — \(items.count) row\(items.count == 1 ? "" : "s"):")
        for start in stride(from: 0, to: items.count, by: 10) {
          lines.append("  " + items[start..<min(items.count, start + 10)].map(\.place).joined(separator: ", "))
        }
      }
    }
    if !keptEdited.isEmpty {
      lines += ["", "## Kept hand-edited files (not overwritten; --overwrite replaces them)"]
      lines += keptEdited.map { "kept hand-edited file \($0)" }
    }
    if !stale.isEmpty {
      lines += ["", "## Files of an earlier import that this input no longer makes"]
      lines += stale
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func groupOrder(_ a: [ImportProblem], _ b: [ImportProblem]) -> Bool {
    a[0].field != b[0].field ? a[0].field < b[0].field : a[0].value < b[0].value
  }
}
