import SiteCore

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

  /// A number of tenths with its one decimal, grouped like `number`: 12.5 (en, zh), 12,5 (fr, es, ru).
  public static func tenths(_ tenths: Int, _ language: String) -> String {
    let decimal = ["fr", "es", "ru"].contains(String(language.prefix(2))) ? "," : "."
    return number(tenths / 10, language) + decimal + String(tenths % 10)
  }

  static let months: [String: [String]] = [
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
  ]

  /// A `YYYY-MM-DD` date as readers of the language write it: 6 July 2018, 6 juillet 2018,
  /// 6 de julio de 2018, 6 июля 2018 г., 2018年7月6日; other languages keep the ISO form.
  public static func date(_ iso: String, _ language: String) -> String {
    guard let date = CalendarDate(iso) else { return iso }
    let code = String(language.prefix(2))
    if code == "zh" || code == "ja" { return "\(date.year)年\(date.month)月\(date.day)日" }
    guard let names = months[code] else { return iso }
    let month = names[date.month - 1]
    switch code {
    case "es": return "\(date.day) de \(month) de \(date.year)"
    case "ru": return "\(date.day) \(month) \(date.year) г."
    default: return "\(date.day) \(month) \(date.year)"
    }
  }
}
