/// The files of `Vocabularies/` as compiled in, for importers: a default vocabulary's text (to
/// decode it beside a site's own files) and the label mappings in `Vocabularies/mappings/`.
extension DefaultVocabulary {
  /// The text of `path` relative to `Vocabularies/` (`countries.yml`,
  /// `mappings/upr-info-issues.yml`), or nil when HRIndex ships no such file.
  public static func file(_ path: String) -> String? { DefaultFiles.vocabularies[path] }
}
