import Foundation

/// The order of names in a language, as UN lists order them: the language's collation (ICU, through
/// Foundation) — Chinese by pinyin, Russian with ё beside е, accents after plain letters in French
/// and Spanish — and, in Arabic, hamza forms of alif as alif and the article ال ignored
/// (أذربيجان، الأرجنتين، الأردن، أرمينيا…). Ties fall back to the key, so the order is total.
enum NameCollation {
  /// `items` (key, name) in the order of their names in `language`; returns the keys.
  static func order(_ items: [(key: String, name: String)], language: String) -> [String] {
    let locale = Locale(identifier: collationLocale(language))
    let folded = items.map { (key: $0.key, name: comparable($0.name, language)) }
    return folded.sorted { a, b in
      switch a.name.compare(b.name, options: [], range: nil, locale: locale) {
      case .orderedAscending: return true
      case .orderedDescending: return false
      case .orderedSame: return a.key < b.key
      }
    }.map(\.key)
  }

  /// The ICU locale whose collation a language's lists follow.
  static func collationLocale(_ language: String) -> String {
    switch language.prefix(2) {
    case "zh": return "zh@collation=pinyin"
    default: return language
    }
  }

  /// The name as it is compared: Arabic names without their leading article.
  static func comparable(_ name: String, _ language: String) -> String {
    guard language.hasPrefix("ar") else { return name }
    return name.split(separator: " ", omittingEmptySubsequences: false).enumerated().map { i, word in
      i == 0 && word.hasPrefix("ال") && word.count > 3 ? word.dropFirst(2) : word
    }.joined(separator: " ")
  }
}
