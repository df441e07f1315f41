import Dispatch

/// Every term of the documents with its postings: which documents, how often (weighted by
/// field) and at which positions. Documents are numbered in index order.
struct InvertedIndex {
  /// Term id -> term.
  var terms: [String] = []
  /// Postings of term t: `order[termStart[t] ..< termStart[t + 1]]`, entries ascending by document.
  var termStart: [Int] = []
  var order: [Int32] = []
  /// Entry e (in the order documents were read): document, weighted term frequency, positions.
  var entryDocument: [Int32] = []
  var entryWeight: [UInt16] = []
  var entryPositionStart: [UInt32] = [0]
  var positions: [UInt32] = []
  /// Tokens in the title and text of each document (BM25 length).
  var documentLength: [Int32] = []

  /// Field weights for BM25F-style term frequency: a match in the title, symbol or paragraph
  /// weighs more than one in the text.
  static let textWeight = 1
  static let titleWeight = 2
  static let symbolWeight = 3
  /// Positions between fields, so that no phrase spans two fields.
  static let fieldGap = 16

  func postings(of term: Int) -> ArraySlice<Int32> { order[termStart[term]..<termStart[term + 1]] }

  func positions(ofEntry e: Int32) -> ArraySlice<UInt32> {
    positions[Int(entryPositionStart[Int(e)])..<Int(entryPositionStart[Int(e) + 1])]
  }

  static func build(_ documents: [SearchDocument]) -> InvertedIndex {
    var index = InvertedIndex()
    var ids: [String: Int32] = [:]
    var entryTerm: [Int32] = []
    let batchSize = 4096
    let workers = max(1, min(4, System.activeProcessorCount))
    let caches = SharedSlots<TermCache>(count: workers, initial: TermCache())
    var start = 0
    while start < documents.count {
      let end = min(documents.count, start + batchSize)
      let batch = tokenizeBatch(documents[start..<end], workers: workers, caches: caches)
      for fieldTokens in batch {
        index.add(fieldTokens, ids: &ids, entryTerm: &entryTerm)
      }
      start = end
    }
    index.groupByTerm(entryTerm: entryTerm)
    return index
  }

  private static func tokenizeBatch(
    _ batch: ArraySlice<SearchDocument>, workers: Int, caches: SharedSlots<TermCache>
  ) -> [DocumentTokens] {
    let results = SharedSlots<DocumentTokens>(count: batch.count, initial: DocumentTokens())
    let base = batch.startIndex
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var cache = caches[worker]
      var i = worker
      while i < batch.count {
        results[i] = DocumentTokens(batch[base + i], cache: &cache)
        i += workers
      }
      caches[worker] = cache
    }
    return results.values
  }

  private mutating func add(_ document: DocumentTokens, ids: inout [String: Int32], entryTerm: inout [Int32]) {
    let d = Int32(documentLength.count)
    documentLength.append(Int32(document.length))
    // term << 32 | position << 2 | field weight: one sort groups a term's positions.
    var keys: [UInt64] = []
    keys.reserveCapacity(document.tokens.count)
    for (k, token) in document.tokens.enumerated() {
      let id: Int32
      if let known = ids[token.term] {
        id = known
      } else {
        id = Int32(terms.count)
        ids[token.term] = id
        terms.append(token.term)
      }
      keys.append(UInt64(id) << 32 | UInt64(token.position) << 2 | UInt64(document.weights[k]))
    }
    keys.sort()
    var i = 0
    while i < keys.count {
      let term = keys[i] >> 32
      var weight = 0
      var lastPosition: UInt32? = nil
      while i < keys.count && keys[i] >> 32 == term {
        let position = UInt32(truncatingIfNeeded: keys[i] >> 2) & 0x3FFF_FFFF
        weight += Int(keys[i] & 3)
        if position != lastPosition { positions.append(position) }
        lastPosition = position
        i += 1
      }
      entryTerm.append(Int32(term))
      entryDocument.append(d)
      entryWeight.append(UInt16(min(weight, Int(UInt16.max))))
      entryPositionStart.append(UInt32(positions.count))
    }
  }

  /// Counting sort of the entries by term; within a term they stay in document order.
  private mutating func groupByTerm(entryTerm: [Int32]) {
    var counts = [Int](repeating: 0, count: terms.count + 1)
    for t in entryTerm { counts[Int(t) + 1] += 1 }
    for t in 0..<terms.count { counts[t + 1] += counts[t] }
    termStart = counts
    var next = counts
    order = [Int32](repeating: 0, count: entryTerm.count)
    for (e, t) in entryTerm.enumerated() {
      order[next[Int(t)]] = Int32(e)
      next[Int(t)] += 1
    }
  }
}

/// The tokens of one document's fields, positions laid out title, text, symbol, paragraph.
struct DocumentTokens: Sendable {
  var tokens: [Token] = []
  var weights: [UInt8] = []
  var length = 0

  init() {}

  init(_ document: SearchDocument, cache: inout TermCache) {
    var position = 0
    let fields: [(String, Int)] = [
      (document.title, InvertedIndex.titleWeight), (document.text, InvertedIndex.textWeight),
      (document.document, InvertedIndex.symbolWeight), (document.paragraph, InvertedIndex.symbolWeight),
    ]
    for (k, (text, weight)) in fields.enumerated() {
      let before = tokens.count
      position = Tokenizer.tokenize(text, into: &tokens, startingAt: position, cache: &cache)
      position += InvertedIndex.fieldGap
      weights.append(contentsOf: repeatElement(UInt8(weight), count: tokens.count - before))
      if k < 2 { length += tokens.count - before }
    }
  }
}
