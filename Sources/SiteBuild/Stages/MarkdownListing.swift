import Foundation
import SiteCore
import SiteFiles
import SiteMarkdown

/// Translations of recommendation texts: `x.fr.md` beside `x.md` holds the French text of the
/// recommendation in `x.md`, whose front matter it shares. It may have a front matter of its own
/// with a translated `title`; nothing else is read from it.
enum TranslationFiles {
  /// The part of a file name that names a translation's language: `x.fr.md` → (`x.md`, `fr`).
  static func original(of path: String, among files: Set<String>) -> (original: String, language: String)? {
    TranslationPath.original(of: path, among: files)
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
    let listing = tree.listing(loader, folder: "recommendations", suffix: ".md")
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

