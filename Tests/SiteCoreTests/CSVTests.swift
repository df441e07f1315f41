import Testing

@testable import SiteCore

@Suite("CSV")
struct CSVTests {
  /// An RFC 4180 reader written for the test: quoted cells, doubled quotes, CRLF line ends.
  private func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
        } else { cell.append(c) }
      } else if c == "\"" { quoted = true }
      else if c == "," { row.append(cell); cell = "" }
      else if c == "\r\n" { row.append(cell); rows.append(row); row = []; cell = "" }
      else { cell.append(c) }
    }
    return rows
  }

  @Test("a row is its cells, comma-separated and CRLF-ended, read back cell for cell")
  func row() {
    let lines = [["plain", "a,b", "say \"hi\"", "two\nlines", ""], ["=SUM(A1)", "x"], []]
    var out: [UInt8] = []
    for cells in lines { CSV.appendRow(cells, into: &out) }
    let expected = lines.map { cells in cells.isEmpty ? [""] : cells.map { $0 == "=SUM(A1)" ? "'=SUM(A1)" : $0 } }
    #expect(rows(String(decoding: out, as: UTF8.self)) == expected)
    #expect(out.suffix(2) == [0x0D, 0x0A])
  }
}
