import SiteCore

/// Finds the `countries.yml` entry a country label of an export names, and how it was read.
///
/// A label matches, in this order: an entry's code or its name in any of the six languages; an
/// entry's `aliases` (`Netherlands`, `Turkey`); its ISO 3166-1 alpha-2 code, written as two
/// upper-case letters (`ES`). Footnote marks after a name (`State of Palestine*`, `Kosovo†`) are
/// removed before matching. Case, accents, stray spaces and a leading `- ` never matter.
struct CountryLabels: Sendable {
  /// How a label matched, when it was not the entry's own name or code.
  enum Reading: String, Sendable {
    case name = "name"
    case alias = "alias"
    case alpha2 = "ISO alpha-2 code"
    case footnote = "footnote mark removed"
  }

  private let names: LabelIndex
  private var aliases = LabelIndex()
  private var alpha2: [String: String] = [:]
  /// The codes of the entries that are States (or territories), not organizations.
  let states: Set<String>

  init(_ vocabulary: Vocabulary) {
    names = LabelIndex.countries(vocabulary)
    for country in vocabulary.countries {
      aliases.add(country.code.rawValue, labels: country.aliases)
      if let code = country.alpha2, alpha2[code] == nil { alpha2[code] = country.code.rawValue }
    }
    states = Set(vocabulary.countries.filter(\.isState).map(\.code.rawValue))
  }

  /// The code `label` names and how it was read; nil when nothing matches.
  func match(_ label: String) -> (code: String, reading: Reading)? {
    let clean = LabelKey.clean(label)
    if let code = names.value(for: clean) { return (code, .name) }
    if let code = aliases.value(for: clean) { return (code, .alias) }
    if clean.count == 2, clean.allSatisfy({ $0.isASCII && $0.isUppercase }), let code = alpha2[clean] { return (code, .alpha2) }
    let bare = Self.withoutFootnoteMarks(clean)
    guard bare != clean, !bare.isEmpty, let found = match(bare) else { return nil }
    return (found.code, found.reading == .name ? .footnote : found.reading)
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
