import SiteCore
import SiteDefaults
import SiteFiles

/// The one way HRIndex reads vocabularies, for the build, the importers, the preview and the
/// generator alike: a site's own `vocabularies/<name>.yml` where it has one, HRIndex's default
/// for each file it lacks.
public struct VocabularyLoader: Sendable {
  /// The content folder (nil: the defaults alone).
  let content: ContentLoader?

  public init(content: ContentLoader?) { self.content = content }

  /// The content folder `path`, which need not exist yet (an import creates it).
  public init(contentFolder path: String) { self.init(content: ContentLoader(root: path)) }

  /// The files read — (path as messages name it, text) per vocabulary — and every problem reading them.
  public func files() -> ([VocabularyFile: (path: String, text: String)], [Diagnostic]) {
    var files: [VocabularyFile: (path: String, text: String)] = [:]
    var problems: [Diagnostic] = []
    for kind in VocabularyFile.allCases {
      let relative = "vocabularies/" + kind.fileName
      if let content, content.exists(relative) {
        switch content.read(relative) {
        case .success(let file): files[kind] = (file.path, file.text)
        case .failure(let problem): problems.append(problem)
        }
      } else if let text = Self.defaultFile(kind.fileName) {
        files[kind] = ("(default)/vocabularies/\(kind.fileName)", text)
      }
    }
    return (files, problems)
  }

  /// What was read: the files (path as messages name it, text) per vocabulary, the vocabulary
  /// when they decode, and every problem found reading or decoding them.
  public struct Loaded {
    public var files: [VocabularyFile: (path: String, text: String)]
    public var vocabulary: Vocabulary?
    public var problems: [Diagnostic]
  }

  public func loadWithFiles() -> Loaded {
    let (files, readProblems) = files()
    switch VocabularyDecoder().decode(files) {
    case .success(let vocabulary): return Loaded(files: files, vocabulary: vocabulary, problems: readProblems)
    case .failure(let error): return Loaded(files: files, vocabulary: nil, problems: readProblems + error.diagnostics)
    }
  }

  /// The vocabulary, or every problem found in its files.
  public func load() -> Result<Vocabulary, DiagnosticError> {
    let loaded = loadWithFiles()
    guard let vocabulary = loaded.vocabulary, loaded.problems.isEmpty else { return .failure(DiagnosticError(loaded.problems)) }
    return .success(vocabulary)
  }

  /// HRIndex's default vocabularies, decoded (for tools without a content folder: the fuzzer).
  public static func defaults() -> Vocabulary {
    // DefaultVocabularyTests keeps the shipped files valid, so a failure here is our bug.
    guard case .success(let vocabulary) = VocabularyLoader(content: nil).load() else {
      preconditionFailure("the default vocabularies do not decode")
    }
    return vocabulary
  }

  /// The text of `path` relative to `Vocabularies/` as compiled in (`countries.yml`,
  /// `mappings/upr-info-issues.yml`), or nil when HRIndex ships no such file.
  public static func defaultFile(_ path: String) -> String? { DefaultFiles.vocabularies[path] }
}
