import Testing

@testable import SiteSearch

@Suite("Tokenizer shared vectors")
struct TokenizerVectorTests {
  @Test("tokenizes every shared vector exactly as the JavaScript tokenizer does")
  func sharedVectors() throws {
    let vectors = try Fixtures.vectors()
    #expect(vectors.tokenize.count >= 80)
    for vector in vectors.tokenize {
      let tokens = Tokenizer.tokenize(vector.input, language: vector.language ?? "en").map(\.formatted)
      #expect(tokens == vector.tokens, "\(vector.rule): \(vector.input)")
    }
  }

  @Test("stems every shared Porter2 vector to the published stem")
  func porter2Vectors() throws {
    let vectors = try Fixtures.vectors()
    #expect(vectors.stem.count >= 100)
    for pair in vectors.stem {
      #expect(EnglishStemmer.stem(pair[0]) == pair[1], "\(pair[0])")
    }
  }

  @Test("stems every shared Russian vector (from Snowball's vocabulary) to Snowball's stem")
  func russianVectors() throws {
    let vectors = try Fixtures.vectors()
    #expect(vectors.stemRussian.count >= 1000)
    for pair in vectors.stemRussian {
      #expect(RussianStemmer.stem(pair[0]) == pair[1], "\(pair[0])")
    }
  }

  @Test("light-stems every shared Arabic vector")
  func arabicVectors() throws {
    let vectors = try Fixtures.vectors()
    #expect(vectors.stemArabic.count >= 10)
    for pair in vectors.stemArabic {
      #expect(ArabicStemmer.stem(pair[0]) == pair[1], "\(pair[0])")
    }
  }

  @Test("maps irregular plurals to the same term as their singular")
  func irregularPlurals() {
    for (plural, singular) in [("women", "woman"), ("children", "child"), ("people", "person"), ("men", "man")] {
      #expect(Tokenizer.wordTerm(plural) == Tokenizer.wordTerm(singular))
    }
  }

  @Test("indexes a document symbol as its parts and one compound term")
  func documentSymbol() {
    let terms = Tokenizer.tokenize("A/HRC/39/6").map(\.term)
    #expect(terms == ["a", "hrc", "39", "6", "a-hrc-39-6"])
  }
}

@Suite("Tokenizer fast path")
struct TokenizerFastPathTests {
  @Test("normalizes scalar by scalar exactly as the whole-string definition does")
  func fastNormalizeMatchesDefinition() throws {
    var samples = try Fixtures.vectors().tokenize.map(\.input)
    samples += try Fixtures.documents().map(\.text)
    samples += ["ｶﾞｲﾄﾞ", "가나다 \u{1100}\u{1161}", "e\u{301}\u{302}x", "ΣΊΣΥΦΟΣ", "İIıi", "ﬀ ﬃ ㎏ ℃"]
    var state = TokenizerState()
    for text in samples {
      #expect(state.normalized(text) == Tokenizer.normalize(text), "\(text)")
    }
  }
}
