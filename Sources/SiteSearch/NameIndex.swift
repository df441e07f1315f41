/// The names of facet values (a State, a theme, an affected group, a body, a mechanism, an SDG;
/// in every language, with aliases), by the index terms of their words, so that a query word
/// also finds the documents that have a value of that name.
///
/// A name contributes the terms of its tokens (words, compounds, CJK bigrams; not the CJK tails,
/// which no query looks up) as a text of its language has them: Latin words by the stemmer of
/// that language (`LatinStemmer`: Snowball French for a French name, Snowball Spanish for a
/// Spanish one, Porter2 for the others), Cyrillic and Arabic words by their script's stemmer.
/// A name of no known language (an alias, a code) gets the terms of every Latin stemmer, as a
/// query word does ("try all"). Each run of CJK characters also contributes the run itself (an
/// unquoted CJK query is looked up whole).
/// Terms are spread over `names/<b>.json` buckets by their first two scalars, so that a prefix
/// of two or more scalars is found in one bucket: each file maps a term to the global indexes
/// of the values it names.
enum NameIndex {
  /// The fields whose value names are searchable.
  static let fields: [FacetField] = [.country, .theme, .affectedPersons, .body, .mechanism, .sdgGoal, .sdgTarget]
  /// About this many bytes of JSON per bucket.
  static let bucketBytes = 4096

  /// The bucket files' contents, in bucket order.
  static func buckets(_ names: [FacetField: [String: [SearchName]]], facets: FacetTable) -> [[UInt8]] {
    var values: [String: Set<Int>] = [:]
    for field in fields {
      guard let byValue = names[field] else { continue }
      let f = field.ordinal
      for (i, value) in facets.values[f].enumerated() {
        for name in byValue[value] ?? [] {
          for term in terms(of: name) { values[term, default: []].insert(facets.offsets[f] + i) }
        }
      }
    }
    let size = values.reduce(0) { $0 + $1.key.utf8.count + 6 + 6 * $1.value.count }
    let count = max(1, size / bucketBytes)
    var buckets = [[String: [Int]]](repeating: [:], count: count)
    for (term, gs) in values { buckets[bucket(of: term, count: count)][term] = gs.sorted() }
    return buckets.map { SearchIndexWriter.encodeJSON($0) }
  }

  /// The terms a name contributes.
  static func terms(of name: SearchName) -> Set<String> {
    let stemmers = name.language.isEmpty ? LatinStemmer.allCases : [LatinStemmer(language: name.language)]
    var out = Set<String>()
    for stemmer in stemmers {
      out.formUnion(Tokenizer.tokenize(name.text, stemmer: stemmer).lazy.filter { !$0.tail }.map(\.term))
    }
    var run = String.UnicodeScalarView()
    for scalar in Tokenizer.normalize(name.text) + [" "] {
      if TokenizerState.isCJK(scalar.value) {
        run.append(scalar)
      } else {
        if run.count >= 2 { out.insert(String(run)) }
        run = String.UnicodeScalarView()
      }
    }
    return out
  }

  /// The bucket of a term: FNV-1a (32-bit) of the UTF-8 of its first two scalars, modulo `count`.
  static func bucket(of term: String, count: Int) -> Int {
    let key = String(String.UnicodeScalarView(term.unicodeScalars.prefix(2)))
    return Int(PairKey.hash(key: key.utf8) % UInt32(count))
  }
}
