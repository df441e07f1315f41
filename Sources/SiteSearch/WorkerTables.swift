/// What tokenizing one chunk of documents produced; term and pair ids are the worker's own.
struct ChunkTokens: Sendable {
  var worker: Int
  var base: Int
  /// Per document: BM25 length, and the end of its entries.
  var length: [Int32] = []
  var entryEnd: [Int32] = []
  /// One entry per (document, term): the term and its field-weighted frequency.
  var entryTerm: [Int32] = []
  var entryWeight: [UInt16] = []
  /// Pair occurrences, per partition (`PairKey.partition`), in document and position order.
  var pairs: [PairList] = []
}

/// Occurrences of pairs: document d's are `id[end[d - 1] ..< end[d]]` with their positions.
/// Pair ids are the worker's.
struct PairList: Sendable {
  var end: [Int32] = []
  var id: [Int32] = []
  var position: [UInt16] = []
}

/// One worker's tokenizer state and the pairs it has seen.
struct WorkerTables: Sendable {
  let worker: Int
  var state = TokenizerState()
  /// Pair (first term << 32 | second term) -> local pair id, and each pair's key hash.
  var pairIds = IntKeyTable(capacity: 1 << 14)
  var pairHash: [UInt32] = []
  /// Local term id -> global term id, after the merge.
  var globalTerm: [Int32] = []
  // Per-document scratch.
  private var tokens: [RawToken] = []
  private var tokenWeight: [UInt16] = []
  private var termStamp: [Int32] = []
  private var termSlot: [Int32] = []
  private var primary: [Int32] = []
  private var compound: [Int32] = []
  private var compoundSpan: [Int32] = []
  /// Size of the last chunk, to reserve the next one's arrays.
  private var lastEntries = 0
  /// The chunk's pair occurrences, all partitions, before `splitPairs`.
  private var pairEnd: [Int32] = []
  private var pairIdScratch: [Int32] = []
  private var pairPositionScratch: [UInt16] = []
  private var stamp: Int32 = 0

  init(worker: Int) { self.worker = worker }

  /// Compares local term `a` with `other`'s local term `b` by bytes.
  func compare(_ a: Int32, with other: WorkerTables, _ b: Int32) -> Int {
    let x = state.terms.bytes(a)
    let y = other.state.terms.bytes(b)
    return Self.compareBytes(x, y)
  }

  static func compareBytes(_ x: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>) -> Int {
    var i = x.startIndex
    var j = y.startIndex
    while i < x.endIndex && j < y.endIndex {
      if x[i] != y[j] { return Int(x[i]) - Int(y[j]) }
      i += 1
      j += 1
    }
    return (x.endIndex - i) - (y.endIndex - j)
  }

  mutating func tokenize(_ documents: [SearchDocument], _ order: ArraySlice<Int>, base: Int) -> ChunkTokens {
    var out = ChunkTokens(worker: worker, base: base)
    out.length.reserveCapacity(order.count)
    out.entryEnd.reserveCapacity(order.count)
    out.entryTerm.reserveCapacity(lastEntries + lastEntries / 8)
    out.entryWeight.reserveCapacity(lastEntries + lastEntries / 8)
    pairEnd.removeAll(keepingCapacity: true)
    pairIdScratch.removeAll(keepingCapacity: true)
    pairPositionScratch.removeAll(keepingCapacity: true)
    for i in order {
      add(documents[i], into: &out)
    }
    lastEntries = out.entryTerm.count
    out.pairs = splitPairs()
    return out
  }

  private mutating func add(_ document: borrowing SearchDocument, into out: inout ChunkTokens) {
    tokens.removeAll(keepingCapacity: true)
    tokenWeight.removeAll(keepingCapacity: true)
    var position = 0
    var length = 0
    // Each text's Latin words take the stemmer of its language.
    let stemmer = LatinStemmer(language: document.language)
    length += addField(document.title, weight: InvertedIndex.titleWeight, stemmer, position: &position)
    length += addField(document.text, weight: InvertedIndex.textWeight, stemmer, position: &position)
    _ = addField(document.document, weight: InvertedIndex.symbolWeight, .english, position: &position)
    _ = addField(document.paragraph, weight: InvertedIndex.symbolWeight, .english, position: &position)
    // Translations match like the text but leave the BM25 length alone.
    for translation in document.translations {
      let stemmer = LatinStemmer(language: translation.language)
      _ = addField(translation.title, weight: InvertedIndex.titleWeight, stemmer, position: &position)
      _ = addField(translation.text, weight: InvertedIndex.textWeight, stemmer, position: &position)
    }
    out.length.append(Int32(length))
    stamp += 1
    addTerms(into: &out)
    addPairs(positions: position)
  }

