/// What the index holds of one document: its BM25 length, each term with its field-weighted
/// frequency, and each pair of adjacent tokens with its positions. Computed by the writer's own
/// tokenizing code (`WorkerTables`), so a patch sees exactly what a clean build sees.
struct DocumentTokens {
  var length: Int
  /// Term bytes -> weight.
  var terms: [[UInt8]: Int] = [:]
  /// Pair key bytes -> positions, ascending.
  var pairs: [[UInt8]: [UInt16]] = [:]
  /// The number of pair occurrences (all positions of all pairs).
  var pairOccurrences: Int

  /// Tokenizes `document`, with `tables` as scratch (its terms and pairs accumulate; they are
  /// only read for this document's ids).
  init(_ document: SearchDocument, tables: inout WorkerTables) {
    let chunk = tables.tokenize([document], [0], base: 0)
    length = Int(chunk.length[0])
    let terms = tables.state.terms
    for e in 0..<Int(chunk.entryEnd[0]) {
      self.terms[Array(terms.bytes(chunk.entryTerm[e])), default: 0] += Int(chunk.entryWeight[e])
    }
    var occurrences = 0
    for list in chunk.pairs {
      for (id, position) in zip(list.id, list.position) {
        let key = tables.pairIds.keys[Int(id)]
        let bytes = PairKey.bytes(
          terms.bytes(Int32(truncatingIfNeeded: key >> 32)), terms.bytes(Int32(truncatingIfNeeded: key)))
        pairs[bytes, default: []].append(position)
        occurrences += 1
      }
    }
    pairOccurrences = occurrences
  }
}
