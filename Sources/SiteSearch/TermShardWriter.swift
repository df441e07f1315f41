import Dispatch

/// Writes the term dictionary in shards (terms in byte order, front-coded) and the parts of
/// terms too large to inline into a shard as files under keys/. Terms are encoded in batches on
/// every core and handed to the sink batch by batch, so the index never holds all of them.
struct TermShardWriter {
  static let shardTarget = 24 * 1024
  /// Parts up to this many bytes live inside the shard entry instead of a file of their own.
  static let inlineLimits = [256, 1024]
  static let partSuffixes = ["p", "r"]
  /// A batch holds terms with about this many postings in all.
  static let batchPostings = 1 << 22

  let index: InvertedIndex
  let facets: FacetTable

  /// One term's encoded parts: postings, rows.
  struct EncodedTerm: Sendable {
    var df: Int
    var parts: [[UInt8]]
  }

  /// Writes every shard and key file, key ids from `firstKey` on; returns the first term of each
  /// shard (the first is "") and the next free key id.
  func write<E: Error>(
    root: String, firstKey: Int, to sink: (SearchFile) throws(E) -> Void
  ) throws(E) -> (shards: [String], keys: Int) {
    var shardFirstTerms: [String] = []
    var shard = ByteBuffer()
    var shardCount = 0
    var previous = ArraySlice<UInt8>()
    var nextId = firstKey
    let n = index.documentLength.count
    let averageLength = n == 0 ? 1 : Double(index.documentLength.reduce(0) { $0 + Int($1) }) / Double(n)
    func closeShard() throws(E) {
      var file = ByteBuffer()
      file.varint(shardCount)
      file.append(shard.bytes)
      try sink(SearchFile(path: root + "terms/\(shardFirstTerms.count - 1).bin", bytes: file.bytes))
      shard = ByteBuffer()
      shardCount = 0
      previous = []
    }
    var start = 0
    while start < index.termCount {
      var end = start + 1
      while end < index.termCount && index.postingStart[end] - index.postingStart[start] < Self.batchPostings { end += 1 }
      let encoded = encodeInParallel(start..<end, averageLength: averageLength)
      for (k, term) in encoded.enumerated() {
        let bytes = index.term(start + k)
        if shardCount == 0 { shardFirstTerms.append(String(decoding: bytes, as: UTF8.self)) }
        var flags = 0
        for (p, part) in term.parts.enumerated() where part.count <= Self.inlineLimits[p] { flags |= 1 << p }
        let needsFile = flags != 3
        if needsFile { flags |= 8 }
        let shared = zip(previous, bytes).prefix { $0 == $1 }.count
        shard.varint(shared)
        shard.varint(bytes.count - shared)
        shard.append(bytes.dropFirst(shared))
        shard.varint(term.df)
        shard.varint(flags)
        if needsFile { shard.varint(nextId) }
        for (p, part) in term.parts.enumerated() {
          shard.varint(part.count)
          if flags & (1 << p) != 0 {
            shard.append(part)
          } else {
            try sink(SearchFile(path: root + "keys/\(nextId).\(Self.partSuffixes[p]).bin", bytes: part))
          }
        }
        if needsFile { nextId += 1 }
        previous = bytes
        shardCount += 1
        if shard.count >= Self.shardTarget { try closeShard() }
      }
      start = end
    }
    if shardCount > 0 || shardFirstTerms.isEmpty {
      if shardFirstTerms.isEmpty { shardFirstTerms.append("") }
      try closeShard()
    }
    shardFirstTerms[0] = ""
    return (shardFirstTerms, nextId)
  }

  /// Encodes terms `range` in pieces on every core; the result keeps term order.
  private func encodeInParallel(_ range: Range<Int>, averageLength: Double) -> [EncodedTerm] {
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
    let workers = min(Parallel.workers, pieces.count)
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

  private func encode(_ t: Int, encoder: inout KeyEncoder, averageLength: Double) -> EncodedTerm {
    let n = index.documentLength.count
    let range = index.postingStart[t]..<index.postingStart[t + 1]
    let df = range.count
    return index.postingDocument.withUnsafeBufferPointer { allDocuments in
      let documents = UnsafeBufferPointer(rebasing: allDocuments[range])
      var impacts: [UInt8]? = nil
      if KeyEncoder.hasImpacts(df: df, n: n) {
        let idf = KeyEncoder.idf(df: df, n: n)
        impacts = range.map { e in
          KeyEncoder.impact(
            weight: Int(index.postingWeight[e]), length: Int(index.documentLength[Int(index.postingDocument[e])]),
            averageLength: averageLength, idf: idf)
        }
      }
      let rows = encoder.rows(of: documents)
      let postings = KeyEncoder.postings(
        documents: documents, impacts: impacts,
        counts: rows.bytes.count > KeyEncoder.countsThreshold ? rows.counts : nil)
      return EncodedTerm(df: df, parts: [postings, rows.bytes])
    }
  }
}
