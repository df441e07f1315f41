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
}

/// The Markdown files below `recommendations/`, sorted, each with its entry in the listing and
/// its part: a recommendation, or a translation of one.
struct MarkdownListing {
  var files: [String]
  /// Per file, its entry in the `SourceTree`.
  var entries: [Int]
  /// Indexes into `files` of the recommendations.
  var originals: [Int]
  /// Indexes into `files` of the translations, with their original's index and language.
  var translations: [(file: Int, original: Int, language: String)]
  var problems: [Diagnostic]

  init(_ tree: SourceTree, _ loader: ContentLoader) {
    let listing = tree.markdownListing(loader, folder: "recommendations")
    (files, entries, problems) = (listing.files, listing.entries, listing.problems)
    let all = Set(files)
    var position: [String: Int] = [:]
    originals = []
    translations = []
    var found: [(Int, String, String)] = []
    for (k, path) in files.enumerated() {
      if let (original, language) = TranslationFiles.original(of: path, among: all) {
        found.append((k, original, language))
      } else {
        originals.append(k)
        position[path] = k
      }
    }
    translations = found.compactMap { k, original, language in position[original].map { (k, $0, language) } }
  }
}

extension SiteBuilder {
  /// Reads every translation, keyed by the original's path as messages show it, then by language.
  static func decodeTranslations(_ inputs: Inputs, _ listing: MarkdownListing, _ report: inout BuildReport,
                                 _ draft: inout BuildState) -> [String: [String: RenderedText]] {
    var result: [String: [String: RenderedText]] = [:]
    for translation in listing.translations {
      let path = listing.files[translation.file]
      let entry = listing.entries[translation.file]
      draft.position[entry] = Int32(listing.entries[translation.original])
      if !inputs.config.languages.contains(translation.language) {
        draft.roles[entry] = BuildState.Role.foreignTranslation.rawValue
        report.diagnostics.append(foreignTranslationWarning(inputs, path, translation.language))
        continue
      }
      switch inputs.loader.read(path) {
      case .failure(let problem): report.diagnostics.append(problem)
      case .success(let file):
        if let text = decodeTranslation(file, &report.diagnostics) {
          result[inputs.loader.display(listing.files[translation.original]), default: [:]][translation.language] = text
          draft.roles[entry] = BuildState.Role.translation.rawValue
          (draft.contentHash[entry], draft.titleHash[entry]) = (ContentHash.of(file.text), ContentHash.of(text.title))
        }
      }
    }
    return result
  }

  static func foreignTranslationWarning(_ inputs: Inputs, _ path: String, _ language: String) -> Diagnostic {
    .warning(at: SourceLocation(path: inputs.loader.display(path)),
      "a translation into \(language), which is not one of the site's languages, is ignored",
      notes: ["site.yml has languages: [\(inputs.config.languages.joined(separator: ", "))]"])
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
