import Foundation
import Testing

@testable import SiteBuild
@testable import SiteSearch

/// The names index stems each name of the default vocabularies by the name's language, read
/// here straight from the stemmers: the words of a French name by Snowball French, of a Spanish
/// one by Snowball Spanish, of an English one by Porter2, of a Russian one by Snowball Russian;
/// a Chinese name's CJK runs are looked up whole.
@Suite("Names index terms by language")
struct NameTermsTests {
  static let names: [SearchName] = SiteBuilder.names(DefaultVocabularyTests.vocabulary, [:])
    .filter { NameIndex.fields.contains($0.key) }.values.flatMap { $0.values.joined() }

  /// The words of `text`, lower case: runs of letters (an independent split, not the tokenizer's).
  static func words(_ text: String) -> [String] {
    text.precomposedStringWithCanonicalMapping.lowercased()
      .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
      .split { !$0.isLetter }.map(String.init)
  }

  static let latin = Set("abcdefghijklmnopqrstuvwxyzàâçèéêëîïôùûáíóúüñ")
  static func folded(_ s: String) -> String { s.folding(options: .diacriticInsensitive, locale: nil) }

  /// The term of a Latin word by the stemmer of `language`, as the stemmers give it.
  static func latinTerm(_ word: String, _ language: String) -> String {
    switch language {
    case "fr": return folded(FrenchStemmer.stem(word))
    case "es": return folded(SpanishStemmer.stem(word))
    default: return EnglishStemmer.stem(Tokenizer.irregular[folded(word)] ?? folded(word))
    }
  }

  /// The a-z terms of a name: exactly its words' stems by its language's stemmer (every Latin
  /// stemmer when it has none). Names with digits (compounds) or other letters are left out.
  @Test("the Latin words of a French, Spanish or English name (or an alias) take that language's stems only")
  func latinNames() {
    var checked: [String: Int] = [:]
    for name in Self.names where ["", "en", "fr", "es"].contains(name.language) {
      let words = Self.words(name.text)
      guard !name.text.contains(where: \.isNumber), !words.isEmpty, words.allSatisfy({ $0.allSatisfy(Self.latin.contains) }) else { continue }
      let languages = name.language.isEmpty ? ["en", "fr", "es"] : [name.language]
      let expected = Set(languages.flatMap { l in words.map { Self.latinTerm($0, l) } })
      let terms = NameIndex.terms(of: name)
      #expect(terms == expected, "\(name.language): \(name.text)")
      checked[name.language, default: 0] += 1
    }
    // Every kind is there in numbers (the default vocabularies name ~400 values).
    for language in ["", "en", "fr", "es"] { #expect(checked[language, default: 0] > 100, "\(language)") }
  }

  @Test("a Russian name's words take their Snowball Russian stems; a Chinese name's CJK runs are terms")
  func russianAndChineseNames() {
    var checked = 0
    for name in Self.names where name.language == "ru" {
      let terms = NameIndex.terms(of: name)
      for word in Self.words(name.text.replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "Ё", with: "Е"))
      where word.unicodeScalars.allSatisfy({ (0x430...0x44F).contains($0.value) }) {
        #expect(terms.contains(RussianStemmer.stem(word)), "\(name.text): \(word)")
        checked += 1
      }
    }
    #expect(checked > 1000)
    for name in Self.names where name.language == "zh" {
      let runs = name.text.split { !($0.unicodeScalars.first.map { TokenizerState.isCJK($0.value) } ?? false) }
      for run in runs where run.count >= 2 { #expect(NameIndex.terms(of: name).contains(String(run)), "\(name.text)") }
    }
  }

  @Test("inflected forms reach real names: handicapé, niñas, niños, enfants, пытки")
  func inflections() {
    let term = { (word: String, language: String) in Tokenizer.tokenize(word, language: language).map(\.term) }
    let named = { (text: String, language: String) in NameIndex.terms(of: SearchName(text, language: language)) }
    // Persons with disabilities, in French; Children and Women & girls, in Spanish.
    #expect(named("Personnes handicapées", "fr").isSuperset(of: term("handicapé", "fr")))
    #expect(named("Niños", "es").isSuperset(of: term("niñas", "es")) && named("Niños", "es").isSuperset(of: term("niño", "es")))
    #expect(named("Mujeres y niñas", "es").isSuperset(of: term("niños", "es")))
    #expect(named("Enfants : protection contre l'exploitation", "fr").isSuperset(of: term("enfant", "fr")))
    // By English stems alone these would not meet (handicap / handicape, nino / nina).
    #expect(!named("Personnes handicapées", "en").isSuperset(of: term("handicapé", "en")))
    #expect(!named("Niños", "en").isSuperset(of: term("niñas", "en")))
    #expect(named("Пытки и другие жестокие виды обращения", "ru").isSuperset(of: term("пытками", "ru")))
  }
}
