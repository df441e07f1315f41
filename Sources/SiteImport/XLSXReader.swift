import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads the first sheet of an Excel workbook (`.xlsx`, Office Open XML): a ZIP archive
/// (ZIPFoundation) of XML parts read with Foundation's `XMLParser`. The sheet is copied out of
/// the archive to a temporary file and parsed as a stream, one row in memory at a time; the
/// shared-string table (every distinct text of the workbook) is held whole.
struct XLSXReader {
  let path: String
  private let archive: Archive

  init(path: String) throws {
    self.path = path
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw ImportFailure("\(path): not a readable Excel workbook (.xlsx): \(error)")
    }
  }

  /// Calls `row` with each row's number (1-based, as Excel shows it) and its cells by column
  /// (A is 0), cells the sheet leaves out as "". Stops at the first error `row` throws.
  func forEachRow(_ row: (Int, [String]) throws -> Void) throws {
    let strings = try sharedStrings()
    let sheet = try firstSheet()
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("hrindex-sheet-\(UUID().uuidString).xml")
    defer { try? FileManager.default.removeItem(at: temporary) }
    _ = try archive.extract(sheet, to: temporary)
    guard let stream = InputStream(url: temporary) else { throw ImportFailure("\(path): cannot read the sheet") }
    try withoutActuallyEscaping(row) { row in
      let reader = XLSXSheetParser(strings: strings, row: row)
      let parser = XMLParser(stream: stream)
      parser.delegate = reader
      let parsed = parser.parse()
      if let error = reader.failure { throw error }
      guard parsed else { throw ImportFailure("\(path): the sheet \(sheet.path) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")") }
    }
  }

  /// `xl/sharedStrings.xml`, in order; empty when the workbook has none (inline strings only).
  func sharedStrings() throws -> [String] {
    guard let data = try part("xl/sharedStrings.xml") else { return [] }
    let reader = XLSXStringsParser()
    let parser = XMLParser(data: data)
    parser.delegate = reader
    guard parser.parse() else { throw ImportFailure("\(path): xl/sharedStrings.xml is not well-formed XML") }
    return reader.strings
  }

  /// The first sheet of the workbook, as `xl/workbook.xml` and its relationships name it.
  private func firstSheet() throws -> Entry {
    let sheets = try attributes(of: "sheet", in: "xl/workbook.xml")
    let links = try attributes(of: "Relationship", in: "xl/_rels/workbook.xml.rels")
    if let id = sheets.first?["r:id"], let target = links.first(where: { $0["Id"] == id })?["Target"] {
      let inside = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      if let entry = archive[inside] { return entry }
    }
    guard let entry = archive["xl/worksheets/sheet1.xml"] else {
      throw ImportFailure("\(path): an archive without a worksheet, not an Excel workbook (.xlsx)")
    }
    return entry
  }

  private func part(_ name: String) throws -> Data? {
    guard let entry = archive[name] else { return nil }
    var data = Data()
    _ = try archive.extract(entry) { data.append($0) }
    return data
  }

  /// The attributes of every element named `element` in the part `name` (none when it is missing).
  private func attributes(of element: String, in name: String) throws -> [[String: String]] {
    guard let data = try part(name) else { return [] }
    let reader = XLSXAttributesParser(element: element)
    let parser = XMLParser(data: data)
    parser.delegate = reader
    guard parser.parse() else { throw ImportFailure("\(path): \(name) is not well-formed XML") }
    return reader.found
  }

  /// `A` → 0, `Z` → 25, `AA` → 26, from a cell reference such as `AB12`.
  static func column(_ reference: String) -> Int? {
    var number = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      guard scalar.value >= 65, scalar.value <= 90 else { break }
      number = number * 26 + Int(scalar.value - 64)
      letters += 1
    }
    return letters == 0 || letters > 3 ? nil : number - 1
  }
}

/// The attributes of each element with one name.
final class XLSXAttributesParser: NSObject, XMLParserDelegate {
  let element: String
  var found: [[String: String]] = []
  init(element: String) { self.element = element }

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
              attributes: [String: String]) {
    if name == element { found.append(attributes) }
  }
}

/// The texts of `<si>` items: the `<t>` runs of each, phonetic hints (`<rPh>`) left out.
final class XLSXStringsParser: NSObject, XMLParserDelegate {
  var strings: [String] = []
  private var current = ""
  private var inText = false
  private var inPhonetic = false

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
              attributes: [String: String]) {
    switch name {
    case "si": current = ""
    case "rPh": inPhonetic = true
    case "t": inText = !inPhonetic
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch name {
    case "si": strings.append(XLSXSheetParser.unescape(current))
    case "rPh": inPhonetic = false
    case "t": inText = false
    default: break
    }
  }
}
