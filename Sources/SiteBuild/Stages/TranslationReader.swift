import SiteCore
import SiteFiles
import SiteMarkdown

/// Reads the translations of recommendation texts (`x.fr.md` beside `x.md`).
struct TranslationReader {
  let content: ContentLoader
  let languages: [String]

  init(_ inputs: BuildInputs) {
    content = inputs.content
    languages = inputs.config.languages
  }

  /// Every translation of `listing` into a site language, keyed by the original's path as
  /// messages show it, then by language; with what the build state keeps of each file.
  func readAll(_ listing: MarkdownListing) -> (texts: [String: [String: RenderedText]], notes: [EntryNote], problems: [Diagnostic]) {
    var texts: [String: [String: RenderedText]] = [:]
    var notes: [EntryNote] = []
    var problems: [Diagnostic] = []
    for translation in listing.translations {
      let path = listing.files[translation.file]
      var note = EntryNote(entry: listing.entries[translation.file], role: .ignored,
        position: Int32(listing.entries[translation.original]))
      defer { notes.append(note) }
      guard languages.contains(translation.language) else {
        note.role = .foreignTranslation
        problems.append(foreignTranslationWarning(path, translation.language))
        continue
      }
      switch content.read(path) {
      case .failure(let problem): problems.append(problem)
      case .success(let file):
        guard let text = Self.decode(file, &problems) else { continue }
        texts[content.display(listing.files[translation.original]), default: [:]][translation.language] = text
        (note.role, note.contentHash, note.titleHash) = (.translation, ContentHash.of(file.text), ContentHash.of(text.title))
      }
    }
    return (texts, notes, problems)
  }

  func foreignTranslationWarning(_ path: String, _ language: String) -> Diagnostic {
    .warning(at: SourceLocation(path: content.display(path)),
      "a translation into \(language), which is not one of the site's languages, is ignored",
      notes: ["site.yml has languages: [\(languages.joined(separator: ", "))]"])
  }

  static func decode(_ file: SourceFile, _ diagnostics: inout [Diagnostic]) -> RenderedText? {
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
