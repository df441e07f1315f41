import Dispatch
import Foundation

/// Every term of the documents with its postings (which documents, how often weighted by field),
/// and every pair of adjacent tokens with its occurrences, for phrases. Documents are numbered in
/// index order; terms are numbered in byte order.
///
/// Built in two passes: the documents are tokenized in chunks on the workers, each worker
/// interning terms into its own table; then the workers' terms are merged into one sorted
/// dictionary and the entries are grouped by term with a counting sort.
struct InvertedIndex {
  /// Field weights for BM25F-style term frequency: a match in the title, symbol or paragraph
  /// weighs more than one in the text.
  static let textWeight: UInt16 = 1
  static let titleWeight: UInt16 = 2
  static let symbolWeight: UInt16 = 3
  /// Positions between fields, so that no phrase spans two fields.
  static let fieldGap: Int32 = 16
  /// Pairs are grouped in this many partitions (by hash) so that only one is expanded at a time.
  static let pairPartitions = 16
  static let chunkSize = 1024

  /// Term t is `termBytes[termStart[t] ..< termStart[t + 1]]`; terms are in byte order.
  var termBytes: [UInt8] = []
  var termStart: [Int] = [0]
  /// Postings of term t: entries `postingStart[t] ..< postingStart[t + 1]`, by document.
  var postingStart: [Int] = []
  var postingDocument: [Int32] = []
  var postingWeight: [UInt16] = []
  /// Tokens in the title and text of each document (BM25 length).
  var documentLength: [Int32] = []
  /// The chunks' pair occurrences and the workers that produced them (see `PairWriter`).
  var chunks: [ChunkTokens] = []
  var workers: [WorkerTables] = []

  var termCount: Int { termStart.count - 1 }

  /// The sum of all documents' BM25 lengths.
  var totalLength: Int { documentLength.reduce(0) { $0 + Int($1) } }

  /// The number of pair occurrences (what sizes the pair buckets).
  var pairOccurrences: Int { chunks.reduce(0) { total, chunk in total + chunk.pairs.reduce(0) { $0 + $1.id.count } } }

  func term(_ t: Int) -> ArraySlice<UInt8> { termBytes[termStart[t]..<termStart[t + 1]] }

  static func build(_ documents: [SearchDocument], order: [Int], workers workerCount: Int) -> InvertedIndex {
    let chunkCount = (order.count + chunkSize - 1) / chunkSize
    let states = SharedSlots<WorkerTables?>(count: workerCount, initial: nil)
    let outputs = SharedSlots<ChunkTokens?>(count: chunkCount, initial: nil)
    let next = Parallel.Counter()
    DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
      var tables = WorkerTables(worker: worker)
      while true {
        let c = next.take()
        if c >= chunkCount { break }
        let range = (c * chunkSize)..<min(order.count, (c + 1) * chunkSize)
        outputs[c] = tables.tokenize(documents, order[range], base: range.lowerBound)
      }
      states[worker] = tables
    }
    var index = InvertedIndex()
    index.workers = (0..<workerCount).map { states[$0] ?? WorkerTables(worker: $0) }
    index.chunks = outputs.values.map { $0! }
    index.mergeTerms()
    index.documentLength.reserveCapacity(order.count)
    for chunk in index.chunks { index.documentLength += chunk.length }
    return index
  }

  /// Sorts each worker's terms, merges them into one dictionary in byte order and maps every
  /// worker's local ids to it.
  private mutating func mergeTerms() {
    let sortedIds = SharedSlots<[Int32]>(count: workers.count, initial: [])
    let tables = workers
    DispatchQueue.concurrentPerform(iterations: workers.count) { w in
      sortedIds[w] = tables[w].state.terms.idsInByteOrder()
    }
    var cursors = [Int](repeating: 0, count: workers.count)
    let terms = workers.map(\.state.terms)
    var global = terms.map { [Int32](repeating: -1, count: $0.count) }
    let lists = sortedIds.values
    while true {
      // The smallest next term among the workers; every worker holding it maps to one id.
      var best = -1
      for w in terms.indices where cursors[w] < lists[w].count {
        if best < 0
          || WorkerTables.compareBytes(terms[w].bytes(lists[w][cursors[w]]), terms[best].bytes(lists[best][cursors[best]])) < 0
        {
          best = w
        }
      }
      if best < 0 { break }
      let id = Int32(termCount)
      let bytes = terms[best].bytes(lists[best][cursors[best]])
      termBytes.append(contentsOf: bytes)
      termStart.append(termBytes.count)
      for w in terms.indices where cursors[w] < lists[w].count {
        let local = lists[w][cursors[w]]
        if w == best || terms[w].bytes(local).elementsEqual(bytes) {
          global[w][Int(local)] = id
          cursors[w] += 1
        }
      }
    }
    for w in workers.indices { workers[w].globalTerm = global[w] }
  }

  /// Frees the pair occurrences (after the pair index is written).
  mutating func dropPairs() {
    for c in chunks.indices { chunks[c].pairs = [] }
    for w in workers.indices {
      workers[w].pairIds = IntKeyTable()
      workers[w].pairHash = []
    }
  }

  /// Counting sort of the entries by term; within a term they stay in document order.
  /// Empties the chunks' entries as it goes.
  mutating func groupPostings() {
    var counts = [Int](repeating: 0, count: termCount + 1)
    for chunk in chunks {
      let global = workers[chunk.worker].globalTerm
      for t in chunk.entryTerm { counts[Int(global[Int(t)]) + 1] += 1 }
    }
    for t in 0..<termCount { counts[t + 1] += counts[t] }
    postingStart = counts
    var next = counts
    let total = counts[termCount]
    postingDocument = [Int32](repeating: 0, count: total)
    postingWeight = [UInt16](repeating: 0, count: total)
    for c in chunks.indices {
      let chunk = chunks[c]
      let global = workers[chunk.worker].globalTerm
      var e = 0
      for d in 0..<chunk.length.count {
        let document = Int32(chunk.base + d)
        let end = Int(chunk.entryEnd[d])
        while e < end {
          let t = Int(global[Int(chunk.entryTerm[e])])
          postingDocument[next[t]] = document
          postingWeight[next[t]] = chunk.entryWeight[e]
          next[t] += 1
          e += 1
        }
      }
      chunks[c].entryTerm = []
      chunks[c].entryWeight = []
      chunks[c].entryEnd = []
    }
  }
}
