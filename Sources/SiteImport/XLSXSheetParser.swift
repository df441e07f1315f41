import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Turns the XML of one worksheet into rows of cell texts as it parses: a shared string (`t="s"`)
/// is looked up, an inline string (`t="inlineStr"`) read from its runs, a boolean becomes `TRUE` or
/// `FALSE`, a number or formula result keeps the text Excel stored (a date stays its serial).
final class XLSXSheetParser: NSObject, XMLParserDelegate {
  private let strings: [String]
  private let row: (Int, [String]) throws -> Void
  /// The first error `row` threw (parsing stops there).
  var failure: Error?

  private var rowNumber = 0
  private var cells: [String] = []
  private var column = 0
  private var type: String?
  private var value = ""
  private var collecting = false
  private var inPhonetic = false

  init(strings: [String], row: @escaping (Int, [String]) throws -> Void) {
    self.strings = strings
    self.row = row
  }

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
              attributes: [String: String]) {
    switch name {
    case "row":
      rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
      cells = []
    case "c":
      column = attributes["r"].flatMap(XLSXReader.column) ?? cells.count
      type = attributes["t"]
      value = ""
    case "v": collecting = true
    case "rPh": inPhonetic = true
    case "t": collecting = !inPhonetic
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { value += string } }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch name {
    case "v", "t": collecting = false
    case "rPh": inPhonetic = false
    case "c":
      while cells.count <= column { cells.append("") }
      cells[column] = text()
    case "row":
      guard failure == nil else { return }
      do {
        try row(rowNumber, cells)
      } catch {
        failure = error
        parser.abortParsing()
      }
    default: break
    }
  }

  private func text() -> String {
    switch type {
    case "s": return Int(value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
    case "b": return value == "1" ? "TRUE" : "FALSE"
    case "inlineStr": return Self.unescape(value)
    default: return value
    }
  }

  /// Excel writes characters XML cannot hold (and the CR of a CRLF) as `_xHHHH_` in texts:
  /// `a_x000D_` → "a\r".
  static func unescape(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var out = ""
    var rest = Substring(text)
    while let start = rest.range(of: "_x") {
      let digits = rest[start.upperBound...].prefix(5)
      if digits.count == 5, digits.last == "_", let code = UInt32(digits.dropLast(), radix: 16), let scalar = Unicode.Scalar(code) {
        out += rest[..<start.lowerBound]
        out.unicodeScalars.append(scalar)
        rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
      } else {
        out += rest[..<start.upperBound]
        rest = rest[start.upperBound...]
      }
    }
    return out + rest
  }
}
