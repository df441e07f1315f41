import Foundation
import Testing

@testable import SiteSearch

/// Seeded random corpora and edits of them, for comparing patched indexes with clean ones.
struct EditCorpus {
  var state: UInt64
  /// Words in every language: the fixture texts' words, invented words and CJK runs.
  let vocabulary: [String]
  private var fresh = 0

  init(seed: UInt64, vocabularySize: Int) throws {
    state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    let fixtureWords = try Fixtures.documents().flatMap { $0.text.split(whereSeparator: { $0 == " " }).map(String.init) }
    var words = Array(Set(fixtureWords)).sorted()
    let syllables = ["ka", "ro", "mi", "te", "su", "la", "ven", "dor", "is", "pa", "tri", "ne", "zu", "gho", "ix"]
    let han = Array("人权儿童教育国际合作和平保护妇女发展平等法律自由公正社会文化经济政治健康环境").map(String.init)
    let kana = Array("こどもけんりのきょういくたいせつ").map(String.init)
    let arabic = ["حقوق", "الإنسان", "المرأة", "الطفل", "التعليم", "المساواة", "حماية", "تعزيز", "العدالة", "الصحة"]
    words += arabic
    words += ["A/HRC/39/6", "CRC/C/ECU/CO/5-6", "47(g)", "2030", "E/C.12", "l'éducation", "niñas", "её"]
    var generator = SplitMix(state: seed)
    while words.count < vocabularySize {
      switch generator.next(10) {
      case 0..<6: words.append((0..<(2 + generator.next(3))).map { _ in syllables[generator.next(syllables.count)] }.joined())
      case 6..<8: words.append((0..<(2 + generator.next(5))).map { _ in han[generator.next(han.count)] }.joined())
      case 8: words.append((0..<(2 + generator.next(4))).map { _ in kana[generator.next(kana.count)] }.joined())
      default: words.append(arabic[generator.next(arabic.count)] + ["ات", "ية", "ين"][generator.next(3)])
      }
    }
    vocabulary = words
  }

  mutating func next(_ n: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(n))
  }

  /// A word, frequent ones more often (a Zipf-like skew).
  mutating func word() -> String {
    let r = next(vocabulary.count)
    return vocabulary[next(2) == 0 ? r : r * r / vocabulary.count]
  }

  /// A word no document had before.
  mutating func newWord() -> String {
    fresh += 1
    let letters = Array("bcdfghjklmnpqrstvwxz")
    let stem = String((0..<(4 + next(4))).map { _ in letters[next(letters.count)] })
    return next(4) == 0 ? "龘" + ["靐", "齉", "爩"][next(3)] + "\(fresh)" : "q\(stem)\(fresh)"
  }

  mutating func documents(_ count: Int, words maxWords: Int = 30, common: String? = nil) -> [SearchDocument] {
    let languages = ["en", "fr", "es", "ru", "zh", "ar", "ja"]
    return (0..<count).map { i in
      var words = (0..<(3 + next(maxWords))).map { _ in word() }
      if let common, next(20) != 0 { words.insert(common, at: next(words.count + 1)) }
      let text = words.joined(separator: " ")
      let id = "d\(i)-\(next(1000))"
      let facets: [FacetField: [String]] = [
        .country: ["c\(next(30))"], .theme: ["t\(next(12))", "t\(next(20))"], .year: ["20\(10 + next(12))"],
        .language: [languages[next(languages.count)]], .sdgGoal: next(3) == 0 ? [] : ["\(1 + next(17))"],
      ]
      return SearchDocument(
        id: id, url: next(10) == 0 ? "other/\(id)/" : "recommendations/\(id)/", title: title(for: text), text: text,
        document: "A/HRC/\(30 + next(20))/\(next(9))", paragraph: "\(100 + next(50)).\(next(120))",
        language: languages[next(languages.count)], date: "20\(10 + next(12))-0\(1 + next(9))-1\(next(9))", facets: facets,
        translations: translations())
    }
  }

  /// None most often; else one or two, sorted by language, titled like documents are.
  mutating func translations() -> [SearchTranslation] {
    guard next(5) == 0 else { return [] }
    return ["fr", "zh"].prefix(1 + next(2)).map { language in
      let text = (0..<(2 + next(8))).map { _ in word() }.joined(separator: " ")
      return SearchTranslation(language: language, title: next(3) == 0 ? word() : title(for: text), text: text)
    }
  }

  /// Mostly the text itself; sometimes its head and "…", or a title of its own.
  mutating func title(for text: String) -> String {
    switch next(10) {
    case 0..<6: return text
    case 6..<8: return String(text.prefix(1 + next(max(1, text.count)))) + "\u{2026}"
    default: return (0..<(1 + next(4))).map { _ in word() }.joined(separator: " ")
    }
  }

  /// What an edit did, for the report.
  enum Edit: String, CaseIterable {
    case addWords, removeWords, changeWord, newWord, removeOnlyOccurrence, retitle
  }

  /// `document` with its text (and with it a title that is the text) or title edited.
  mutating func edit(_ document: SearchDocument, _ edit: Edit) -> SearchDocument {
    var words = document.text.split(separator: " ").map(String.init)
    switch edit {
    case .addWords:
      for _ in 0..<(1 + next(5)) { words.insert(word(), at: next(words.count + 1)) }
    case .removeWords:
      for _ in 0..<(1 + next(3)) where words.count > 1 { words.remove(at: next(words.count)) }
    case .changeWord:
      if !words.isEmpty { words[next(words.count)] = word() }
    case .newWord:
      words.insert(newWord(), at: next(words.count + 1))
    case .removeOnlyOccurrence:
      let once = words.indices.filter { i in words.filter { $0 == words[i] }.count == 1 }
      if let i = once.isEmpty ? nil : once[next(once.count)] { words.remove(at: i) }
    case .retitle:
      var changed = document
      changed.title = next(2) == 0 ? newWord() + " " + word() : title(for: document.text)
      return changed
    }
    var changed = document
    changed.text = words.joined(separator: " ")
    if document.title == document.text { changed.title = changed.text }
    // A translation is edited now and then too.
    if !changed.translations.isEmpty && next(3) == 0 {
      let k = next(changed.translations.count)
      changed.translations[k].text += " " + word()
    }
    return changed
  }
}

