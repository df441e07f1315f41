/// The default title of a recommendation: its first sentence, cut at 120 characters.
public enum Headline {
  public static let limit = 120
  static let sentenceEnds: Set<Character> = [".", "!", "?", "。", "！", "？", "؟", "।"]
  static let wideEnds: Set<Character> = ["。", "！", "？"]

  public static func make(from plainText: String) -> String {
    let text = plainText.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    var sentence = text
    var index = text.startIndex
    while index < text.endIndex {
      let c = text[index]
      let next = text.index(after: index)
      if sentenceEnds.contains(c), wideEnds.contains(c) || next == text.endIndex || text[next] == " " {
        sentence = String(text[..<next])
        break
      }
      index = next
    }
    guard sentence.count > limit else { return sentence }
    let cut = sentence.prefix(limit - 1)
    if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
      return String(cut[..<space]) + "…"
    }
    return String(cut) + "…"
  }
}
