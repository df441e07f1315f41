import Foundation

/// One index token: a term at a position in the token stream.
struct Token: Equatable, Sendable {
  var term: String
  var position: Int
  /// For a compound ("a-hrc-39-6"): the number of word runs it joins; otherwise 0.
  var span: Int = 0
  /// The last character of a CJK run, indexed alone so that every character starts a token.
  var tail: Bool = false

  /// The compact form of the shared test vectors: term@pos, term@pos+span, term@pos*.
  var formatted: String {
    "\(term)@\(position)" + (span > 0 ? "+\(span)" : "") + (tail ? "*" : "")
  }
}

/// The search tokenizer; the twin of `tokenize` in Public/search/search.js.
///
/// - Text is normalized: NFKD, lower case, nonspacing marks (except the kana voicing marks and
///   the breve of й) and
///   format characters removed, a few letters folded (ß→ss, ø→o, final σ, Arabic alef, ya and
///   ta marbuta forms, Arabic-Indic digits...), then NFC.
/// - A run of letters, digits and marks is a word; an a-z word becomes its irregular-plural
///   lemma and then its Porter2 stem, a Cyrillic (а-я) word its Snowball Russian stem, an
///   Arabic word its light stem (`ArabicStemmer`). In a French or Spanish text
///   (`tokenize(_:language:)`), a word of a-z and accented letters takes its Snowball French or
///   Spanish stem instead, stemmed with its accents and folded afterwards (`LatinStemmer`).
/// - Word runs joined only by `/ . - ( ) _ :` form a group; a group of two or more runs with an
///   ASCII digit also yields a compound token, the raw runs joined by "-" ("A/HRC/39/6" →
///   "a-hrc-39-6"), at the first run's position.
/// - A run of Han or kana yields overlapping bigrams and its last character as a tail token.
/// - Tokens longer than 64 scalars are dropped; their positions still count.
///
/// `TokenizerState` is the implementation; it hands out term ids instead of strings.
enum Tokenizer {
  static let maxTokenLength = 64

  static func tokenize(_ text: String) -> [Token] {
    var state = TokenizerState()
    var raw: [RawToken] = []
    state.tokenize(text, startingAt: 0, into: &raw)
    return raw.map {
      Token(term: state.terms.string($0.term), position: Int($0.position), span: Int($0.span), tail: $0.tail)
    }
  }

  /// The normalized scalars of `text` (the definition; `TokenizerState` caches it per scalar).
  static func normalize(_ text: String) -> [Unicode.Scalar] {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return text.utf8.map { Unicode.Scalar($0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0) }
    }
    let lowered = text.decomposedStringWithCompatibilityMapping.lowercased()
    var folded = String.UnicodeScalarView()
    for scalar in lowered.unicodeScalars {
      // The breve of й stays (Russian й is a letter of its own; NFC composes it back).
      if scalar.value == 0x306 && folded.last == "\u{438}" { folded.append(scalar) } else { fold(scalar, into: &folded) }
    }
    return Array(String(folded).precomposedStringWithCanonicalMapping.unicodeScalars)
  }

  private static func fold(_ scalar: Unicode.Scalar, into out: inout String.UnicodeScalarView) {
    let v = scalar.value
    if v == 0x3099 || v == 0x309A {
      out.append(scalar)
      return
    }
    let category = scalar.properties.generalCategory
    if category == .nonspacingMark || category == .format { return }
    if (0x660...0x669).contains(v) || (0x6F0...0x6F9).contains(v) {
      let digit = v >= 0x6F0 ? v - 0x6F0 : v - 0x660
      out.append(Unicode.Scalar(UInt8(48 + digit)))
      return
    }
    if let replacement = folds[v] {
      out.append(contentsOf: replacement.unicodeScalars)
      return
    }
    out.append(scalar)
  }

  static let folds: [UInt32: String] = [
    0xDF: "ss", 0x3C2: "\u{3C3}", 0x131: "i", 0xF8: "o", 0x111: "d", 0xF0: "d",
    0x142: "l", 0x127: "h", 0xFE: "th", 0xE6: "ae", 0x153: "oe", 0x167: "t",
    0x2BC: "'", 0x2019: "'", 0x2018: "'",
    0x671: "\u{627}", 0x672: "\u{627}", 0x673: "\u{627}", 0x675: "\u{627}",
    0x649: "\u{64A}", 0x6CC: "\u{64A}", 0x629: "\u{647}", 0x6A9: "\u{643}", 0x640: "",
  ]

  static let irregular: [String: String] = [
    "women": "woman", "men": "man", "children": "child", "people": "person",
    "peoples": "person", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "geese": "goose", "oxen": "ox", "criteria": "criterion", "phenomena": "phenomenon",
    "wives": "wife", "lives": "life", "knives": "knife", "spokeswomen": "spokeswoman",
    "spokesmen": "spokesman", "chairwomen": "chairwoman", "chairmen": "chairman",
  ]

  /// The index term of one normalized word run.
  static func wordTerm(_ word: String) -> String {
    if RussianStemmer.takes(word) { return RussianStemmer.stem(word) }
    if ArabicStemmer.takes(word) { return ArabicStemmer.stem(word) }
    guard !word.isEmpty, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
    return EnglishStemmer.stem(irregular[word] ?? word)
  }

  /// True when NFC may compose `s` with the scalar before it (a mark or a conjoining jamo): a
  /// text with such a scalar after folding is normalized as a whole, not scalar by scalar.
  static func composes(_ s: Unicode.Scalar) -> Bool {
    if (0x1100...0x11FF).contains(s.value) { return true }
    switch s.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }
}

/// A token as the indexer sees it: `term` is an id in the worker's `TokenizerState.terms`.
struct RawToken: Sendable {
  var term: Int32
  var position: Int32
  /// Number of word runs a compound joins; 0 for anything else.
  var span: Int32
  var tail: Bool
}
