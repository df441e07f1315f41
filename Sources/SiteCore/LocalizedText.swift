/// A name that may be given in several languages: a plain string in YAML, or `{en: …, fr: …}`.
public struct LocalizedText: Hashable, Sendable {
  /// Language code → text, in the order the file gave them.
  public private(set) var translations: [(language: String, text: String)]

  public init(_ text: String) { translations = [("", text)] }
  public init(translations: [(language: String, text: String)]) { self.translations = translations }

  /// The text in `language`, else in `fallback`, else English, else the first one given.
  public func text(in language: String, fallback: String = "en") -> String {
    if let hit = translations.first(where: { $0.language == language }) { return hit.text }
    if let hit = translations.first(where: { $0.language == fallback }) { return hit.text }
    if let hit = translations.first(where: { $0.language == "en" }) { return hit.text }
    if let plain = translations.first(where: { $0.language.isEmpty }) { return plain.text }
    return translations.first?.text ?? ""
  }

  /// Whether the name was given in `language` itself (not a fallback).
  public func has(_ language: String) -> Bool { translations.contains { $0.language == language } }

  public var all: [String] { translations.map(\.text) }

  public static func == (a: Self, b: Self) -> Bool {
    a.translations.elementsEqual(b.translations) { $0 == $1 }
  }

  public func hash(into hasher: inout Hasher) {
    for t in translations {
      hasher.combine(t.language)
      hasher.combine(t.text)
    }
  }
}
