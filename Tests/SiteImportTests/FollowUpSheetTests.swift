import Foundation
import Testing

@testable import SiteBuild
@testable import SiteCore
@testable import SiteImport

/// The spreadsheet round trip: export → edit → import → build, with a byte-level check that
/// nothing but the inserted update lines changed, and bad sheets rejected with nothing written.
@Suite("Follow-up sheet: export and import")
struct FollowUpSheetTests {
  /// A copy of the sample content, plus a CRLF file and a file whose follow_up is written in flow style.
  static func content() throws -> String {
    let content = ImportFixture.temporaryFolder("follow-up-sheet") + "/Content"
    try FileManager.default.copyItem(atPath: ImportFixture.repository.appendingPathComponent("Content").path, toPath: content)
    let base = "---\ndocument: E/C.12/ECU/CO/4\nparagraph: \"%@\"\ncountry: ECU\nmechanism: treaty-body\nbody: CESCR\ndate: 2019-11-14\n"
    let crlf = (String(format: base, "90") + "follow_up:\n  cluster: Water # a comment\n\n  due: 2030-01-01\n---\nEnsure water.\n")
      .replacingOccurrences(of: "\n", with: "\r\n")
    try Data(("\u{FEFF}" + crlf).utf8).write(to: URL(fileURLWithPath: content + "/recommendations/ecu/crlf.md"))
    let flow = String(format: base, "91") + "follow_up: {status: in-progress}\n---\nEnsure housing.\n"
    try flow.write(toFile: content + "/recommendations/ecu/flow.md", atomically: false, encoding: .utf8)
    return content
  }

  /// Rows of the exported sheet, read by the CSV reader.
  static func rows(_ bytes: [UInt8]) -> [[String]] {
    CSVReader.records(String(decoding: bytes.dropFirst(3), as: UTF8.self)).map(\.fields)
  }

  /// The sheet `rows` with (id → new date, status, note) filled in, written the way a spreadsheet saves CSV.
  static func edited(_ rows: [[String]], _ updates: [String: (String, String, String)]) -> String {
    func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    return rows.map { row in
      var row = row
      if let u = updates[row[0]] { row[9...11] = [u.0, u.1, u.2] }
      return row.map(quote).joined(separator: ",")
    }.joined(separator: "\r\n") + "\r\n"
  }

  /// Lines split on the byte (Swift reads "\r\n" as one character), each keeping a "\r" before its "\n".
  static func lines(_ text: String) -> [String] {
    text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
  }

  /// When `new` is `old` with one contiguous run of lines inserted, that run; else nil.
  static func inserted(_ old: String, _ new: String) -> [String]? {
    let a = lines(old), b = lines(new)
    guard b.count > a.count else { return nil }
    let head = zip(a, b).prefix { $0 == $1 }.count
    let run = b.count - a.count
    guard Array(b[(head + run)...]) == Array(a[head...]) else { return nil }
    return Array(b[head..<(head + run)])
  }

