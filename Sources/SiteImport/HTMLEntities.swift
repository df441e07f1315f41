/// Decodes HTML character references: numeric ones (`&#40;`, `&#x2019;`) and the named ones
/// exports use. An unknown or malformed reference stays as it is.
public enum HTMLEntities {
  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    "ndash": "\u{2013}", "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
    "rdquo": "\u{201D}", "hellip": "\u{2026}", "bull": "\u{2022}", "middot": "\u{B7}", "laquo": "\u{AB}",
    "raquo": "\u{BB}", "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â",
    "iacute": "í", "oacute": "ó", "ocirc": "ô", "uacute": "ú", "ccedil": "ç", "ntilde": "ñ", "ouml": "ö",
    "uuml": "ü", "auml": "ä", "euml": "ë", "iuml": "ï", "szlig": "ß", "Eacute": "É", "deg": "°", "sect": "§",
    "para": "¶", "copy": "©", "reg": "®", "euro": "€", "shy": "\u{AD}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
  ]

  public static func decode(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      rest = rest[amp...]
      if let semicolon = rest.prefix(34).firstIndex(of: ";"), let decoded = reference(rest[rest.index(after: amp)..<semicolon]) {
        out += decoded
        rest = rest[rest.index(after: semicolon)...]
      } else {
        out += "&"
        rest = rest.dropFirst()
      }
    }
    return out + rest
  }

  private static func reference(_ name: Substring) -> String? {
    guard name.first == "#" else { return named[String(name)] }
    let digits = name.dropFirst()
    let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
    guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
    return String(Character(scalar))
  }
}
