import CXLSXWriter
import Foundation
import SiteCore

/// The spreadsheet downloads, written with libxlsxwriter (the one file that calls it) in its
/// constant-memory mode: each row goes to disk as it is written, so a workbook of 270,000
/// recommendations never sits in memory.
enum XLSXWorkbook {
  /// Excel's limit on the characters of a cell; a longer text is cut there and ends in "[…]"
  /// (the CSV and JSON downloads carry it whole).
  static let cellLimit = 32_767

  /// Writes `rows` (indexes of `model.catalog.recommendations`) as one sheet with a header row,
  /// frozen and filterable, into the scratch file `path`.
  static func write(_ rows: [Int], _ model: SiteModel, to path: String, scratchFolder: String) throws(DiagnosticError) {
    var options = lxw_workbook_options()
    options.constant_memory = UInt8(LXW_TRUE.rawValue)
    let made = scratchFolder.withCString { folder -> OpaquePointer? in
      options.tmpdir = UnsafeMutablePointer(mutating: folder)
      return path.withCString { workbook_new_opt($0, &options) }.map { OpaquePointer($0) }
    }
    guard let made else { throw failure("cannot create the workbook", path) }
    let workbook = UnsafeMutablePointer<lxw_workbook>(made)
    var properties = lxw_doc_properties()
    // A fixed creation time (the newest recommendation's date) makes the file the same byte for
    // byte on every build: libxlsxwriter stamps the zip entries with it.
    properties.created = created(model)
    _ = workbook_set_properties(workbook, &properties)
    guard let sheet = workbook_add_worksheet(workbook, "Recommendations") else { throw failure("cannot add a sheet to", path) }
    let bold = workbook_add_format(workbook)
    format_set_bold(bold)
    var problem: lxw_error = LXW_NO_ERROR
    for (c, column) in DatasetRow.columns.enumerated() {
      let e = worksheet_write_string(sheet, 0, lxw_col_t(c), column, bold)
      if e != LXW_NO_ERROR { problem = e }
    }
    for (n, i) in rows.enumerated() {
      for (c, cell) in DatasetRow(i, model).cells.enumerated() where !cell.isEmpty {
        let e = worksheet_write_string(sheet, lxw_row_t(n + 1), lxw_col_t(c), fitted(cell), nil)
        if e != LXW_NO_ERROR { problem = e }
      }
    }
    worksheet_freeze_panes(sheet, 1, 0)
    _ = worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows.count), lxw_col_t(DatasetRow.columns.count - 1))
    let closed = workbook_close(workbook)
    if problem == LXW_NO_ERROR { problem = closed }
    guard problem == LXW_NO_ERROR else {
      throw failure("cannot write the workbook (\(String(cString: lxw_strerror(problem))))", path)
    }
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
    let date = model.catalog.recommendations.lazy.compactMap { CalendarDate($0.date) }.first
    var parts = tm()
    parts.tm_year = Int32((date?.year ?? 2000) - 1900)
    parts.tm_mon = Int32((date?.month ?? 1) - 1)
    parts.tm_mday = Int32(date?.day ?? 1)
    return timegm(&parts)
  }

  private static func failure(_ what: String, _ path: String) -> DiagnosticError {
    DiagnosticError([.error(at: nil, "\(what) \(path)")])
  }
}
