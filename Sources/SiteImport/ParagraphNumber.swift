/// The paragraph number at the start of a recommendation's text, as UN documents number them:
/// `120.89 Continue…`, `47(g) Ensure…`, `47 (g) Ensure…`, `4.The Committee…`, `18. Recommends…`.
enum ParagraphNumber {
  /// The number (spaces before a bracket removed) and the text after it, without the `.`, `)`
  /// or `:` that may follow the number; nil when the text does not start with a number.
  static func split(_ text: String) -> (paragraph: String, rest: String)? {
    // The number is within the first few characters: only those are split into Characters.
    let chars = Array(text.prefix(64))
    var i = 0
    var number = ""
    guard let first = digits(chars, &i) else { return nil }
    number += first
    while i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCII, chars[i + 1].isNumber {
      i += 1
      number += "." + (digits(chars, &i) ?? "")
    }
    while let bracket = letterInBrackets(chars, from: i) {
      number += "(" + bracket.label + ")"
      i = bracket.end
    }
    if i < chars.count, chars[i].isLetter || chars[i].isNumber { return nil }
    while i < chars.count, chars[i] == "." || chars[i] == ")" || chars[i] == ":" { i += 1 }
    let rest = MarkdownText.collapseSpaces(text.dropFirst(i))
    return (number, rest)
  }

  /// One to four ASCII digits at `i`.
  private static func digits(_ chars: [Character], _ i: inout Int) -> String? {
    var found = ""
    while i < chars.count, found.count < 5, chars[i].isASCII, chars[i].isNumber {
      found.append(chars[i])
      i += 1
    }
    return (1...4).contains(found.count) ? found : nil
  }

  /// `(g)`, `(iv)`, `(2)` at `i`, after at most one space: up to five letters or two digits.
  private static func letterInBrackets(_ chars: [Character], from start: Int) -> (label: String, end: Int)? {
    var i = start
    if i < chars.count, chars[i] == " " { i += 1 }
    guard i < chars.count, chars[i] == "(" else { return nil }
    var label = ""
    i += 1
    while i < chars.count, label.count <= 5, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber {
      label.append(chars[i])
      i += 1
    }
    let letters = label.allSatisfy(\.isLetter)
    guard letters ? label.count <= 5 : (1...2).contains(label.count) && label.allSatisfy(\.isNumber),
      i < chars.count, chars[i] == ")"
    else { return nil }
    return (label, i + 1)
  }
}
