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

  /// One line of text, trimmed, with runs of white space made one space and control characters
  /// dropped. Works on scalars, with a fast path for ASCII: it runs over every text imported.
  static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      let isSpace = v < 0x80 ? v == 0x20 || (0x09...0x0D).contains(v) : scalar.properties.isWhitespace
      if isSpace {
        pendingSpace = !out.isEmpty
      } else if v < 0x20 || (0x7F...0x9F).contains(v) {
        continue
      } else {
        if pendingSpace { out.append(0x20) }
        pendingSpace = false
        if v < 0x80 { out.append(UInt8(v)) } else { UTF8.encode(scalar) { out.append($0) } }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether `text` has anything but white space.
  static func hasText<S: StringProtocol>(_ text: S) -> Bool {
    text.unicodeScalars.contains { $0.value < 0x80 ? !($0.value == 0x20 || (0x09...0x0D).contains($0.value)) : !$0.properties.isWhitespace }
  }

  /// `\\`, `` ` ``, `*`, `_`, `[`, `]`, `<`: escaped wherever they stand.
  static func isInlineSpecial(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "\\", "`", "*", "_", "[", "]", "<": return true
    default: return false
    }
  }

  /// `#`, `>`, `+`, `-`, `=`, `~`, `|`: escaped at the start of a line.
  static func isBlockStart(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "#", ">", "+", "-", "=", "~", "|": return true
    default: return false
    }
  }

  /// Escapes one trimmed line.
  static func escapeLine(_ line: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(line.utf8.count + 8)
    let chars = Array(line.unicodeScalars)
    for (i, c) in chars.enumerated() {
      if isInlineSpecial(c) || (c == "&" && startsEntity(chars, at: i)) {
        out.append(UInt8(ascii: "\\"))
      } else if i == 0, isBlockStart(c) {
        out.append(UInt8(ascii: "\\"))
      } else if c == "." || c == ")", isOrderedListMarker(chars, delimiterAt: i) {
        out.append(UInt8(ascii: "\\"))
      }
      if c.value < 0x80 { out.append(UInt8(c.value)) } else { UTF8.encode(c) { out.append($0) } }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `&amp;`, `&#40;`: an `&` that cmark would read as the start of an entity.
  private static func startsEntity(_ chars: [Unicode.Scalar], at i: Int) -> Bool {
    var j = i + 1
    while j < chars.count, j - i <= 32, chars[j].isASCII, chars[j].properties.isAlphabetic || (0x30...0x39).contains(chars[j].value) || chars[j] == "#" {
      j += 1
    }
    return j > i + 1 && j < chars.count && chars[j] == ";"
  }

  /// `18. ` or `3)` at the start of a line: one to nine digits, the delimiter, then a space or the end.
  private static func isOrderedListMarker(_ chars: [Unicode.Scalar], delimiterAt i: Int) -> Bool {
    guard (1...9).contains(i), chars[..<i].allSatisfy({ (0x30...0x39).contains($0.value) }) else { return false }
    return i + 1 == chars.count || chars[i + 1] == " "
  }
}
