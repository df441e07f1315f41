import SiteCore
import SiteFiles
import SiteMarkdown

/// Reads the free pages, `pages/<name>.md`: an About or Methodology page beside the index.
enum FreePageReader {
  static func read(_ content: ContentLoader, _ problems: inout [Diagnostic]) -> [FreePage] {
    let listing = content.list("pages", suffix: ".md", recursive: false)
    problems += listing.problems
    return listing.files.compactMap { page($0, content, &problems) }
  }

  private static func page(_ relative: String, _ content: ContentLoader, _ problems: inout [Diagnostic]) -> FreePage? {
    let name = String(relative.dropFirst("pages/".count).dropLast(3))
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
      return FreePage(name: name, title: title, html: CMarkRenderer.render(split.body, headingShift: 1).html)
    }
  }
}
