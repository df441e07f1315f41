import SiteCore

/// Where each language of a site lives: the first language at the root, every other one in a
/// folder named by its code (`fr/`, `zh/`), so links stay stable when languages are added.
public enum LanguageTree {
  public static func prefix(of language: String, in config: SiteConfig) -> String {
    language == config.languages.first ? "" : language + "/"
  }

  /// Each language's name in that language, for the language switcher.
  static let endonyms: [String: String] = [
    "en": "English", "fr": "Français", "es": "Español", "ru": "Русский", "zh": "中文", "ar": "العربية",
    "pt": "Português", "de": "Deutsch", "it": "Italiano", "sw": "Kiswahili", "hi": "हिन्दी", "ja": "日本語",
  ]

  public static func endonym(_ language: String) -> String { endonyms[language] ?? language }
}

extension PageContextBuilder {
  /// Links to this page in every language of the site.
  func languageLinks(_ folder: String) -> TemplateValue {
    guard model.config.languages.count > 1, folder != "404.html" else { return .list([]) }
    let root = root(for: folder)
    return .list(model.config.languages.map { code in
      [
        "code": .text(code), "name": .text(LanguageTree.endonym(code)), "dir": .text(LanguageFormat.direction(code)),
        .href: .text(root + LanguageTree.prefix(of: code, in: model.config) + folder), .current: .flag(code == language),
      ]
    })
  }

  /// `<link rel="alternate" hreflang>` targets: absolute with a base URL, else relative.
  func alternates(_ folder: String) -> TemplateValue {
    guard model.config.languages.count > 1, folder != "404.html" else { return .list([]) }
    let start = model.config.baseURL ?? root(for: folder)
    return .list(model.config.languages.map { code in
      ["hreflang": .text(code), .href: .text(start + LanguageTree.prefix(of: code, in: model.config) + folder)]
    })
  }
}
