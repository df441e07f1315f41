import Foundation
import SiteCore
import SiteFiles
import SiteMarkdown

/// The Markdown files below `recommendations/`, sorted, each with its entry in the listing and
/// its part: a recommendation, or a translation of one. A translation, `x.fr.md` beside `x.md`
/// (`TranslationPath`), holds the French text of the recommendation in `x.md`, whose front matter
/// it shares; it may have a front matter of its own with a translated `title`, and nothing else
/// is read from it.
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
      if let (original, language) = TranslationPath.original(of: path, among: all) {
        found.append((k, original, language))
      } else {
        originals.append(k)
        position[path] = k
      }
    }
    translations = found.compactMap { k, original, language in position[original].map { (k, $0, language) } }
  }
}

