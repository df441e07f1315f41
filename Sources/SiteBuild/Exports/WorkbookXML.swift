import Foundation
import SiteCore

/// The sheet part of a one-sheet workbook (`xl/worksheets/sheet1.xml`), built row by row: a
/// frozen first row, every cell an inline string (`t="inlineStr"`: text, never a formula), and an
/// autofilter over the table.
struct SheetXML {
  /// The XML not yet handed to the archive.
  private(set) var bytes: [UInt8] = []
  private let references: [[UInt8]]
  private var rowNumber = 0

  init(columns: Int) {
    references = (0..<columns).map { Array(Self.columnName($0).utf8) }
    bytes.reserveCapacity(1 << 19)
  }

  mutating func start() {
    bytes.append(contentsOf: """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="\(WorkbookParts.main)" xmlns:r="\(WorkbookParts.relationships)">\
      <sheetViews><sheetView tabSelected="1" workbookViewId="0">\
      <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
      <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
      <sheetFormatPr defaultRowHeight="15"/><sheetData>
      """.utf8)
  }

  /// The next row: one cell per non-empty text, in `style` (0 plain, 1 bold).
  mutating func row(_ cells: [String], style: Int) {
    rowNumber += 1
    let number = Array(String(rowNumber).utf8)
    bytes.append(contentsOf: #"<row r=""#.utf8)
    bytes.append(contentsOf: number)
    bytes.append(contentsOf: #"">"#.utf8)
    for (c, cell) in cells.enumerated() where !cell.isEmpty {
      bytes.append(contentsOf: #"<c r=""#.utf8)
      bytes.append(contentsOf: references[c])
      bytes.append(contentsOf: number)
      bytes.append(contentsOf: style == 1 ? #"" s="1" t="inlineStr"><is><t xml:space="preserve">"#.utf8
                                          : #"" t="inlineStr"><is><t xml:space="preserve">"#.utf8)
      Self.appendText(cell, to: &bytes)
      bytes.append(contentsOf: "</t></is></c>".utf8)
    }
    bytes.append(contentsOf: "</row>".utf8)
  }

  /// Closes the sheet: `rows` rows under the header, all under the autofilter.
  mutating func finish(rows: Int) {
    bytes.append(contentsOf: "</sheetData><autoFilter ref=\"\(WorkbookParts.range(columns: references.count, rows: rows))\"/></worksheet>".utf8)
  }

  /// Hands the XML built so far to `zip`'s open entry.
  mutating func drain(into zip: ZipArchive) throws(DiagnosticError) {
    try zip.write(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// A column's letters: 0 → A, 25 → Z, 26 → AA.
  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var letters: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      letters.insert(Character(UnicodeScalar(UInt8(65 + r))), at: 0)
      n = (n - 1) / 26
    }
    return String(letters)
  }

  /// `text` as the content of a `<t>` element: `&`, `<` and `>` as entities; characters XML
  /// cannot carry (C0 controls but tab and line feed), and carriage returns, which XML readers
  /// turn into line feeds, as Excel's `_xHHHH_` escapes; and the `_` of a literal `_xHHHH_` as
  /// `_x005F_`, so that no text is read as an escape.
  static func appendText(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { utf8 in
      var plain = 0
      for (i, byte) in utf8.enumerated() {
        let escape: [UInt8]?
        switch byte {
        case UInt8(ascii: "&"): escape = Array("&amp;".utf8)
        case UInt8(ascii: "<"): escape = Array("&lt;".utf8)
        case UInt8(ascii: ">"): escape = Array("&gt;".utf8)
        case 0x09, 0x0A: escape = nil
        case 0..<0x20: escape = Array(excelEscape(byte).utf8)
        case UInt8(ascii: "_") where opensEscape(utf8, at: i): escape = Array("_x005F_".utf8)
        default: escape = nil
        }
        guard let escape else { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<i]))
        out.append(contentsOf: escape)
        plain = i + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
    }
  }

  /// `_xHHHH_` for a control character.
  private static func excelEscape(_ byte: UInt8) -> String {
    let hex = String(byte, radix: 16, uppercase: true)
    return "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
  }

  /// Whether the bytes at `i` are `_x` and four hexadecimal digits and `_`.
  private static func opensEscape(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i + 6 < utf8.count, utf8[i + 1] == UInt8(ascii: "x") || utf8[i + 1] == UInt8(ascii: "X"),
      utf8[i + 6] == UInt8(ascii: "_")
    else { return false }
    return (i + 2...i + 5).allSatisfy { k in
      let b = utf8[k]
      return (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b)
    }
  }
}

/// The parts of a one-sheet workbook other than the sheet: the package's content types and
/// relationships, its properties (dated `created`), the workbook and its styles (plain, bold).
struct WorkbookParts {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  private static let package = "http://schemas.openxmlformats.org/package/2006"
  private static let type = "application/vnd.openxmlformats-officedocument"

  let sheet: String
  let columns: Int
  let rows: Int
  let created: time_t

  /// The table's range: the header row and `rows` rows, `columns` wide (`A1:X271`).
  static func range(columns: Int, rows: Int) -> String {
    "A1:\(SheetXML.columnName(max(0, columns - 1)))\(rows + 1)"
  }

  /// Every part but the sheet, by name, in the order written.
  var files: [(String, String)] {
    let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    let date = Self.w3cdtf(created)
    let name = HTML.escape(sheet)
    let filter = "'\(sheet.replacingOccurrences(of: "'", with: "''"))'!$A$1:$\(SheetXML.columnName(max(0, columns - 1)))$\(rows + 1)"
    return [
      ("[Content_Types].xml", head + """
        <Types xmlns="\(Self.package)/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="\(Self.type).spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="\(Self.type).spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="\(Self.type).spreadsheetml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="\(Self.type).extended-properties+xml"/></Types>
        """),
      ("_rels/.rels", head + """
        <Relationships xmlns="\(Self.package)/relationships">\
        <Relationship Id="rId1" Type="\(Self.relationships)/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="\(Self.package)/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="\(Self.relationships)/extended-properties" Target="docProps/app.xml"/></Relationships>
        """),
      ("docProps/core.xml", head + """
        <cp:coreProperties xmlns:cp="\(Self.package)/metadata/core-properties" \
        xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dcterms:created xsi:type="dcterms:W3CDTF">\(date)</dcterms:created>\
        <dcterms:modified xsi:type="dcterms:W3CDTF">\(date)</dcterms:modified></cp:coreProperties>
        """),
      ("docProps/app.xml", head + """
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>HRIndex</Application></Properties>
        """),
      ("xl/workbook.xml", head + """
        <workbook xmlns="\(Self.main)" xmlns:r="\(Self.relationships)"><bookViews><workbookView/></bookViews>\
        <sheets><sheet name="\(name)" sheetId="1" r:id="rId1"/></sheets><definedNames>\
        <definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\(HTML.escape(filter))</definedName>\
        </definedNames></workbook>
        """),
      ("xl/_rels/workbook.xml.rels", head + """
        <Relationships xmlns="\(Self.package)/relationships">\
        <Relationship Id="rId1" Type="\(Self.relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(Self.relationships)/styles" Target="styles.xml"/></Relationships>
        """),
      ("xl/styles.xml", head + """
        <styleSheet xmlns="\(Self.main)"><fonts count="2">\
        <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """),
    ]
  }

  /// `2024-05-01T00:00:00Z`.
  static func w3cdtf(_ seconds: time_t) -> String {
    var t = seconds
    var parts = tm()
    gmtime_r(&t, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }
}
