import Foundation
import SiteCore
import SiteFiles
import SiteTemplates

/// Everything a build reads besides the recommendation files: the site's settings, its
/// vocabularies, the theme (templates resolved and checked, interface strings), and the free pages.
struct BuildInputs {
  var content: ContentLoader
  var config: SiteConfig
  var vocabulary: Vocabulary
  var theme: Theme
  var renderer: TemplateRenderer
  /// The default language's interface text.
  var strings: UIStrings
  /// Every site language's interface text, the default one included.
  var stringsByLanguage: [String: UIStrings]
  /// The settings and vocabulary files as read (path, text), for the build state's fingerprint.
  var settings: [(path: String, text: String)]
  var pages: [FreePage] = []

  /// The interface text of `language` (the default language's when the theme has none).
  func strings(_ language: String) -> UIStrings { stringsByLanguage[language] ?? strings }

  /// Reads and checks every input; nil, with every problem found, when one cannot be used.
  static func load(_ configuration: BuildConfiguration) -> (BuildInputs?, [Diagnostic]) {
    guard isFolder(configuration.content) else {
      return (nil, [.error(at: nil, "no content folder at \(configuration.content)",
        notes: ["pass --content DIR, the folder holding site.yml and recommendations/"])])
    }
    var problems: [Diagnostic] = []
    let content = ContentLoader(root: BuildConfiguration.display(configuration.content))
    let (config, configFile) = SiteConfigReader.read(content, baseURL: configuration.baseURL, exports: configuration.exports, &problems)
    let vocabularies = VocabularyLoader(content: content).loadWithFiles()
    problems += vocabularies.problems
    let (theme, themeProblems) = Theme.load(templates: configuration.templatesFolder, publicFolder: configuration.publicFolderInUse)
    problems += themeProblems
    let renderer = makeRenderer(theme, &problems)
    let stringsByLanguage = theme.uiStrings(for: config?.languages ?? ["en"], &problems)
    guard let config, let vocabulary = vocabularies.vocabulary, let renderer else { return (nil, problems.sortedByLocation()) }
    let settings = (configFile.map { [$0] } ?? []) + VocabularyFile.allCases.compactMap { vocabularies.files[$0] }
    var inputs = BuildInputs(content: content, config: config, vocabulary: vocabulary, theme: theme, renderer: renderer,
      strings: stringsByLanguage[config.language] ?? UIStrings(language: "en", values: [:]),
      stringsByLanguage: stringsByLanguage, settings: settings)
    inputs.pages = FreePageReader.read(content, languages: config.languages, &problems)
    return (inputs, problems)
  }

  /// Follows a link: a content folder given as a link to a folder is read.
  private static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  private static func makeRenderer(_ theme: Theme, _ problems: inout [Diagnostic]) -> TemplateRenderer? {
    do {
      return try TemplateRenderer(templates: theme.templates)
    } catch {
      problems += error.diagnostics
      return nil
    }
  }
}

/// Reads `site.yml`, the site's settings.
enum SiteConfigReader {
  /// The settings (with `--base-url` applied) and the file as read, for the fingerprint.
  static func read(
    _ content: ContentLoader, baseURL: String?, exports: ExportSettings?, _ problems: inout [Diagnostic]
  ) -> (SiteConfig?, (path: String, text: String)?) {
    guard content.exists("site.yml") else {
      problems.append(.error(at: SourceLocation(path: content.display("site.yml")), "missing site settings",
        notes: ["create site.yml with at least: title: My index"]))
      return (nil, nil)
    }
    let file: SourceFile
    switch content.read("site.yml") {
    case .failure(let problem):
      problems.append(problem)
      return (nil, nil)
    case .success(let read): file = read
    }
    let (decoded, decodeProblems) = SiteConfig.decode(path: file.path, text: file.text)
    problems += decodeProblems
    guard var config = decoded else { return (nil, (file.path, file.text)) }
    if let url = baseURL { config.baseURL = url.hasSuffix("/") ? url : url + "/" }
    if let exports { config.exports = exports }
    return (config, (file.path, file.text))
  }
}
