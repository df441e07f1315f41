import SiteCore

/// The vocabularies compiled into HRIndex, for tools that decode recommendations without a
/// content folder (the fuzzer, importers).
public enum DefaultVocabulary {
  /// The five default vocabulary files, decoded.
  public static func load() -> Vocabulary {
    var files: [VocabularyFile: (path: String, text: String)] = [:]
    for kind in VocabularyFile.allCases {
      files[kind] = ("(default)/vocabularies/\(kind.fileName)", DefaultFiles.vocabularies[kind.fileName] ?? "")
    }
    // DefaultVocabularyTests keeps the shipped files valid, so a failure here is our bug.
    guard let vocabulary = try? VocabularyDecoder().decode(files).get() else {
      preconditionFailure("the default vocabularies do not decode")
    }
    return vocabulary
  }
}
