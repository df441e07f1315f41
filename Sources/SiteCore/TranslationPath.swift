/// The naming of translation files: `x.fr.md` beside `x.md` holds the French text of the
/// recommendation in `x.md` (the build, the follow-up sheet and the importers read them alike;
/// the free pages, `pages/<name>.<language>.md`, are named alike).
public enum TranslationPath {
  /// The part of a file name that names a translation's language: `x.fr.md` → (`x.md`, `fr`).
  public static func original(of path: String, among files: Set<String>) -> (original: String, language: String)? {
    guard let (stem, language) = split(path), !stem.hasSuffix("/") else { return nil }
    let original = String(stem) + ".md"
    guard files.contains(original) else { return nil }
    return (original, language)
  }

  /// A Markdown file's name split before its language code: `pages/about.fr.md` →
  /// (`pages/about`, `fr`); nil when the name ends in no language code (`about.md`).
  public static func split(_ path: String) -> (stem: Substring, language: String)? {
    guard path.hasSuffix(".md") else { return nil }
    let name = path.dropLast(3)
    guard let dot = name.lastIndex(of: ".") else { return nil }
    let language = String(name[name.index(after: dot)...])
    guard LanguageCode.isValid(language) else { return nil }
    return (name[..<dot], language)
  }
}
