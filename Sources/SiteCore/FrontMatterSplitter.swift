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
    if text.utf8.contains(0x0D) {
      text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
    let start = SourceLocation(path: file.path, line: 1)
    if text.allSatisfy(\.isWhitespace) {
      return .failure(.error(at: start, "the file is empty", notes: ["a recommendation starts with a front matter between two --- lines"]))
    }
    guard let open = Self.delimiterLine(in: text, from: text.startIndex), open.range.lowerBound == text.startIndex,
      open.isDashes
    else {
      return .failure(.error(at: start, "no front matter: the file must start with a line \"---\"",
        notes: ["then the YAML fields (document, paragraph, country…), then another \"---\" line, then the text"]))
    }
    var searchFrom = open.range.upperBound
    var closing: (range: Range<String.Index>, isDashes: Bool)?
    while searchFrom < text.endIndex {
      guard let line = Self.delimiterLine(in: text, from: searchFrom) else { break }
      if line.isDelimiter {
        closing = (line.range, line.isDashes)
        break
      }
      searchFrom = line.range.upperBound
    }
    guard let closing else {
      return .failure(.error(at: start, "the front matter is not closed",
        notes: ["add a line \"---\" after the last YAML field"]))
    }
    var yaml = text[open.range.upperBound..<closing.range.lowerBound]
    if yaml.hasSuffix("\n") { yaml = yaml.dropLast() }
    let body = text[closing.range.upperBound...]
    // The line after the closing delimiter's, even when that delimiter ends the file without a newline.
    let bodyLine = 2 + text[..<closing.range.lowerBound].utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    let trimmedBody = body.hasSuffix("\n") ? body.dropLast() : body
    return .success(SplitDocument(path: file.path, yaml: String(yaml), yamlLine: 2, body: String(trimmedBody), bodyLine: bodyLine))
  }

  /// The line starting at `from` (up to and including its newline), and whether it is a delimiter.
  private static func delimiterLine(in text: String, from: String.Index) -> (range: Range<String.Index>, isDelimiter: Bool, isDashes: Bool)? {
    guard from < text.endIndex else { return nil }
    let end = text[from...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
    var line = text[from..<end]
    if line.hasSuffix("\n") { line = line.dropLast() }
    while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
    return (from..<end, line == "---" || line == "...", line == "---")
  }
}

