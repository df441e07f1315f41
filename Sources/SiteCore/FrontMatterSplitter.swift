import Foundation

/// A file as read from disk: its path relative to the site root and its text.
public struct SourceFile: Sendable {
  public var path: String
  public var text: String
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// A Markdown file cut into its YAML front matter and its body, with the line each starts on.
public struct SplitDocument: Sendable {
  public var path: String
  public var yaml: String
  /// The file line of the YAML's first line (the line after the opening `---`).
  public var yamlLine: Int
  public var body: String
  public var bodyLine: Int
}

/// Cuts `---`-delimited front matter off a Markdown file.
///
/// Accepts a UTF-8 byte-order mark and CRLF line ends; the closing delimiter may also be `...`.
public enum FrontMatterSplitter {
  public static func split(_ file: SourceFile) -> Result<SplitDocument, Diagnostic> {
    var text = file.text
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    if text.containsByte(0x0D) {
      text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
    let bytes = Array(text.utf8)
    let start = SourceLocation(path: file.path, line: 1)
    if bytes.first != UInt8(ascii: "-"), text.allSatisfy(\.isWhitespace) {
      return .failure(.error(at: start, "the file is empty", notes: ["a recommendation starts with a front matter between two --- lines"]))
    }
    guard let open = delimiterLine(bytes, from: 0), open.isDashes else {
      return .failure(.error(at: start, "no front matter: the file must start with a line \"---\"",
        notes: ["then the YAML fields (document, paragraph, country…), then another \"---\" line, then the text"]))
    }
    var lineStart = open.end
    var closing: (start: Int, end: Int)?
    var newlines = 1
    while lineStart < bytes.count {
      let line = delimiterLine(bytes, from: lineStart)!
      if line.isDelimiter {
        closing = (lineStart, line.end)
        break
      }
      lineStart = line.end
      newlines += 1
    }
    guard let closing else {
      return .failure(.error(at: start, "the front matter is not closed",
        notes: ["add a line \"---\" after the last YAML field"]))
    }
    var yamlEnd = closing.start
    if yamlEnd > open.end, bytes[yamlEnd - 1] == 0x0A { yamlEnd -= 1 }
    var bodyEnd = bytes.count
    if bodyEnd > closing.end, bytes[bodyEnd - 1] == 0x0A { bodyEnd -= 1 }
    let yaml = String(decoding: bytes[open.end..<yamlEnd], as: UTF8.self)
    let body = String(decoding: bytes[closing.end..<bodyEnd], as: UTF8.self)
    // The line after the closing delimiter's, even when that delimiter ends the file without a newline.
    return .success(SplitDocument(path: file.path, yaml: yaml, yamlLine: 2, body: body, bodyLine: newlines + 2))
  }

  /// The line starting at `from`: where it ends (after its newline), and whether it is a
  /// delimiter (`---` or `...`, then only spaces or tabs).
  private static func delimiterLine(_ bytes: [UInt8], from: Int) -> (end: Int, isDelimiter: Bool, isDashes: Bool)? {
    guard from < bytes.count else { return nil }
    var end = from
    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
    var last = end
    while last > from, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
    let next = end < bytes.count ? end + 1 : end
    guard last - from == 3 else { return (next, false, false) }
    let c = bytes[from]
    let same = bytes[from + 1] == c && bytes[from + 2] == c
    let isDashes = same && c == UInt8(ascii: "-")
    return (next, isDashes || (same && c == UInt8(ascii: ".")), isDashes)
  }
}
