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
    if text.contains("\r") {
      text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
    let start = SourceLocation(path: file.path, line: 1)
    if text.allSatisfy(\.isWhitespace) {
      return .failure(.error(at: start, "the file is empty", notes: ["a recommendation starts with a front matter between two --- lines"]))
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
      return .failure(.error(at: start, "no front matter: the file must start with a line \"---\"",
        notes: ["then the YAML fields (document, paragraph, country…), then another \"---\" line, then the text"]))
    }
    guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" || lines[$0].trimmingTrailingSpaces == "..." }) else {
      return .failure(.error(at: start, "the front matter is not closed",
        notes: ["add a line \"---\" after the last YAML field"]))
    }
    let yaml = lines[1..<end].joined(separator: "\n")
    let body = lines[(end + 1)...].joined(separator: "\n")
    return .success(SplitDocument(path: file.path, yaml: yaml, yamlLine: 2, body: body, bodyLine: end + 2))
  }
}

extension Substring {
  fileprivate var trimmingTrailingSpaces: Substring {
    var s = self
    while let last = s.last, last == " " || last == "\t" { s.removeLast() }
    return s
  }
}