/// A seeded SplitMix64, for the vocabulary.
struct SplitMix {
  var state: UInt64
  mutating func next(_ n: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(n))
  }
}

@Suite("Search index patches")
struct SearchIndexPatchTests {
  typealias Files = [String: [UInt8]]

  static func files(_ documents: [SearchDocument]) -> Files {
    Dictionary(uniqueKeysWithValues: SearchIndexWriter.files(for: documents, labels: [:], threads: 4).map { ($0.path, $0.bytes) })
  }

  static func apply(_ patch: SearchIndexPatch.Patch, to files: Files) -> Files {
    var out = files
    for path in patch.removals { out[path] = nil }
    for file in patch.writes { out[file.path] = file.bytes }
    return out
  }

  /// The paths whose bytes differ (or that only one side has).
  static func differences(_ a: Files, _ b: Files) -> [String] {
    Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
  }

  struct Tally {
    var patched = 0
    var refused = 0
    var wrong: [String] = []
    var writes = 0
    /// Patches that wrote a pair's head (pairs/…h.json).
    var pairHeadWrites = 0
  }

  /// Edits 1-3 documents of the corpus `rounds` times; each patch must give the clean index.
  /// Edits a generated corpus `rounds` times, comparing each patch with a clean index; the
  /// documents after the last edit.
  @discardableResult
  static func run(
    seed: UInt64, documents count: Int, words: Int = 30, rounds: Int, vocabulary: Int = 3000, common: String? = nil,
    tally: inout Tally
  ) throws -> [SearchDocument] {
    var corpus = try EditCorpus(seed: seed, vocabularySize: vocabulary)
    var documents = corpus.documents(count, words: words, common: common)
    let order = SearchIndexWriter.indexOrder(documents)
    var files = Self.files(documents)
    for round in 0..<rounds {
      var numbers = Set<Int>()
      while numbers.count < 1 + corpus.next(3) { numbers.insert(corpus.next(count)) }
      var edits: [String] = []
      let changes = numbers.sorted().map { number in
        let kind = EditCorpus.Edit.allCases[corpus.next(EditCorpus.Edit.allCases.count)]
        edits.append(kind.rawValue)
        return SearchIndexPatch.Change(number: number, document: corpus.edit(documents[order[number]], kind))
      }
      let patch = SearchIndexPatch.update(changes) { files[$0] }
      for change in changes { documents[order[change.number]] = change.document }
      let expected = Self.files(documents)
      if let patch {
        tally.patched += 1
        tally.writes += patch.writes.count
        if patch.writes.contains(where: { $0.path.contains("/pairs/") && $0.path.hasSuffix(".h.json") }) { tally.pairHeadWrites += 1 }
        let different = differences(Self.apply(patch, to: files), expected)
        if !different.isEmpty {
          tally.wrong.append("seed \(seed) round \(round) \(edits): \(different.prefix(6)) of \(different.count)")
        }
      } else {
        tally.refused += 1
      }
      files = expected
    }
    return documents
  }

  @Test("patched indexes are byte-identical to clean ones over many random corpora and edits")
  func differential() throws {
    var tally = Tally()
    for seed in 1...20 as ClosedRange<UInt64> {
      let count = [100, 200, 400, 700, 1100][Int(seed) % 5]
      try Self.run(seed: seed, documents: count, words: 24, rounds: 5, vocabulary: 800 + Int(seed) * 500, tally: &tally)
    }
    let total = tally.patched + tally.refused
    print("search index patches: \(tally.patched) of \(total) edits patched, \(tally.refused) refused; \(tally.writes) files written")
    #expect(tally.wrong.isEmpty, "\(tally.wrong.joined(separator: "\n"))")
    #expect(tally.refused * 10 <= total, "\(tally.refused) of \(total) edits refused")
  }

