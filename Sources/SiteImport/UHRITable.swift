import Foundation

/// The columns of UHRI's "Export to Excel" (also read from a CSV saved from it), and how each
/// cell becomes a field of the JSON export's record, so that one importer reads all three:
/// multi-valued cells hold newline-separated `- ` items; dates are Excel serials (days since
/// 1899-12-30) or ISO dates. Headers are matched ignoring case and spacing; both the export's
/// spelling `Reccomending` and `Recommending` are accepted.
struct UHRITable {
  enum Shape { case text, list, date }

  struct Column {
    var headers: [String]
    var key: String
    var shape: Shape
  }

  static let columns: [Column] = [
    Column(headers: ["Text"], key: "Text", shape: .text),
    Column(headers: ["Countries Concerned"], key: "Countries", shape: .list),
    Column(headers: ["Reccomending Body", "Recommending Body"], key: "Body", shape: .text),
    Column(headers: ["Document Symbol"], key: "Symbol", shape: .text),
    Column(headers: ["Themes"], key: "Themes", shape: .list),
    Column(headers: ["Affected Persons"], key: "AffectedPersons", shape: .list),
    Column(headers: ["Sdgs"], key: "Sdgs", shape: .list),
    Column(headers: ["Document Publication Date"], key: "PublicationDate", shape: .date),
    Column(headers: ["UPR Reccomending States", "UPR Recommending States"], key: "UprRecommendingCountry", shape: .list),
    Column(headers: ["UPR Position"], key: "UprPositions", shape: .list),
    Column(headers: ["Type"], key: "AnnotationType", shape: .text),
    Column(headers: ["OHCHR Annotation Id"], key: "AnnotationId", shape: .text),
    Column(headers: ["UPR Session"], key: "UprSession", shape: .list),
    Column(headers: ["Regions Concerned"], key: "Regions", shape: .list),
    Column(headers: ["Recommending Regions"], key: "UprRecommendingRegions", shape: .list),
    Column(headers: ["Date of publication on UHRI"], key: "PublicationDateOnUhri", shape: .date),
  ]

  /// The columns without which no row could be imported.
  static let required = ["Text", "Body", "Symbol", "PublicationDate", "AnnotationId"]

  /// Column index → the column it holds.
  let positions: [(index: Int, column: Column)]

  /// Reads the header row; throws naming the file, the row and the missing columns.
  init(header: [String], at place: String) throws {
    var found: [(Int, Column)] = []
    for (index, cell) in header.enumerated() {
      let key = LabelKey.make(cell)
      if let column = Self.columns.first(where: { $0.headers.contains { LabelKey.make($0) == key } }),
        !found.contains(where: { $0.1.key == column.key })
      {
        found.append((index, column))
      }
    }
    let missing = Self.required.filter { key in !found.contains { $0.1.key == key } }
    guard missing.isEmpty else {
      let names = missing.map { key in Self.columns.first { $0.key == key }!.headers[0] }
      throw ImportFailure("\(place): the header row has no column \(names.map { "\"\($0)\"" }.joined(separator: ", ")); "
        + "a UHRI export's header row has: " + Self.columns.map(\.headers[0]).joined(separator: ", "))
    }
    positions = found
  }

  /// Whether a row looks like UHRI's header row (it names the annotation id or the document symbol).
  static func isHeader(_ cells: [String]) -> Bool {
    let keys = Set(cells.map(LabelKey.make))
    return keys.contains("ohchr annotation id") || keys.contains("document symbol")
  }

  /// One row as the JSON export's record; an empty cell leaves its field out.
  func record(_ cells: [String]) -> [String: JSONValue] {
    var fields: [String: JSONValue] = [:]
    for (index, column) in positions where index < cells.count {
      let cell = cells[index]
      guard MarkdownText.hasText(cell) else { continue }
      switch column.shape {
      case .text: fields[column.key] = .string(cell)
      case .date: fields[column.key] = .string(Self.date(cell))
      case .list:
        let items = cell.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(String.init)
        fields[column.key] = .array(items.filter(MarkdownText.hasText).map(JSONValue.string))
      }
    }
    return fields
  }

  /// An Excel date serial (`45700`, `45700.5`) as `YYYY-MM-DD`; any other text as it is.
  static func date(_ cell: String) -> String {
    let text = cell.trimmingCharacters(in: .whitespaces)
    guard let serial = Double(text), serial >= 1, serial < 2_958_466 else { return text }
    return civilDate(daysSinceEpoch: Int(serial.rounded(.down)) - 25_569)
  }

  /// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
  static func civilDate(daysSinceEpoch days: Int) -> String {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