  @Test("export, edit, import and build: only the new update lines are added, inside each front matter")
  func roundTrip() throws {
    let content = try Self.content()
    let before = ImportFixture.files(in: content)
    let (sheet, count) = try FollowUpSheet.export(content: content, country: "ecu", vocabulary: ImportFixture.vocabulary).get()
    let rows = Self.rows(sheet)
    let ids = before.filter { $0.key.hasPrefix("recommendations/ecu/") && $0.key.split(separator: ".").count == 2 }.count
    #expect(rows.count - 1 == count && count == ids)
    #expect(rows[0] == FollowUpSheet.columns)
    let updates = ["e-c-12-ecu-co-4-90": ("2025-03-01", "in-progress", "Pilot in two provinces"),
                   "cedaw-c-ecu-co-10-24": ("2025-04-02", "partially-implemented", "Law \"A\" adopted;\nsecond line"),
                   "a-hrc-36-4-118-64": ("2025-01-31", "implemented", "'=1+1")]
    let ids2 = Set(rows.dropFirst().map { $0[0] })
    try #require(Set(updates.keys).isSubset(of: ids2), "\(ids2)")
    let result = try FollowUpSheet.apply(content: content, sheet: Self.edited(rows, updates), sheetPath: "status.csv",
      vocabulary: ImportFixture.vocabulary).get()
    #expect(result.updatesAdded == 3 && result.filesChanged.count == 3 && result.rowsWithoutUpdate == count - 3)
    let after = ImportFixture.files(in: content)
    #expect(Set(after.keys) == Set(before.keys))
    for (path, text) in before where !result.filesChanged.contains(path) { #expect(after[path] == text, "\(path) changed") }
    for path in result.filesChanged {
      let lines = try #require(Self.inserted(before[path]!, after[path]!), "\(path): not one inserted run")
      let frontMatterEnd = Self.lines(after[path]!).dropFirst().firstIndex { $0.hasPrefix("---") }!
      let at = Self.lines(after[path]!).firstIndex(of: lines[0])!
      #expect(at < frontMatterEnd, "\(path): inserted below the front matter")
      #expect(lines.allSatisfy { $0.hasSuffix("\r") } == path.hasSuffix("crlf.md"), "\(path): line ends")
    }
    #expect(after["recommendations/ecu/crlf.md"]!.hasPrefix("\u{FEFF}---\r\n"))
    let (output, report) = ImportBuildTests.build(content)
    #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
    let page = try String(contentsOfFile: output + "/countries/ecu/follow-up/index.html", encoding: .utf8)
    #expect(page.contains("Law &quot;A&quot; adopted;") || page.contains("Law “A” adopted;"))
    let decoded = RecommendationDecoder(vocabulary: ImportFixture.vocabulary, defaultLanguage: "en")
      .decode(SourceFile(path: "x.md", text: after["recommendations/ecu/a-hrc-36-4-118-64.md"]!))
    #expect(decoded.recommendation?.followUp?.latestUpdate == FollowUpUpdate(date: "2025-01-31", status: .implemented, note: "=1+1",
      noteHTML: HTML(escaping: "=1+1")))
  }

  @Test("every bad row is reported with its row and column, and no file is written")
  func badRows() throws {
    let content = try Self.content()
    let before = ImportFixture.files(in: content)
    let rows = Self.rows(try FollowUpSheet.export(content: content, country: "ECU", vocabulary: ImportFixture.vocabulary).get().bytes)
    var sheet = rows
    sheet.append(["no-such-id"] + Array(repeating: "", count: 8) + ["2025-01-01", "implemented", ""])
    let row = { (id: String) in rows.firstIndex { $0[0] == id }! + 1 }
    let updates = ["a-hrc-36-4-118-64": ("2025-02-30", "implemented", ""), "cedaw-c-ecu-co-10-24": ("2025-02-01", "done", ""),
                   "e-c-12-ecu-co-4-91": ("2025-02-01", "implemented", "fine"), "e-c-12-ecu-co-4-90": ("2025-02-01", "in-progress", "good row")]
    guard case .failure(let error) = FollowUpSheet.apply(content: content, sheet: Self.edited(sheet, updates), sheetPath: "status.csv",
      vocabulary: ImportFixture.vocabulary) else { Issue.record("the import succeeded"); return }
    let messages = error.diagnostics.map(\.message)
    #expect(messages.contains { $0.hasPrefix("row \(row("a-hrc-36-4-118-64")), column new_update_date:") })
    #expect(messages.contains { $0.hasPrefix("row \(row("cedaw-c-ecu-co-10-24")), column new_update_status: unknown status \"done\"") })
    #expect(messages.contains { $0.hasPrefix("row \(sheet.count), column id:") })
    // flow.md's follow_up is on its line 8 (the front matter's seventh field).
    #expect(error.diagnostics.contains { $0.location?.path.hasSuffix("flow.md") == true && $0.location?.line == 8 })
    #expect(error.diagnostics.count == 4, "\(error.diagnostics)")
    #expect(ImportFixture.files(in: content) == before)
  }
}

@Suite("Adding an update to a follow_up block")
struct FollowUpBlockEditTests {
  static let update = FollowUpUpdate(date: "2025-06-01", status: .implemented, note: "Done: \"all\"\tof it")

  func added(_ frontMatter: String) -> String? {
    var problem: String?
    var edit = FollowUpBlockEdit(SourceFile(path: "x.md", text: "---\n" + frontMatter + "---\nText.\n"), problem: &problem)
    guard edit?.add(Self.update) == nil else { return nil }
    return edit?.text
  }

  @Test("after the last item of an updates list, at the items' own indentation, before the next field and comments")
  func afterLastItem() {
    let items = "follow_up:\n  updates:\n  - date: 2020-01-01\n    status: in-progress\n    note: >-\n      folded\n  # a comment\n  actions: []\ntitle: T\n"
    let expected = "follow_up:\n  updates:\n  - date: 2020-01-01\n    status: in-progress\n    note: >-\n      folded\n"
      + "  - date: 2025-06-01\n    status: implemented\n    note: \"Done: \\\"all\\\"\\tof it\"\n  # a comment\n  actions: []\ntitle: T\n"
    #expect(added(items) == "---\n" + expected + "---\nText.\n")
  }

  @Test("the result decodes to the old updates plus the new one, note and all")
  func decodes() throws {
    let text = try #require(added("document: A/1\nparagraph: \"1\"\ncountry: ECU\nmechanism: upr\nbody: UPR\ndate: 2020-01-01\nfollow_up:\n    updates:\n        - date: 2021-01-01\n          status: in-progress\n"))
    let decoded = RecommendationDecoder(vocabulary: ImportFixture.vocabulary, defaultLanguage: "en").decode(SourceFile(path: "x.md", text: text))
    #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics)")
    #expect(decoded.recommendation?.followUp?.updates.map(\.date) == ["2021-01-01", "2025-06-01"])
    #expect(decoded.recommendation?.followUp?.latestUpdate?.note == Self.update.note)
  }

  @Test("a flow-style updates list is refused at its line")
  func flowList() {
    var problem: String?
    var edit = FollowUpBlockEdit(SourceFile(path: "x.md", text: "---\na: 1\nfollow_up:\n  updates: []\n---\n"), problem: &problem)
    #expect(edit?.add(Self.update)?.line == 4)
  }
}
