/// Markup that is safe to place in a page as it is.
///
/// This is the one place HRIndex escapes text for HTML: every string from content becomes `HTML`
/// through `init(escaping:)`; only cmark's safe-mode output and the generator's own markup use
/// `init(trusted:)`. Templates may print a value unescaped (`{{{…}}}`) only when it is `HTML`.
public struct HTML: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(escaping text: String) { rawValue = HTML.escape(text) }
  public init(trusted markup: String) { rawValue = markup }

  public var description: String { rawValue }

  public static func + (a: HTML, b: HTML) -> HTML { HTML(trusted: a.rawValue + b.rawValue) }

  /// Replaces the five characters that can open markup or end an attribute value.
  public static func escape(_ text: String) -> String {
    var needs = false
    for byte in text.utf8 where byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 {
      needs = true
      break
    }
    guard needs else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
