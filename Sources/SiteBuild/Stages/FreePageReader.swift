import SiteCore
import SiteFiles
import SiteMarkdown

/// Reads the free pages, `pages/<name>.md`: an About or Methodology page beside the index, and
/// their versions in the site's other languages, `pages/<name>.<language>.md`.
enum FreePageReader {
  static func read(_ content: ContentLoader, languages: [String], _ problems: inout [Diagnostic]) -> [FreePage] {
    let listing = content.list("pages", suffix: ".md", recursive: false)
    problems += listing.problems
    var pages: [FreePage] = []
    var versions: [(name: String, language: String, relative: String)] = []
    for relative in listing.files {
      if let (stem, language) = TranslationPath.split(relative) {
        versions.append((String(stem.dropFirst("pages/".count)), language, relative))
      } else if let page = page(String(relative.dropFirst("pages/".count).dropLast(3)), relative, content, &problems) {
        pages.append(FreePage(name: page.name, title: page.version.title, html: page.version.html, language: languages.first ?? "en"))
      }
    }
    for v in versions {
      guard let i = pages.firstIndex(where: { $0.name == v.name }) else {
        problems.append(.error(at: SourceLocation(path: content.display(v.relative)),
          "\(v.name).\(v.language).md translates a page that does not exist", notes: ["add pages/\(v.name).md, the original"]))
        continue
      }
      guard languages.contains(v.language), v.language != pages[i].language else {
        problems.append(.error(at: SourceLocation(path: content.display(v.relative)),
          "\"\(v.language)\" is not one of the site's other languages",
          notes: ["languages in site.yml: \(languages.joined(separator: ", ")); the original \(v.name).md is in \(pages[i].language)"]))
        continue
      }
      if let read = page(v.name, v.relative, content, &problems) { pages[i].translations[v.language] = read.version }
    }
    return pages
  }

  private static func page(
    _ name: String, _ relative: String, _ content: ContentLoader, _ problems: inout [Diagnostic]
  ) -> (name: String, version: FreePage.Version)? {
    guard Slug.isValid(name), !Route.reservedNames.contains(name) else {
      problems.append(.error(at: SourceLocation(path: content.display(relative)), "a free page cannot be named \"\(name)\"",
        notes: [Route.reservedNames.contains(name) ? "HRIndex writes its own pages at /\(name)/"
          : "name it with lower-case letters, digits and dashes, such as \(Slug.make(name)).md"]))
      return nil
    }
    switch content.read(relative).flatMap({ FrontMatterSplitter.split($0) }) {
    case .failure(let problem):
      problems.append(problem)
      return nil
    case .success(let split):
      guard let title = FreePageDecoder.title(split, &problems) else { return nil }
      return (name, FreePage.Version(title: title, html: CMarkRenderer.render(split.body, headingShift: 1).html))
    }
  }
}