  /// Tokenizes one field after the previous ones; returns its token count.
  private mutating func addField(_ text: String, weight: UInt16, _ stemmer: LatinStemmer, position: inout Int) -> Int {
    let before = tokens.count
    position = state.tokenize(text, startingAt: position, into: &tokens, stemmer: stemmer) + Int(InvertedIndex.fieldGap)
    for _ in before..<tokens.count { tokenWeight.append(weight) }
    return tokens.count - before
  }

  /// One entry per distinct term, weights summed over its occurrences.
  private mutating func addTerms(into out: inout ChunkTokens) {
    let termCount = state.terms.count
    if termStamp.count < termCount {
      termStamp += [Int32](repeating: 0, count: termCount - termStamp.count + 4096)
      termSlot += [Int32](repeating: 0, count: termCount - termSlot.count + 4096)
    }
    for (k, token) in tokens.enumerated() {
      let t = Int(token.term)
      if termStamp[t] != stamp {
        termStamp[t] = stamp
        termSlot[t] = Int32(out.entryTerm.count)
        out.entryTerm.append(token.term)
        out.entryWeight.append(0)
      }
      let slot = Int(termSlot[t])
      out.entryWeight[slot] = out.entryWeight[slot] &+ min(tokenWeight[k], UInt16.max - out.entryWeight[slot])
    }
    out.entryEnd.append(Int32(out.entryTerm.count))
  }

  /// Every pair of adjacent tokens: a token at p and each token at p + 1 (p + span after a
  /// compound), in position order. Positions from 65,535 on are not paired.
  private mutating func addPairs(positions: Int) {
    let limit = min(positions, Int(UInt16.max))
    if primary.count < limit + 1 {
      let grow = limit + 1 - primary.count + 256
      primary += [Int32](repeating: -1, count: grow)
      compound += [Int32](repeating: -1, count: grow)
      compoundSpan += [Int32](repeating: 0, count: grow)
    }
    for token in tokens where Int(token.position) < limit {
      if token.span > 0 {
        compound[Int(token.position)] = token.term
        compoundSpan[Int(token.position)] = token.span
      } else {
        primary[Int(token.position)] = token.term
      }
    }
    for p in 0..<limit {
      let word = primary[p]
      if word >= 0 { visitPair(word, at: p, next: p + 1, limit: limit) }
      let joined = compound[p]
      if joined >= 0 { visitPair(joined, at: p, next: p + Int(compoundSpan[p]), limit: limit) }
    }
    for token in tokens where Int(token.position) < limit {
      primary[Int(token.position)] = -1
      compound[Int(token.position)] = -1
    }
    pairEnd.append(Int32(pairIdScratch.count))
  }

  /// The chunk's pair occurrences split by partition, each list exactly sized.
  private func splitPairs() -> [PairList] {
    let partitions = InvertedIndex.pairPartitions
    var sizes = [Int](repeating: 0, count: partitions)
    for id in pairIdScratch { sizes[PairKey.partition(pairHash[Int(id)])] += 1 }
    var lists = sizes.map { size in
      var list = PairList()
      list.id.reserveCapacity(size)
      list.position.reserveCapacity(size)
      list.end.reserveCapacity(pairEnd.count)
      return list
    }
    var e = 0
    for end in pairEnd {
      while e < Int(end) {
        let id = pairIdScratch[e]
        let p = PairKey.partition(pairHash[Int(id)])
        lists[p].id.append(id)
        lists[p].position.append(pairPositionScratch[e])
        e += 1
      }
      for p in 0..<partitions { lists[p].end.append(Int32(lists[p].id.count)) }
    }
    return lists
  }

  @inline(__always)
  private mutating func visitPair(_ t: Int32, at p: Int, next q: Int, limit: Int) {
    guard q < limit else { return }
    let word = primary[q]
    if word >= 0 {
      let id = pairId(t, word)
      pairIdScratch.append(id)
      pairPositionScratch.append(UInt16(p))
    }
    let joined = compound[q]
    if joined >= 0 {
      let id = pairId(t, joined)
      pairIdScratch.append(id)
      pairPositionScratch.append(UInt16(p))
    }
  }

  @inline(__always)
  private mutating func pairId(_ a: Int32, _ b: Int32) -> Int32 {
    let id = pairIds.intern(UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)))
    if Int(id) == pairHash.count {
      pairHash.append(PairKey.hash(state.terms.bytes(a), state.terms.bytes(b)))
    }
    return id
  }
}