  @Test("patches keys in more documents than the impacts threshold, and their files")
  func highFrequencyKeys() throws {
    var tally = Tally()
    try Self.run(seed: 99, documents: 4300, words: 8, rounds: 3, vocabulary: 1500, common: "torture", tally: &tally)
    #expect(tally.wrong.isEmpty, "\(tally.wrong.joined(separator: "\n"))")
    #expect(tally.patched >= 2)
  }

  @Test("patches pairs' heads: a phrase in most documents, whose edited records move in and out of its head")
  func pairHeads() throws {
    // "human rights" stands in 19 of 20 documents (a pair in 50+ has a head); short texts, so an
    // edit often changes which documents rank first.
    var tally = Tally()
    try Self.run(seed: 7, documents: 240, words: 6, rounds: 30, vocabulary: 1500, common: "human rights", tally: &tally)
    var corpus = try EditCorpus(seed: 7, vocabularySize: 1500)
    let heads = Self.files(corpus.documents(240, words: 6, common: "human rights")).keys
      .filter { $0.contains("/pairs/") && $0.hasSuffix(".h.json") }
    #expect(!heads.isEmpty, "the corpus has no pair with a head")
    #expect(tally.wrong.isEmpty, "\(tally.wrong.joined(separator: "\n"))")
    #expect(tally.patched >= 25, "\(tally.refused) of 30 edits refused")
    #expect(tally.pairHeadWrites >= 3, "\(tally.pairHeadWrites) patches wrote a pair's head")
  }

  @Test("patches a pair's head across the size it takes from 100 documents on (128 records, 20 below)")
  func pairHeadSizes() throws {
    // "human rights" in 19 of 20 of 108 documents: about 100, where KeyHead.pair's head grows
    // from 20 records to 128; edits that remove or change one of its words take it below.
    let pairs = { (documents: [SearchDocument]) in
      documents.filter { d in
        let words = d.text.split(separator: " ")
        return zip(words, words.dropFirst()).contains { $0 == "human" && $1 == "rights" }
      }.count
    }
    var corpus = try EditCorpus(seed: 1, vocabularySize: 1500)
    let before = pairs(corpus.documents(108, words: 6, common: "human rights"))
    var tally = Tally()
    let after = pairs(try Self.run(seed: 1, documents: 108, words: 6, rounds: 40, vocabulary: 1500, common: "human rights", tally: &tally))
    let rule = KeyHead.pair(documents: 108)
    #expect(rule.size(df: before) == 128 && rule.size(df: after) == 20, "\(before) → \(after)")
    #expect(tally.wrong.isEmpty, "\(tally.wrong.joined(separator: "\n"))")
    #expect(tally.patched >= 35 && tally.pairHeadWrites >= 30, "\(tally.patched) patched, \(tally.pairHeadWrites) wrote a pair's head")
  }

  static func smallIndex() throws -> (documents: [SearchDocument], order: [Int], files: Files) {
    var corpus = try EditCorpus(seed: 5, vocabularySize: 500)
    let documents = corpus.documents(60)
    return (documents, SearchIndexWriter.indexOrder(documents), Self.files(documents))
  }

  @Test("refuses a change whose id is not the one at its number")
  func wrongId() throws {
    let (documents, order, files) = try Self.smallIndex()
    var other = documents[order[4]]
    other.text += " more"
    #expect(SearchIndexPatch.update([.init(number: 3, document: other)]) { files[$0] } == nil)
    #expect(SearchIndexPatch.update([.init(number: 4, document: other)]) { files[$0] } != nil)
  }

  @Test("refuses changes to anything but title and text, repeated numbers and numbers out of range")
  func refusals() throws {
    let (documents, order, files) = try Self.smallIndex()
    let document = documents[order[7]]
    var moved = document
    moved.date = "1999-01-01"
    var refaceted = document
    refaceted.facets[.country] = ["c999"]
    for changes in [
      [SearchIndexPatch.Change(number: 7, document: moved)], [.init(number: 7, document: refaceted)],
      [.init(number: 7, document: document), .init(number: 7, document: document)],
      [.init(number: documents.count, document: document)],
    ] {
      #expect(SearchIndexPatch.update(changes) { files[$0] } == nil)
    }
  }

  @Test("writes nothing for an edit that changes nothing")
  func unchanged() throws {
    let (documents, order, files) = try Self.smallIndex()
    let patch = try #require(SearchIndexPatch.update([.init(number: 9, document: documents[order[9]])]) { files[$0] })
    #expect(patch.writes.isEmpty && patch.removals.isEmpty)
  }
}
