/// Writing direction and number formatting for a page language.
public enum LanguageFormat {
  static let rightToLeft: Set<String> = ["ar", "he", "fa", "ur", "ps", "dv", "yi"]

  public static func direction(_ language: String) -> String {
    rightToLeft.contains(String(language.prefix { $0 != "-" })) ? "rtl" : "ltr"
  }

  /// Whole numbers with the grouping the language uses: 12,345 (en, zh), 12 345 (fr, ru), 12.345 (es).
  public static func number(_ n: Int, _ language: String) -> String {
    let separator: String
    switch language.prefix(2) {
    case "fr", "ru": separator = "\u{202F}"
    case "es": separator = n >= 10_000 ? "." : ""
    default: separator = ","
    }
    let digits = String(n)
    guard digits.count > 3, !separator.isEmpty else { return digits }
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
      out.append(c)
    }
    return out
  }
}
