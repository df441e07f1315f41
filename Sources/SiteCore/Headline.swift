/// The default title of a recommendation: its first sentence, cut at 120 characters.
public enum Headline {
  public static let limit = 120
  static let sentenceEnds: Set<Character> = [".", "!", "?", "。", "！", "？", "؟", "।"]
  static let wideEnds: Set<Character> = ["。", "！", "？"]

  /// Reads only as far as the first sentence end or the limit, collapsing runs of white space.
  public static func make(from plainText: String) -> String {
    var sentence = ""
    var count = 0
    var pendingSpace = false
    var index = plainText.startIndex
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
      let atEnd = index == plainText.endIndex || plainText[index].isWhitespace
      if sentenceEnds.contains(c), wideEnds.contains(c) || atEnd { return sentence }
    }
    return count > limit ? cut(sentence) : sentence
  }

  private static func cut(_ sentence: String) -> String {
    let head = sentence.prefix(limit - 1)
    if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > limit / 2 {
      return String(head[..<space]) + "…"
    }
    return String(head) + "…"
  }
}
