/// The default title of a recommendation: its first sentence, cut at 120 characters.
public enum Headline {
  public static let limit = 120

  /// Reads only as far as the first sentence end or the limit, collapsing runs of white space.
  public static func make(from plainText: String) -> String {
    makeByScalars(plainText) ?? makeByCharacters(plainText)
  }

  /// The reading character by character (grapheme clusters), for any text.
  static func makeByCharacters(_ plainText: String) -> String {
    var sentence = ""
    var count = 0
    var pendingSpace = false
    var index = plainText.startIndex
    /// A sentence end is one scalar (`.`, `。`…), never a cluster that only starts with one.
    func single(_ c: Character, _ test: (Unicode.Scalar) -> Bool) -> Bool {
      c.unicodeScalars.count == 1 && test(c.unicodeScalars.first!)
    }
    while index < plainText.endIndex, count <= limit {
      let c = plainText[index]
      index = plainText.index(after: index)
      if c.isWhitespace {
        pendingSpace = count > 0
        continue
      }
      if pendingSpace {
        sentence.append(" ")
        count += 1
        pendingSpace = false
      }
      sentence.append(c)
      count += 1
      guard single(c, endsSentence) else { continue }
      let atEnd = index == plainText.endIndex || plainText[index].isWhitespace
      if single(c, isWide) || atEnd { return sentence }
    }
    return count > limit ? cut(sentence) : sentence
  }

  /// The same reading over Unicode scalars, several times faster, while every scalar read is a
  /// character of its own; nil as soon as one could join the next (a combining mark, a joiner,
  /// Hangul, an emoji modifier…), and the caller reads by characters instead.
  static func makeByScalars(_ plainText: String) -> String? {
    var sentence: [Unicode.Scalar] = []
    sentence.reserveCapacity(limit + 2)
    var pendingSpace = false
    var scalars = plainText.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let c = next, sentence.count <= limit {
      next = scalars.next()
      guard isAlone(c) else { return nil }
      if isSpace(c) {
        pendingSpace = !sentence.isEmpty
        continue
      }
      if pendingSpace {
        sentence.append(" ")
        pendingSpace = false
      }
      sentence.append(c)
      guard endsSentence(c) else { continue }
      if let n = next, !isAlone(n) { return nil }
      if isWide(c) || next.map(isSpace) ?? true { return text(sentence) }
    }
    if let n = next, !isAlone(n) { return nil }
    guard sentence.count > limit else { return text(sentence) }
    var head = Array(sentence.prefix(limit - 1))
    if let space = head.lastIndex(of: " "), space > limit / 2 { head.removeSubrange(space...) }
    head.append("…")
    return text(head)
  }

  /// The scalars as a string, through their UTF-8 bytes (appending scalars to a string one by one
  /// costs several times more).
  private static func text(_ scalars: [Unicode.Scalar]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count * 3)
    for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Unicode's White_Space property, read from the table only for the few scalars that can have it.
  private static func isSpace(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
    if v != 0x85 && v != 0xA0 && v != 0x1680 && (v < 0x2000 || v > 0x3000) { return false }
    return c.properties.isWhitespace
  }

  private static func endsSentence(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case ".", "!", "?", "。", "！", "？", "؟", "।": return true
    default: return false
    }
  }

  private static func isWide(_ c: Unicode.Scalar) -> Bool { c == "。" || c == "！" || c == "？" }

  /// Whether `c` is always a character by itself, whatever follows or precedes it.
  static func isAlone(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x300 { return v != 0x0D }
    if v >= 0x4E00 && v <= 0x9FFF { return true }  // CJK ideographs
    if (v >= 0x400 && v <= 0x482) || (v >= 0x48A && v <= 0x52F) { return true }  // Cyrillic letters
    if v >= 0x621 && v <= 0x64A { return true }  // Arabic letters
    if v >= 0x10000 || (v >= 0x1100 && v <= 0x11FF) || (v >= 0xA960 && v <= 0xA97F) || (v >= 0xAC00 && v <= 0xD7FF) { return false }
    if (v >= 0x200B && v <= 0x200F) || (v >= 0x600 && v <= 0x605) || v == 0x6DD || v == 0x70F || v == 0x890 || v == 0x891
      || v == 0x8E2 || v == 0xE33 || v == 0xEB3 || v == 0xFF9E || v == 0xFF9F || (v >= 0xFE00 && v <= 0xFE0F) {
      return false
    }
    switch c.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format, .surrogate, .unassigned, .privateUse: return false
    default: return true
    }
  }

  /// Whether `plainText` opens with `title` (white space collapsed, a cut headline's "…" left
  /// out), ending at a word's end: then a page that shows the text need not show the title too.
  public static func opens(_ plainText: String, with title: String) -> Bool {
    let stem = title.hasSuffix("…") ? String(title.dropLast()) : title
    return opensVerbatim(plainText, with: stem) || opensWordByWord(plainText, with: stem)
  }

  /// `opens`, read word by word on characters: the reference the byte reading must agree with.
  static func opensWordByWord(_ plainText: String, with stem: String) -> Bool {
    let words = stem.split(whereSeparator: \.isWhitespace)
    guard !words.isEmpty else { return false }
    var rest = Substring(plainText)
    for word in words {
      rest = rest.drop(while: \.isWhitespace)
      guard rest.hasPrefix(word) else { return false }
      rest = rest.dropFirst(word.count)
    }
    guard let next = rest.first else { return true }
    return !(next.isLetter || next.isNumber)
  }

  /// The common case of `opens`, read on bytes: the text starts with exactly the title's bytes
  /// (the title its first sentence, cut) and an ASCII character that is no letter or digit, or
  /// nothing, follows. False means only "not this way": `opens` then reads it word by word.
  private static func opensVerbatim(_ plainText: String, with stem: String) -> Bool {
    let text = plainText.utf8
    let head = stem.utf8
    guard let first = head.first, first > 0x20, first < 0x80, text.starts(with: head) else { return false }
    var rest = text.dropFirst(head.count).makeIterator()
    guard let next = rest.next() else { return true }
    // A non-ASCII character, or one a combining mark may follow, is left to the slow reading.
    guard next < 0x80, rest.next().map({ $0 < 0x80 }) ?? true else { return false }
    let isAlphanumeric = (next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A)
    return !isAlphanumeric && next != 0x0D
  }

  private static func cut(_ sentence: String) -> String {
    let head = sentence.prefix(limit - 1)
    if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > limit / 2 {
      return String(head[..<space]) + "…"
    }
    return String(head) + "…"
  }
}
