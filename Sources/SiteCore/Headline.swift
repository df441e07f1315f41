/// The default title of a recommendation: its first sentence, cut at 120 characters.
public enum Headline {
  public static let limit = 120
  static let sentenceEnds: Set<Character> = [".", "!", "?", "。", "！", "？", "؟", "।"]
  static let wideEnds: Set<Character> = ["。", "！", "？"]

  /// Reads only as far as the first sentence end or the limit, collapsing runs of white space.
  public static func make(from plainText: String) -> String {
    if plainText.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(plainText) }
    var sentence = ""
    var count = 0
    var pendingSpace = false
    var index = plainText.startIndex
    func isSpace(_ c: Character) -> Bool {
      if let a = c.asciiValue { return a == 0x20 || (a >= 0x09 && a <= 0x0D) }
      return c.isWhitespace
    }
    func endsSentence(_ c: Character) -> Bool {
      if let a = c.asciiValue { return a == UInt8(ascii: ".") || a == UInt8(ascii: "!") || a == UInt8(ascii: "?") }
      return sentenceEnds.contains(c)
    }
    while index < plainText.endIndex, count <= limit {
      let c = plainText[index]
      index = plainText.index(after: index)
      if isSpace(c) {
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
      guard endsSentence(c) else { continue }
      let atEnd = index == plainText.endIndex || isSpace(plainText[index])
      if wideEnds.contains(c) || atEnd { return sentence }
    }
    return count > limit ? cut(sentence) : sentence
  }

  /// The same reading over bytes, for text that is all ASCII (one byte, one character).
  private static func makeASCII(_ plainText: String) -> String {
    let bytes = Array(plainText.utf8)
    var sentence: [UInt8] = []
    var pendingSpace = false
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    var i = 0
    while i < bytes.count, sentence.count <= limit {
      let c = bytes[i]
      i += 1
      if isSpace(c) {
        pendingSpace = !sentence.isEmpty
        continue
      }
      if pendingSpace {
        sentence.append(0x20)
        pendingSpace = false
      }
      sentence.append(c)
      let atEnd = i == bytes.count || isSpace(bytes[i])
      if (c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")) && atEnd {
        return String(decoding: sentence, as: UTF8.self)
      }
    }
    let text = String(decoding: sentence, as: UTF8.self)
    return sentence.count > limit ? cut(text) : text
  }

  private static func cut(_ sentence: String) -> String {
    let head = sentence.prefix(limit - 1)
    if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > limit / 2 {
      return String(head[..<space]) + "…"
    }
    return String(head) + "…"
  }
}
