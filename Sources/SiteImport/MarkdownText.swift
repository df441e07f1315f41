/// Plain text written as CommonMark that renders back to the same words: the characters that
/// would start emphasis, links, code, raw HTML or a block (heading, list, quote, rule) are
/// backslash-escaped, so nothing in an export can change the page's structure.
enum MarkdownText {
  /// Paragraphs (separated by blank lines in `plain`) as escaped CommonMark; lines inside a
  /// paragraph are trimmed and kept, runs of spaces collapse.
  static func escape(_ plain: String) -> String {
    var paragraphs: [[String]] = [[]]
    for rawLine in plain.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = collapseSpaces(rawLine)
      if line.isEmpty {
        if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
      } else {
        paragraphs[paragraphs.count - 1].append(escapeLine(line))
      }
    }
    return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
  }

  /// One line of text, trimmed, with runs of white space made one space and control characters dropped.
  static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
    var out = ""
    var pendingSpace = false
    for c in text {
      if c.isWhitespace {
        pendingSpace = !out.isEmpty
      } else if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
        continue
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(c)
      }
    }
    return out
  }

  static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<"]
  static let blockStarts: Set<Character> = ["#", ">", "+", "-", "=", "~", "|"]

  /// Escapes one trimmed line.
  static func escapeLine(_ line: String) -> String {
    var out = ""
    let chars = Array(line)
    for (i, c) in chars.enumerated() {
      if inlineSpecials.contains(c) || (c == "&" && startsEntity(chars, at: i)) {
        out.append("\\")
      } else if i == 0, blockStarts.contains(c) {
        out.append("\\")
      } else if (c == "." || c == ")"), isOrderedListMarker(chars, delimiterAt: i) {
        out.append("\\")
      }
      out.append(c)
    }
    return out
  }

  /// `&amp;`, `&#40;`: an `&` that cmark would read as the start of an entity.
  private static func startsEntity(_ chars: [Character], at i: Int) -> Bool {
    var j = i + 1
    while j < chars.count, j - i <= 32, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" {
      j += 1
    }
    return j > i + 1 && j < chars.count && chars[j] == ";"
  }

  /// `18. ` or `3)` at the start of a line: one to nine digits, the delimiter, then a space or the end.
  private static func isOrderedListMarker(_ chars: [Character], delimiterAt i: Int) -> Bool {
    guard (1...9).contains(i), chars[..<i].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
    return i + 1 == chars.count || chars[i + 1] == " "
  }
}
