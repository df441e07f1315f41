import Foundation
import SiteCore
import SiteFiles

extension FollowUpSheet {
  /// What an import did: the files changed and the updates added, the rows without an update.
  public struct ImportResult: Sendable {
    public var updatesAdded = 0
    public var filesChanged: [String] = []
    public var rowsWithoutUpdate = 0
  }

  /// A row's new update, checked: the file it goes to and the update.
  struct Planned {
    var entry: Int
    var update: FollowUpUpdate
  }

  /// Adds the new updates of the sheet `input` (CSV text, as `export` writes it, edited) to the
  /// files of `content`. Every bad row is reported with its row number as a spreadsheet shows it
  /// (the header is row 1; the location's line is that row) and column; with any problem, no file is written.
  public static func apply(content path: String, sheet: String, sheetPath: String, vocabulary: Vocabulary) -> Result<ImportResult, DiagnosticError> {
    let content = ContentLoader(root: path)
    let (entries, readProblems) = self.entries(content, vocabulary)
    guard readProblems.errorCount == 0 else { return .failure(DiagnosticError(readProblems)) }
    let byID = Dictionary(entries.enumerated().map { ($1.recommendation.id.rawValue, $0) }) { a, _ in a }
    var problems: [Diagnostic] = []
    var result = ImportResult()
    let planned = plan(sheet, sheetPath, byID, &problems, &result)
    var edits: [Int: FollowUpBlockEdit] = [:]
    var failed: Set<Int> = []
    for p in planned where !failed.contains(p.entry) {
      var problem: String?
      if edits[p.entry] == nil { edits[p.entry] = FollowUpBlockEdit(entries[p.entry].file, problem: &problem) }
      var line = 1
      if problem == nil, let found = edits[p.entry]?.add(p.update) { (line, problem) = (found.line, found.message) }
      if let problem {
        failed.insert(p.entry)
        problems.append(.error(at: SourceLocation(path: entries[p.entry].file.path, line: line), field: "follow_up", problem))
      }
    }
    problems += verify(edits.filter { !failed.contains($0.key) }, entries, planned, vocabulary)
    guard problems.isEmpty else { return .failure(DiagnosticError(problems)) }
    let files = edits.keys.sorted().map { (path + "/" + entries[$0].relative, Array(edits[$0]!.text.utf8)) }
    do throws(FileError) { try AtomicFile.writeAll(files) } catch {
      return .failure(DiagnosticError([.error(at: nil, "\(error)", notes: ["no file is half-written: each holds its old text or its new one"])]))
    }
    result.updatesAdded = planned.count
    result.filesChanged = edits.keys.sorted().map { entries[$0].relative }
    return .success(result)
  }

  /// The rows' updates, each cell checked; a problem for every bad one.
  static func plan(_ sheet: String, _ sheetPath: String, _ byID: [String: Int], _ problems: inout [Diagnostic], _ result: inout ImportResult) -> [Planned] {
    var records = CSVReader.records(sheet.hasPrefix("\u{FEFF}") ? String(sheet.dropFirst()) : sheet)
    guard !records.isEmpty else {
      problems.append(.error(at: SourceLocation(path: sheetPath), "the sheet is empty", notes: ["expected the header row: " + columns.joined(separator: ",")]))
      return []
    }
    let header = records.removeFirst().fields
    let wanted = ["id", "new_update_date", "new_update_status", "new_update_note"]
    let position = Dictionary(header.enumerated().map { ($1, $0) }) { a, _ in a }
    let missing = wanted.filter { position[$0] == nil }
    guard missing.isEmpty else {
      problems.append(.error(at: SourceLocation(path: sheetPath, line: 1), "the header row lacks " + missing.joined(separator: ", "),
        notes: ["expected the columns hrindex follow-up export writes: " + columns.joined(separator: ",")]))
      return []
    }
    var planned: [Planned] = []
    for (n, record) in records.enumerated() {
      let row = n + 2
      func cell(_ name: String) -> String {
        let i = position[name]!
        return i < record.fields.count ? record.fields[i].trimmingCharacters(in: .whitespaces) : ""
      }
      func bad(_ column: String, _ message: String, _ accepted: String) {
        problems.append(.error(at: SourceLocation(path: sheetPath, line: row), field: column, "row \(row), column \(column): " + message, notes: [accepted]))
      }
      let (date, status, note) = (cell("new_update_date"), cell("new_update_status"), Self.unneutralised(cell("new_update_note")))
      if date.isEmpty && status.isEmpty && note.isEmpty {
        result.rowsWithoutUpdate += 1
        continue
      }
      let entry = byID[cell("id")]
      if entry == nil { bad("id", "no recommendation has the id \"\(cell("id"))\"", "keep the id the export wrote") }
      let day = CalendarDate(date)
      if day == nil { bad("new_update_date", date.isEmpty ? "is empty" : "\"\(date)\" is not a date", "expected YYYY-MM-DD, such as 2024-05-31") }
      let value = FollowUpStatus(rawValue: status)
      if value == nil {
        bad("new_update_status", status.isEmpty ? "is empty" : "unknown status \"\(status)\"",
            "expected one of: " + FollowUpStatus.allCases.map(\.rawValue).joined(separator: ", "))
      }
      if let entry, let day, let value {
        planned.append(Planned(entry: entry, update: FollowUpUpdate(date: day.text, status: value, note: note.isEmpty ? nil : note)))
      }
    }
    return planned
  }

  /// The export prefixes `'` to a cell a spreadsheet would run as a formula; a note typed that way comes back without it.
  static func unneutralised(_ text: String) -> String {
    guard text.hasPrefix("'"), let next = text.dropFirst().first, "=+-@".contains(next) else { return text }
    return String(text.dropFirst())
  }

  /// Each edited file must decode without an error and hold its old updates plus the new ones.
  static func verify(_ edits: [Int: FollowUpBlockEdit], _ entries: [Entry], _ planned: [Planned], _ vocabulary: Vocabulary) -> [Diagnostic] {
    let decoder = RecommendationDecoder(vocabulary: vocabulary, defaultLanguage: "en")
    var problems: [Diagnostic] = []
    var plannedCount: [Int: Int] = [:]
    for p in planned { plannedCount[p.entry, default: 0] += 1 }
    for (k, edit) in edits.sorted(by: { $0.key < $1.key }) {
      let before = entries[k].recommendation.followUp?.updates.count ?? 0
      let added = plannedCount[k, default: 0]
      let decoded = decoder.decode(SourceFile(path: entries[k].file.path, text: edit.text))
      let after = decoded.recommendation?.followUp?.updates.count
      if after != before + added {
        problems.append(.error(at: SourceLocation(path: entries[k].file.path), field: "follow_up",
          "the updates could not be added to this file's front matter", notes: decoded.diagnostics.map(\.description)))
      }
    }
    return problems
  }
}
