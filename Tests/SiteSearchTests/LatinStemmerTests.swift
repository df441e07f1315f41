import Foundation
import Testing

@testable import SiteSearch

@Suite("French and Spanish texts in the tokenizer")
struct LatinStemmerTests {
  static func samples() throws -> [String] {
    var samples = try Fixtures.vectors().tokenize.map(\.input)
    samples += try Fixtures.documents().flatMap { [$0.text] + $0.translations.map(\.text) }
    samples += [
      "ÉGALITÉ e\u{301}galite\u{301} Ñandú", "ä\u{306} и\u{306} ç\u{327}", "Œuvre, cœur, L'Haÿ", "ｶﾞｲﾄﾞ ﬁ",
      "niñas NIÑAS nin\u{303}as", "Protección — A/HRC/39/6 (é)", "ΣΊΣΥΦΟΣ İIıi",
    ]
    return samples
  }

  @Test("normalizes with accents kept scalar by scalar exactly as the whole-string definition does")
  func fastPathKeepingAccents() throws {
    var state = TokenizerState()
    for text in try Self.samples() {
      for stemmer in LatinStemmer.allCases {
        #expect(state.normalized(text, stemmer: stemmer) == Tokenizer.normalize(text, keepingAccents: stemmer.keepsAccents), "\(text)")
      }
    }
  }

  @Test("keeps only the accents: folding the kept letters gives the ordinary normalization")
  func keptAccentsFoldBack() throws {
    for text in try Self.samples() {
      let kept = Tokenizer.normalize(text, keepingAccents: true)
      let folded = kept.flatMap { LatinStemmer.accented.contains($0) ? Tokenizer.normalize(String($0)) : [$0] }
      #expect(folded == Tokenizer.normalize(text), "\(text)")
    }
  }

  @Test("gives the same tokens at the same positions in every language; only Latin words' terms differ")
  func sameTokensEveryLanguage() throws {
    for text in try Self.samples() {
      let english = Tokenizer.tokenize(text, language: "en")
      for language in ["fr", "es"] {
        let other = Tokenizer.tokenize(text, language: language)
        #expect(other.map(\.position) == english.map(\.position), "\(language): \(text)")
        #expect(other.map(\.span) == english.map(\.span) && other.map(\.tail) == english.map(\.tail), "\(language): \(text)")
        for (a, b) in zip(english, other) where a.term != b.term {
          // A differing term is a stemmed word: plain a-z, folded, no compound.
          #expect(a.span == 0 && b.term.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }, "\(language): \(a.term) \(b.term)")
        }
      }
    }
  }

  @Test("droits enfants shares its terms with droit des enfants in French; niña with niñas in Spanish")
  func doneWhenExamples() {
    let terms = { (text: String, language: String) in Set(Tokenizer.tokenize(text, language: language).map(\.term)) }
    #expect(terms("droits enfants", "fr").isSubset(of: terms("droit des enfants", "fr")))
    #expect(terms("niña", "es") == terms("niñas", "es"))
    // Porter2 leaves these apart; Snowball Spanish joins them.
    #expect(terms("protegidas", "es") == terms("proteger", "es"))
    #expect(terms("protegidas", "en") != terms("proteger", "en"))
  }

  @Test("indexes each vocabulary word under its Snowball stem, folded (held-out: words of one stem share a term)")
  func vocabularyWordsShareTerms() throws {
    let vectors = try SnowballVectors.load()
    for (language, pairs) in [("fr", vectors.stemFrench), ("es", vectors.stemSpanish)] {
      var byStem: [String: [String]] = [:]
      for pair in pairs where !pair[0].contains("'") { byStem[pair[1], default: []].append(pair[0]) }
      var shared = 0
      for (stem, words) in byStem {
        let expected = String(String.UnicodeScalarView(Tokenizer.normalize(stem)))
        for word in words {
          #expect(Tokenizer.tokenize(word, language: language).map(\.term) == [expected], "\(language): \(word)")
          #expect(Tokenizer.tokenize(word.uppercased(), language: language).map(\.term) == [expected], "\(language): \(word)")
        }
        if words.count >= 2 { shared += 1 }
      }
      #expect(shared >= 100, "\(language)")
    }
  }
}
