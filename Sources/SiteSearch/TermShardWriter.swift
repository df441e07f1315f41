import Dispatch

/// Writes the term dictionary in shards (terms in byte order, front-coded) and the parts of
/// terms too large to inline into a shard as files under keys/.
struct TermShardWriter {
  static let shardTarget = 24 * 1024
  /// Parts up to this many bytes live inside the shard entry instead of a file of their own.
  static let inlineLimits = [64, 160, 64]
  static let partSuffixes = ["p", "r", "x"]

  let index: InvertedIndex
  let facets: FacetTable

  struct Output {
    var shardFirstTerms: [String] = []
    var files: [SearchFile] = []
  }

  /// One term's encoded parts: postings, rows, positions.
  struct EncodedTerm {
    var term: [UInt8]
    var df: Int
    var parts: [[UInt8]]
  }

  func write(root: String) -> Output {
    let sortedTerms = index.terms.indices.sorted { bytewise(index.terms[$0], index.terms[$1]) }
    let encoded = encodeInParallel(sortedTerms)
    var output = Output()
    var shard = ByteBuffer()
    var shardCount = 0
    var previous: [UInt8] = []
    var nextId = 0
    func closeShard() {
      var file = ByteBuffer()
      file.varint(shardCount)
      file.append(shard.bytes)
      output.files.append(SearchFile(path: root + "terms/\(output.shardFirstTerms.count - 1).bin", bytes: file.bytes))
      shard = ByteBuffer()
      shardCount = 0
      previous = []
    }
    for chunk in encoded {
      for term in chunk {
        if shardCount == 0 { output.shardFirstTerms.append(String(decoding: term.term, as: UTF8.self)) }
        var flags = 0
        for (k, part) in term.parts.enumerated() where part.count <= Self.inlineLimits[k] { flags |= 1 << k }
        let needsFile = flags != 7
        if needsFile { flags |= 8 }
        let shared = zip(previous, term.term).prefix { $0 == $1 }.count
        shard.varint(shared)
        shard.varint(term.term.count - shared)
        shard.append(Array(term.term[shared...]))
        shard.varint(term.df)
        shard.varint(flags)
        if needsFile { shard.varint(nextId) }
        for (k, part) in term.parts.enumerated() {
          shard.varint(part.count)
          if flags & (1 << k) != 0 {
            shard.append(part)
          } else {
            output.files.append(SearchFile(path: root + "keys/\(nextId).\(Self.partSuffixes[k]).bin", bytes: part))
          }
        }
        if needsFile { nextId += 1 }
        previous = term.term
        shardCount += 1
        if shard.count >= Self.shardTarget { closeShard() }
      }
    }
    if shardCount > 0 || output.shardFirstTerms.isEmpty {
      if output.shardFirstTerms.isEmpty { output.shardFirstTerms.append("") }
      closeShard()
    }
    output.shardFirstTerms[0] = ""
    return output
  }

  /// Encodes the terms in chunks, two or more at a time; the chunks keep term order.
  private func encodeInParallel(_ sortedTerms: [Int]) -> [[EncodedTerm]] {
    let chunkSize = 2048
    let chunkCount = (sortedTerms.count + chunkSize - 1) / chunkSize
    let results = SharedSlots<[EncodedTerm]>(count: chunkCount, initial: [])
    let workers = max(1, min(4, System.activeProcessorCount))
    let n = index.documentLength.count
    let averageLength = n == 0 ? 1 : Double(index.documentLength.reduce(0) { $0 + Int($1) }) / Double(n)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var encoder = KeyEncoder(facets: facets, documentCount: n)
      var c = worker
      while c < chunkCount {
        let range = (c * chunkSize)..<min(sortedTerms.count, (c + 1) * chunkSize)
        results[c] = range.map { encode(sortedTerms[$0], encoder: &encoder, averageLength: averageLength) }
        c += workers
      }
    }
    return results.values
  }

  private func encode(_ t: Int, encoder: inout KeyEncoder, averageLength: Double) -> EncodedTerm {
    let n = index.documentLength.count
    let entries = index.postings(of: t)
    let documents = entries.map { index.entryDocument[Int($0)] }
    let df = documents.count
    var impacts: [UInt8]? = nil
    if df <= max(4096, n / 10) {
      let idf = KeyEncoder.idf(df: df, n: n)
      impacts = entries.map { e in
        KeyEncoder.impact(
          weight: Int(index.entryWeight[Int(e)]), length: Int(index.documentLength[Int(index.entryDocument[Int(e)])]),
          averageLength: averageLength, idf: idf)
      }
    }
    let rows = encoder.rows(of: documents)
    let postings = KeyEncoder.postings(
      documents: documents, impacts: impacts,
      counts: rows.bytes.count > KeyEncoder.countsThreshold ? rows.counts : nil)
    return EncodedTerm(
      term: Array(index.terms[t].utf8), df: df, parts: [postings, rows.bytes, Self.positions(of: entries, in: index)])
  }

  /// Positions of each posting in document order: count, then deltas.
  static func positions(of entries: ArraySlice<Int32>, in index: InvertedIndex) -> [UInt8] {
    var out = ByteBuffer()
    for e in entries {
      let list = index.positions(ofEntry: e)
      out.varint(list.count)
      var previous: UInt32 = 0
      for p in list {
        out.varint(Int(p - previous))
        previous = p
      }
    }
    return out.bytes
  }
}
