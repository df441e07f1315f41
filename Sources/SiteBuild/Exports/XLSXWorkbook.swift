import Foundation
import SiteCore

/// The spreadsheet downloads: Office Open XML workbooks (ECMA-376) of one sheet, written part
/// by part into a `ZipArchive`. Rows are streamed into the sheet as they come (text cells written
/// inline), so a workbook of 270,000 recommendations never sits in memory.
enum XLSXWorkbook {
  /// Excel's limit on the characters of a cell; a longer text is cut there and ends in "[…]"
  /// (the CSV and JSON downloads carry it whole).
  static let cellLimit = 32_767

  /// Writes `rows` (indexes of `model.catalog.recommendations`) as one sheet with a header row,
  /// frozen and filterable, into the scratch file `path`.
  static func write(_ rows: [Int], _ model: SiteModel, to path: String) throws(DiagnosticError) {
    try write(sheet: "Recommendations", columns: DatasetRow.columns, rows: rows.lazy.map { DatasetRow($0, model).cells },
      created: created(model), to: path)
  }

  /// Writes a table — `columns` as a bold header row, frozen and filterable, then one row of
  /// text cells per element of `rows` (never a formula, whatever a cell starts with) — as the
  /// one sheet `sheet` into the scratch file `path`. `created` stamps the file, so the same
  /// table gives the same bytes on every build.
  static func write<Rows: Sequence<[String]>>(sheet name: String, columns: [String], rows: Rows, created: time_t,
                                              to path: String) throws(DiagnosticError) {
    let zip = try ZipArchive(path: path, modified: created)
    try zip.begin("xl/worksheets/sheet1.xml")
    var sheet = SheetXML(columns: columns.count)
    sheet.start()
    sheet.row(columns, style: 1)
    var count = 0
    for cells in rows {
      count += 1
      sheet.row(cells.map(fitted), style: 0)
      if sheet.bytes.count >= 1 << 18 { try sheet.drain(into: zip) }
    }
    sheet.finish(rows: count)
    try sheet.drain(into: zip)
    try zip.end()
    let parts = WorkbookParts(sheet: name, columns: columns.count, rows: count, created: created)
    for (part, bytes) in parts.files { try zip.add(part, Array(bytes.utf8)) }
    try zip.finish()
  }

  /// `text`, cut to Excel's limit when longer.
  static func fitted(_ text: String) -> String {
    // No more bytes than the limit means no more characters: most cells need no count.
    if text.utf8.count <= cellLimit { return text }
    let scalars = text.unicodeScalars
    guard scalars.count > cellLimit else { return text }
    let marker = " […]"
    var cut = String.UnicodeScalarView(scalars.prefix(cellLimit - marker.unicodeScalars.count))
    cut.append(contentsOf: marker.unicodeScalars)
    return String(cut)
  }

  /// Midnight UTC of the newest recommendation's date (2000-01-01 for an empty site).
  static func created(_ model: SiteModel) -> time_t {
    created(model.catalog.recommendations.lazy.compactMap { CalendarDate($0.date) }.first)
  }

  /// Midnight UTC of `date` (2000-01-01 when nil).
  static func created(_ date: CalendarDate?) -> time_t {
    var parts = tm()
    parts.tm_year = Int32((date?.year ?? 2000) - 1900)
    parts.tm_mon = Int32((date?.month ?? 1) - 1)
    parts.tm_mday = Int32(date?.day ?? 1)
    return timegm(&parts)
  }
}
