import Foundation
import SiteCore
import SiteMarkdown

/// Translations of recommendation texts: `x.fr.md` beside `x.md` holds the French text of the
/// recommendation in `x.md`, whose front matter it shares. It may have a front matter of its own
/// with a translated `title`; nothing else is read from it.
enum TranslationFiles {
  /// The part of a file name that names a translation's language: `x.fr.md` → (`x.md`, `fr`).
  static func original(of path: String, among files: Set<String>) -> (original: String, language: String)? {
    guard path.hasSuffix(".md") else { return nil }
    let stem = path.dropLast(3)
    guard let dot = stem.lastIndex(of: "."), !stem[..<dot].hasSuffix("/") else { return nil }
    let language = String(stem[stem.index(after: dot)...])
    let original = String(stem[..<dot]) + ".md"
    guard LanguageCode.isValid(language), files.contains(original) else { return nil }
    return (original, language)
  }

  /// The files that are recommendations, not translations.
  static func originals(in files: [String]) -> [String] {
    let all = Set(files)
    return files.filter { original(of: $0, among: all) == nil }
  }

  static func translations(in files: [String]) -> [(path: String, original: String, language: String)] {
    let all = Set(files)
    return files.compactMap { path in original(of: path, among: all).map { (path, $0.original, $0.language) } }
  }
}

extension SiteBuilder {
  /// Reads every translation, keyed by the original's path as messages show it, then by language.
  static func decodeTranslations(_ inputs: Inputs, _ configuration: BuildConfiguration,
                                 _ report: inout BuildReport) -> [String: [String: RenderedText]] {
    let files = inputs.loader.list("recommendations", suffix: ".md").files
    var result: [String: [String: RenderedText]] = [:]
    for translation in TranslationFiles.translations(in: files) {
      if !inputs.config.languages.contains(translation.language) {
        report.diagnostics.append(.warning(at: SourceLocation(path: inputs.loader.display(translation.path)),
          "a translation into \(translation.language), which is not one of the site's languages, is ignored",
          notes: ["site.yml has languages: [\(inputs.config.languages.joined(separator: ", "))]"]))
        continue
      }
      switch inputs.loader.read(translation.path) {
      case .failure(let problem): report.diagnostics.append(problem)
      case .success(let file):
        if let text = decodeTranslation(file, &report.diagnostics) {
          result[inputs.loader.display(translation.original), default: [:]][translation.language] = text
        }
      }
    }
    return result
  }

  static func decodeTranslation(_ file: SourceFile, _ diagnostics: inout [Diagnostic]) -> RenderedText? {
    var body = file.text
    var title: String?
    if file.text.hasPrefix("---") || file.text.hasPrefix("\u{FEFF}---") {
      switch FrontMatterSplitter.split(file) {
      case .failure(let problem):
        diagnostics.append(problem)
        return nil
      case .success(let split):
        body = split.body
        title = FreePageDecoder.optionalTitle(split, &diagnostics)
      }
    }
    let rendered = CMarkRenderer.render(body, headingShift: 1)
    let text = RenderedText(title: title ?? Headline.make(from: rendered.plainText), html: rendered.html, plainText: rendered.plainText)
    guard !text.title.isEmpty else {
      diagnostics.append(.error(at: SourceLocation(path: file.path), field: "title", "the translation has no text"))
      return nil
    }
    return text
  }
}
