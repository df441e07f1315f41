import Foundation
import SiteCore

/// Finds the `countries.yml` entry a country label of an export names, and how it was read.
///
/// A label matches, in this order: an entry's code or its short name in any of the six
/// languages (or a name the caller adds, such as UPR Info's table); an entry's `aliases`
/// (`Netherlands`, `Turkey`); its UN formal name in any of the six languages (`Plurinational
/// State of Bolivia`, `多民族玻利维亚国`); its ISO 3166-1 alpha-2 code, written as two upper-case
/// letters (`ES`). Footnote marks after a name (`State of Palestine*`, `Kosovo†`) are removed
/// before matching, and so is the article UNTERM writes before a formal name or after a short
/// one (`the Plurinational State of Bolivia`, `l'État plurinational de Bolivie`, `Gambia
/// (the)`). Case, accents, stray spaces and a leading `- ` never matter.
struct CountryLabels: Sendable {
  /// How a label matched, when it was not the entry's own name or code.
  enum Reading: String, Sendable {
    case name = "name"
    case alias = "alias"
    case formal = "formal name"
    case alpha2 = "ISO alpha-2 code"
    case footnote = "footnote mark removed"
    case article = "article removed"
  }

  private var names: LabelIndex
  private var aliases = LabelIndex()
  private var formal = LabelIndex()
  private var alpha2: [String: String] = [:]
  /// The codes of the entries that are States (or territories), not organizations.
  let states: Set<String>

  /// The entries of `vocabulary`, and `moreNames` (label → code, sorted by label) read as names.
  init(_ vocabulary: Vocabulary, moreNames: [(label: String, code: String)] = []) {
    names = LabelIndex.countries(vocabulary)
    for (label, code) in moreNames { names.add(code, labels: [label]) }
    for country in vocabulary.countries {
      aliases.add(country.code.rawValue, labels: country.aliases)
      formal.add(country.code.rawValue, labels: country.formal?.all ?? [])
      if let code = country.alpha2, alpha2[code] == nil { alpha2[code] = country.code.rawValue }
    }
    states = Set(vocabulary.countries.filter(\.isState).map(\.code.rawValue))
  }

  /// The code `label` names and how it was read; nil when nothing matches.
  func match(_ label: String) -> (code: String, reading: Reading)? {
    let clean = LabelKey.clean(label)
    if let code = names.value(for: clean) { return (code, .name) }
    if let code = aliases.value(for: clean) { return (code, .alias) }
    if let code = formal.value(for: clean) { return (code, .formal) }
    if clean.count == 2, clean.allSatisfy({ $0.isASCII && $0.isUppercase }), let code = alpha2[clean] { return (code, .alpha2) }
    let bare = Self.withoutFootnoteMarks(clean)
    if bare != clean, !bare.isEmpty, let found = match(bare) {
      return (found.code, found.reading == .name ? .footnote : found.reading)
    }
    let plain = Self.withoutArticle(clean)
    guard plain != clean, !plain.isEmpty, let found = match(plain) else { return nil }
    return (found.code, found.reading == .name ? .article : found.reading)
  }

  /// The articles UNTERM writes before formal names (`the`, `l'`, `el`…), in any letter case.
  static let leadingArticles = ["the ", "l'", "l\u{2019}", "le ", "la ", "les ", "el ", "los ", "las "]
  /// The same articles as UNTERM writes them after short names (`Gambia (the)`).
  static let trailingArticles = ["(the)", "(l')", "(l\u{2019})", "(le)", "(la)", "(les)", "(el)", "(los)", "(las)"]

  /// `label` without one leading or trailing article; `label` itself when it has none.
  static func withoutArticle(_ label: String) -> String {
    let lower = label.lowercased()
    if let article = leadingArticles.first(where: { lower.hasPrefix($0) }) {
      return String(label.dropFirst(article.count)).trimmingCharacters(in: .whitespaces)
    }
    if let article = trailingArticles.first(where: { lower.hasSuffix($0) }) {
      return String(label.dropLast(article.count)).trimmingCharacters(in: .whitespaces)
    }
    return label
  }

  /// Footnote marks that UHRI puts after some names: asterisks, daggers, superscript digits.
  static let footnoteMarks: Set<Character> = ["*", "\u{2020}", "\u{2021}", "\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2074}", "\u{2075}"]

  static func withoutFootnoteMarks(_ label: String) -> String {
    var text = Substring(label)
    while let last = text.last, footnoteMarks.contains(last) || last.isWhitespace { text = text.dropLast() }
    return String(text)
  }

  /// The State a document symbol names: the one segment after the first that is the code of a
  /// State in the vocabulary (`CRC/C/PER/CO/6-7` → PER, `A/HRC/WG.6/30/PER/1` → PER). Nil when
  /// no segment or several different ones name a State (`A/HRC/39/12` names none).
  func state(inSymbol symbol: String) -> String? {
    let segments = symbol.split(separator: "/").dropFirst().map { String($0) }
    let codes = Set(segments.filter { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isUppercase } && states.contains($0) })
    return codes.count == 1 ? codes.first : nil
  }
}
