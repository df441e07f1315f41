/// The naming of translation files: `x.fr.md` beside `x.md` holds the French text of the
/// recommendation in `x.md` (the build, the follow-up sheet and the importers read them alike).
public enum TranslationPath {
  /// The part of a file name that names a translation's language: `x.fr.md` → (`x.md`, `fr`).
  public static func original(of path: String, among files: Set<String>) -> (original: String, language: String)? {
    guard path.hasSuffix(".md") else { return nil }
    let stem = path.dropLast(3)
    guard let dot = stem.lastIndex(of: "."), !stem[..<dot].hasSuffix("/") else { return nil }
    let language = String(stem[stem.index(after: dot)...])
    let original = String(stem[..<dot]) + ".md"
    guard LanguageCode.isValid(language), files.contains(original) else { return nil }
    return (original, language)
  }
}
