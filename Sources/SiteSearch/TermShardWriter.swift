import Dispatch

/// Writes the term dictionary in shards (terms in byte order, front-coded, laid out by
/// `ShardBuilder`) and the parts of terms too large to inline into a shard as files under keys/,
/// with each term's head (`KeyHead`: the result records of its first documents by impact).
/// Terms are encoded in batches on the workers and handed to the sink batch by batch, so the
/// index never holds all of them.
struct TermShardWriter {
  /// A batch holds terms with about this many postings in all.
  static let batchPostings = 1 << 22
  /// ... and at most about this many head records (each a document's whole result record), so
  /// that a batch of many terms in a few documents each does not hold gigabytes of heads.
  static let batchHeadRecords = 1 << 15

  let index: InvertedIndex
  let facets: FacetTable
  /// The result record of the document numbered d (in index order), for the heads.
  let record: @Sendable (Int) -> [UInt8]
  /// The threads that encode terms.
  let workers: Int

  /// One term's encoded parts: postings, rows, head.
  struct EncodedTerm: Sendable {
    var df: Int
    var parts: [[UInt8]]
  }

  /// Writes every shard and key file; returns the first term of each shard (the first is "").
  func write<E: Error>(root: String, to sink: (SearchFile) throws(E) -> Void) throws(E) -> [String] {
    var builder = ShardBuilder(root: root, firstShard: 0)
    func emit(_ file: BuiltFile) throws(E) {
      switch file {
      case .part(let path, .bytes(let bytes)): try sink(SearchFile(path: path, bytes: bytes))
      case .part: preconditionFailure("the clean writer has every part's bytes")
      case .shard(let number, let bytes): try sink(SearchFile(path: root + "terms/\(number).bin", bytes: bytes))
      }
    }
    let averageLength = KeyEncoder.averageLength(total: index.totalLength, documents: index.documentLength.count)
    var start = 0
    while start < index.termCount {
      var end = start + 1
      var headRecords = KeyHead.bound(df: index.postingStart[start + 1] - index.postingStart[start])
      while end < index.termCount && index.postingStart[end] - index.postingStart[start] < Self.batchPostings
        && headRecords < Self.batchHeadRecords
      {
        headRecords += KeyHead.bound(df: index.postingStart[end + 1] - index.postingStart[end])
        end += 1
      }
      let encoded = encodeInParallel(start..<end, averageLength: averageLength)
      for (k, term) in encoded.enumerated() {
        try builder.add(term: index.term(start + k), df: term.df, parts: term.parts.map { .bytes($0) }, to: emit)
      }
      start = end
    }
    try builder.finishShard(to: emit)
    if builder.firstTerms.isEmpty {
      // No terms: one empty shard.
      try sink(SearchFile(path: root + "terms/0.bin", bytes: ShardBuilder.emptyShard))
      return [""]
    }
    var firstTerms = builder.firstTerms
    firstTerms[0] = ""
    return firstTerms
  }

  /// Encodes terms `range` in pieces on the workers; the result keeps term order.
  private func encodeInParallel(_ range: Range<Int>, averageLength: Int) -> [EncodedTerm] {
    var pieces: [Range<Int>] = []
    var s = range.lowerBound
    while s < range.upperBound {
      var e = s + 1
      while e < range.upperBound && e - s < 512 && index.postingStart[e] - index.postingStart[s] < 1 << 16 { e += 1 }
      pieces.append(s..<e)
      s = e
    }
    let results = SharedSlots<[EncodedTerm]>(count: pieces.count, initial: [])
    let next = Parallel.Counter()
    let workers = min(self.workers, pieces.count)
    let ranges = pieces
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      var encoder = KeyEncoder(facets: facets)
      while true {
        let p = next.take()
        if p >= ranges.count { break }
        results[p] = ranges[p].map { encode($0, encoder: &encoder, averageLength: averageLength) }
      }
    }
    return results.values.flatMap { $0 }
  }

  private func encode(_ t: Int, encoder: inout KeyEncoder, averageLength: Int) -> EncodedTerm {
    let n = index.documentLength.count
    let range = index.postingStart[t]..<index.postingStart[t + 1]
    let df = range.count
    return index.postingDocument.withUnsafeBufferPointer { allDocuments in
      let documents = UnsafeBufferPointer(rebasing: allDocuments[range])
      var impacts: [UInt8]? = nil
      if KeyEncoder.hasImpacts(df: df, n: n) {
        impacts = range.map { e in
          KeyEncoder.impact(
            weight: Int(index.postingWeight[e]), length: Int(index.documentLength[Int(index.postingDocument[e])]),
            averageLength: averageLength)
        }
      }
      let rows = encoder.rows(of: documents)
      let head = KeyHead.members(of: documents, impacts: impacts, rule: KeyHead.term).map { record(Int(documents[$0]))[...] }
      return EncodedTerm(df: df, parts: KeyEncoder.parts(documents: documents, impacts: impacts, rows: rows) + [KeyHead.encode(head)])
    }
  }
}
