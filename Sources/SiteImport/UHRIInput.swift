import Foundation

/// A UHRI export in one of the formats OHCHR gives: the full JSON export (an array of
/// annotations, streamed), the Excel workbook of "Export to Excel" (`.xlsx`), or a CSV saved from
/// that workbook. The format is told from the file's first bytes, not its name; a file in none of
/// them is refused with what it looks like.
enum UHRIInput {
  case json(String)
  case xlsx(String)
  case csv(String)

  var formatName: String {
    switch self {
    case .json: return "JSON export"
    case .xlsx: return "Excel export"
    case .csv: return "CSV saved from the Excel export"
    }
  }

  static func open(_ path: String) throws -> UHRIInput {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportFailure("\(path): cannot open the file") }
    defer { try? handle.close() }
    let head = Array((try? handle.read(upToCount: 4096)) ?? Data())
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx(path) }
    var body = head[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    if first == UInt8(ascii: "[") { return .json(path) }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      throw ImportFailure("\(path): an Excel 97–2003 workbook (.xls), which the importer cannot read; save it as .xlsx or CSV")
    }
    let text = TextDecoding.decode(Array(body)).text
    if let line = text.split(whereSeparator: \.isNewline).first, UHRITable.isHeader(CSVReader.records(String(line)).first?.fields ?? []) {
      return .csv(path)
    }
    throw ImportFailure("\(path): \(describe(head, first: first)), not a UHRI export the importer can read: "
      + "expected the JSON export (an array, \"[\"), an Excel workbook (.xlsx) or a CSV file whose header row has \"OHCHR Annotation Id\"")
  }

  /// What an unreadable file looks like, for the error.
  private static func describe(_ head: [UInt8], first: UInt8?) -> String {
    if head.starts(with: Array("%PDF".utf8)) { return "a PDF document" }
    if head.isEmpty { return "an empty file" }
    if first == UInt8(ascii: "{") { return "a JSON object" }
    if first == UInt8(ascii: "<") { return "an HTML or XML document" }
    return "a file in an unknown format"
  }

  /// Hands every record to `body` with its place (`export.json:12 (record 3)`, `export.xlsx: row 4`,
  /// `export.csv:5`); a JSON element that is not an object comes as nil. `onHeader` runs once,
  /// before the first record: when a workbook's or CSV's header row is found to have UHRI's
  /// columns (a file without them throws first), or as a JSON export is opened.
  func forEachRecord(onHeader: () throws -> Void = {}, _ body: ([String: JSONValue]?, String) throws -> Void) throws {
    switch self {
    case .json(let path):
      try onHeader()
      try Self.json(path, body)
    case .xlsx(let path):
      let name = (path as NSString).lastPathComponent
      var table: UHRITable?
      try XLSXReader(path: path).forEachRow { number, cells in
        if let table {
          if cells.contains(where: MarkdownText.hasText) { try body(table.record(cells), "\(name): row \(number)") }
        } else if UHRITable.isHeader(cells) {
          table = try UHRITable(header: cells, at: "\(name): row \(number)")
          try onHeader()
        }
      }
      if table == nil { throw ImportFailure("\(path): no sheet row is UHRI's header row (with \"OHCHR Annotation Id\")") }
    case .csv(let path):
      let name = (path as NSString).lastPathComponent
      guard let data = FileManager.default.contents(atPath: path) else { throw ImportFailure("\(path): cannot read the file") }
      let records = CSVReader.records(TextDecoding.decode(Array(data)).text)
      guard let header = records.first else { throw ImportFailure("\(path): no header row") }
      let table = try UHRITable(header: header.fields, at: "\(name):\(header.line)")
      try onHeader()
      for record in records.dropFirst() { try body(table.record(record.fields), "\(name):\(record.line)") }
    }
  }

  private static func json(_ path: String, _ body: ([String: JSONValue]?, String) throws -> Void) throws {
    var stream = try JSONArrayStream(path: path)
    let name = (path as NSString).lastPathComponent
    var count = 0
    do {
      while let (record, line) = try stream.next() {
        count += 1
        let place = "\(name):\(line) (record \(count))"
        if case .object(let fields) = record { try body(fields, place) } else { try body(nil, place) }
      }
    } catch let error as JSONStreamError {
      throw ImportFailure("\(path):\(error.line):\(error.column): \(error.message)")
    }
  }
}
