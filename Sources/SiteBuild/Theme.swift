import Foundation
import SiteCore
import SiteDefaults
import SiteFiles
import SiteTemplates

/// The templates, UI strings and static assets a build renders with: the site's own folders
/// where given, with the default theme compiled into HRIndex filling in whatever they lack.
struct Theme {
  var templates: [String: (path: String, text: String)] = [:]
  var strings: [String: (path: String, text: String)] = [:]
  /// Output path (relative) → where its bytes come from.
  var assets: [String: Asset] = [:]

  enum Asset {
    case file(String)
    case embedded(String)
  }

  static func load(templates: String?, publicFolder: String?) -> (Theme, [Diagnostic]) {
    var theme = Theme()
    var problems: [Diagnostic] = []
    for (name, text) in DefaultFiles.templates {
      theme.add(name: name, path: "(default theme)/Templates/\(name)", text: text)
    }
    for (name, text) in DefaultFiles.assets { theme.assets[name] = .embedded(text) }
    if let templates {
      let loader = ContentLoader(root: templates)
      let listing = loader.list("", suffix: "", recursive: true)
      problems += listing.problems  // with no suffix to miss, these are the symbolic links skipped
      for name in listing.files {
        guard name.hasSuffix(".mustache") || name.hasPrefix("strings/") else { continue }
        switch loader.read(name) {
        case .success(let file): theme.add(name: name, path: file.path, text: file.text)
        case .failure(let problem): problems.append(problem)
        }
      }
    }
    if let publicFolder {
      let loader = ContentLoader(root: publicFolder)
      let listing = loader.list("", suffix: "")
      problems += listing.problems
      for name in listing.files { theme.assets[name] = .file(publicFolder + "/" + name) }
    }
    return (theme, problems)
  }

  private mutating func add(name: String, path: String, text: String) {
    if name.hasSuffix(".mustache") {
      templates[String(name.dropLast(".mustache".count))] = (path, text)
    } else if name.hasPrefix("strings/"), name.hasSuffix(".yml") {
      strings[String(name.dropFirst("strings/".count).dropLast(".yml".count))] = (path, text)
    }
  }

  /// The UI strings of each of `languages`, with English filling any gap.
  func uiStrings(for languages: [String], _ problems: inout [Diagnostic]) -> [String: UIStrings] {
    var byLanguage: [String: UIStrings] = [:]
    for language in languages {
      let (strings, found) = uiStrings(language)
      byLanguage[language] = strings
      problems += found
    }
    return byLanguage
  }

  /// The UI strings for `language`, with English filling any gap.
  func uiStrings(_ language: String) -> (UIStrings, [Diagnostic]) {
    var problems: [Diagnostic] = []
    func decode(_ lang: String) -> UIStrings? {
      guard let file = strings[lang] else { return nil }
      switch UIStrings.decode(language: lang, path: file.path, text: file.text) {
      case .success(let s): return s
      case .failure(let e):
        problems += e.diagnostics
        return nil
      }
    }
    let english = decode("en") ?? UIStrings(language: "en", values: [:])
    guard language != "en" else { return (english, problems) }
    guard let mine = decode(language) else {
      problems.append(.warning(at: nil, field: "language", "no strings/\(language).yml in the theme: the interface is in English"))
      return (UIStrings(language: language, values: english.values), problems)
    }
    return (mine.merged(over: english), problems)
  }
}
