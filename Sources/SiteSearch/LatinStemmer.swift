/// The stemmer of a text's Latin-script words, chosen by the text's language: Snowball French
/// for "fr", Snowball Spanish for "es", Porter2 English (after irregular plurals) for any other.
/// Cyrillic and Arabic words take the Russian and Arabic stemmers whatever the language.
///
/// French and Spanish stemming relies on accents, which the tokenizer folds away: for those two
/// the text is normalized with the letters in `accented` kept (`Tokenizer.normalize(_:keepingAccents:)`),
/// a word of a-z and those letters is stemmed as written, and the stem is then folded like any
/// text. Every other word gets the term it has in an English text, so the three stemmers give
/// the same tokens at the same positions and differ only in the terms of such words.
enum LatinStemmer: Int, CaseIterable, Sendable {
  case english, french, spanish

  init(language: String) {
    switch language.split(separator: "-").first?.lowercased() {
    case "fr": self = .french
    case "es": self = .spanish
    default: self = .english
    }
  }

  /// True when the text keeps `accented` letters until its words are stemmed.
  var keepsAccents: Bool { self != .english }

  /// The accented lower-case letters the French and Spanish algorithms know.
  static let accented = Set("àâçèéêëîïôùûáíóúüñ".unicodeScalars)
  /// The combining marks NFC may join with a letter into one of `accented`.
  static let composingMarks: Set<UInt32> = [0x300, 0x301, 0x302, 0x303, 0x308, 0x327]

  /// The letter of `accented` that `scalar` is in lower case, if it is one.
  static func kept(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    if accented.contains(scalar) { return scalar }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    guard lower.count == 1, let first = lower.first, accented.contains(first) else { return nil }
    return first
  }

  /// The index term of one word run of a text normalized for this stemmer.
  func term(of word: String) -> String {
    guard keepsAccents else { return Tokenizer.wordTerm(word) }
    let isLatin = !word.isEmpty && word.unicodeScalars.allSatisfy { ($0.value >= 0x61 && $0.value <= 0x7A) || Self.accented.contains($0) }
    guard isLatin else { return Tokenizer.wordTerm(Self.folded(word)) }
    return Self.folded(self == .french ? FrenchStemmer.stem(word) : SpanishStemmer.stem(word))
  }

  /// `text` normalized the ordinary way (accents folded).
  static func folded(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: Tokenizer.normalize(text))
    return String(out)
  }
}

extension Tokenizer {
  static func tokenize(_ text: String, language: String) -> [Token] {
    tokenize(text, stemmer: LatinStemmer(language: language))
  }

  static func tokenize(_ text: String, stemmer: LatinStemmer) -> [Token] {
    var state = TokenizerState()
    var raw: [RawToken] = []
    state.tokenize(text, startingAt: 0, into: &raw, stemmer: stemmer)
    return raw.map {
      Token(term: state.terms.string($0.term), position: Int($0.position), span: Int($0.span), tail: $0.tail)
    }
  }

  /// The normalized scalars of `text`; with `keepingAccents`, the letters of
  /// `LatinStemmer.accented` (in any case, composed or not) stay, in lower case. Folding those
  /// letters gives `normalize(text)`.
  static func normalize(_ text: String, keepingAccents: Bool) -> [Unicode.Scalar] {
    guard keepingAccents else { return normalize(text) }
    var out: [Unicode.Scalar] = []
    var run = String.UnicodeScalarView()
    for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
      if let kept = LatinStemmer.kept(scalar) {
        out += normalize(String(run))
        out.append(kept)
        run = String.UnicodeScalarView()
      } else {
        run.append(scalar)
      }
    }
    return out + normalize(String(run))
  }
}
