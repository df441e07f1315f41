/// One record of a CSV file: its fields and the line it starts on (1-based, header included).
public struct CSVRecord: Sendable, Equatable {
  public var line: Int
  public var fields: [String]
}

/// Reads RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold commas,
/// quotes (doubled) or line ends. Records end at CR, LF or CRLF — old Mac exports such as UPR
/// Info's end lines with a bare CR. Line ends inside quotes are kept as `\n`.
public enum CSVReader {
  public static func records(_ text: String) -> [CSVRecord] {
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var quotedField = false
    var line = 1
    var recordLine = 1
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    func endField() {
      fields.append(field)
      field = ""
      quotedField = false
    }
    func endRecord() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
      fields = []
    }
    while let c = pending {
      pending = scalars.next()
      if inQuotes {
        if c == "\"" {
          if pending == "\"" { field.unicodeScalars.append("\""); pending = scalars.next() } else { inQuotes = false }
        } else if c == "\r" || c == "\n" {
          if c == "\r", pending == "\n" { pending = scalars.next() }
          field.unicodeScalars.append("\n")
          line += 1
        } else {
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"" where field.isEmpty && !quotedField:
        inQuotes = true
        quotedField = true
      case ",":
        endField()
      case "\r", "\n":
        if c == "\r", pending == "\n" { pending = scalars.next() }
        endRecord()
        line += 1
        recordLine = line
      default:
        field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}

/// Turns the bytes of a text export into a String: UTF-8 when they are valid UTF-8 (a BOM is
/// dropped), otherwise Mac OS Roman, the encoding of UPR Info's exports.
public enum TextDecoding: String, Sendable {
  case utf8 = "UTF-8"
  case macRoman = "MacRoman"

  public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: TextDecoding) {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
    return (macRoman(bytes), .macRoman)
  }

  static func macRoman(_ bytes: [UInt8]) -> String {
    var text = ""
    text.unicodeScalars.reserveCapacity(bytes.count)
    for byte in bytes {
      text.unicodeScalars.append(byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(macRomanHigh[Int(byte) - 0x80])!)
    }
    return text
  }

  /// Bytes 0x80–0xFF of Mac OS Roman (Apple's ROMAN.TXT, with 0xDB as the euro sign).
  static let macRomanHigh: [UInt32] = [
    0xC4, 0xC5, 0xC7, 0xC9, 0xD1, 0xD6, 0xDC, 0xE1, 0xE0, 0xE2, 0xE4, 0xE3, 0xE5, 0xE7, 0xE9, 0xE8,
    0xEA, 0xEB, 0xED, 0xEC, 0xEE, 0xEF, 0xF1, 0xF3, 0xF2, 0xF4, 0xF6, 0xF5, 0xFA, 0xF9, 0xFB, 0xFC,
    0x2020, 0xB0, 0xA2, 0xA3, 0xA7, 0x2022, 0xB6, 0xDF, 0xAE, 0xA9, 0x2122, 0xB4, 0xA8, 0x2260, 0xC6, 0xD8,
    0x221E, 0xB1, 0x2264, 0x2265, 0xA5, 0xB5, 0x2202, 0x2211, 0x220F, 0x3C0, 0x222B, 0xAA, 0xBA, 0x3A9, 0xE6, 0xF8,
    0xBF, 0xA1, 0xAC, 0x221A, 0x192, 0x2248, 0x2206, 0xAB, 0xBB, 0x2026, 0xA0, 0xC0, 0xC3, 0xD5, 0x152, 0x153,
    0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0xF7, 0x25CA, 0xFF, 0x178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x2021, 0xB7, 0x201A, 0x201E, 0x2030, 0xC2, 0xCA, 0xC1, 0xCB, 0xC8, 0xCD, 0xCE, 0xCF, 0xCC, 0xD3, 0xD4,
    0xF8FF, 0xD2, 0xDA, 0xDB, 0xD9, 0x131, 0x2C6, 0x2DC, 0xAF, 0x2D8, 0x2D9, 0x2DA, 0xB8, 0x2DD, 0x2DB, 0x2C7,
  ]
}
