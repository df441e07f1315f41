/// Markup that is safe to place in a page as it is.
///
/// This is the one place HRIndex escapes text for HTML: every string from content becomes `HTML`
/// through `init(escaping:)`; only cmark's safe-mode output and the charts' own markup use
/// `init(trusted:)`. Templates print a value unescaped (`{{{…}}}`, `{{& …}}`) only when it is
/// `HTML` (`TemplateValue.html`); text is escaped by every tag.
public struct HTML: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(escaping text: String) { rawValue = HTML.escape(text) }
  public init(trusted markup: String) { rawValue = markup }

  /// No markup at all: what a page part without content holds.
  public static let empty = HTML(trusted: "")

  public var description: String { rawValue }

  public static func + (a: HTML, b: HTML) -> HTML { HTML(trusted: a.rawValue + b.rawValue) }

  /// Replaces the five characters that can open markup or end an attribute value.
  public static func escape(_ text: String) -> String {
    guard text.utf8.contains(where: isSpecial) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    escape(text, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `text`, escaped, to the UTF-8 bytes `out` (the page being rendered).
  public static func escape(_ text: String, into out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for i in 0..<bytes.count where isSpecial(bytes[i]) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        switch bytes[i] {
        case 0x3C: out.append(contentsOf: "&lt;".utf8)
        case 0x3E: out.append(contentsOf: "&gt;".utf8)
        case 0x26: out.append(contentsOf: "&amp;".utf8)
        case 0x22: out.append(contentsOf: "&quot;".utf8)
        default: out.append(contentsOf: "&#39;".utf8)
        }
        start = i + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
  }

  /// `<`, `>`, `&`, `"` and `'`: bytes that never occur inside a multi-byte UTF-8 sequence.
  private static func isSpecial(_ byte: UInt8) -> Bool {
    byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
  }
}
