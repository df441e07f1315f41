/// Spreadsheet cells (RFC 4180).
public enum CSV {
  /// Quotes a cell when it holds a comma, quote or line break, and prefixes `'` to text a
  /// spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first).
  public static func cell(_ text: String) -> String {
    var out: [UInt8] = []
    append(text, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `cells` as one line: cells (see `append(_:into:)`) separated by commas, ending in
  /// CRLF.
  public static func appendRow(_ cells: some Sequence<String>, into out: inout [UInt8]) {
    var first = true
    for cell in cells {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      append(cell, into: &out)
    }
    out.append(contentsOf: [0x0D, 0x0A])
  }

  /// Appends `text` as one cell (see `cell`) to the UTF-8 bytes `out`.
  public static func append(_ text: String, into out: inout [UInt8]) {
    let bytes = text.utf8
    let formula = bytes.first.map { "=+-@\t\r".utf8.contains($0) } ?? false
    let quoted = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    if quoted { out.append(0x22) }
    if formula { out.append(UInt8(ascii: "'")) }
    if quoted {
      for byte in bytes {
        out.append(byte)
        if byte == 0x22 { out.append(0x22) }
      }
      out.append(0x22)
    } else {
      out.append(contentsOf: bytes)
    }
  }
}
