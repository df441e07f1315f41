/// Writes the term dictionary in shards (terms in byte order, front-coded) and the parts of
/// terms too large to inline into a shard as files under keys/.
struct TermShardWriter {
  static let shardTarget = 24 * 1024
  static let inlinePostings = 64
  static let inlineRows = 160
  static let inlinePositions = 64

  let index: InvertedIndex
  let facets: FacetTable

  struct Output {
    var shardFirstTerms: [String] = []
    var files: [SearchFile] = []
  }

  func write(root: String) -> Output {
    let n = index.documentLength.count
    let averageLength = n == 0 ? 1 : Double(index.documentLength.reduce(0) { $0 + Int($1) }) / Double(n)
    let impactLimit = max(4096, n / 10)
    let sortedTerms = index.terms.indices.sorted { bytewise(index.terms[$0], index.terms[$1]) }
    var encoder = KeyEncoder(facets: facets, documentCount: n)
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
    for t in sortedTerms {
      if shardCount == 0 { output.shardFirstTerms.append(index.terms[t]) }
      let entries = index.postings(of: t)
      let documents = entries.map { index.entryDocument[Int($0)] }
      let df = documents.count
      var impacts: [UInt8]? = nil
      if df <= impactLimit {
        impacts = entries.map { e in
          KeyEncoder.impact(
            weight: Int(index.entryWeight[Int(e)]), length: Int(index.documentLength[Int(index.entryDocument[Int(e)])]),
            averageLength: averageLength, df: df, n: n)
        }
      }
      let rows = encoder.rows(of: documents)
      let postings = KeyEncoder.postings(
        documents: documents, impacts: impacts,
        counts: rows.bytes.count > KeyEncoder.countsThreshold ? rows.counts : nil)
      let positions = Self.positions(of: entries, in: index)
      let parts: [(bytes: [UInt8], limit: Int, suffix: String)] = [
        (postings, Self.inlinePostings, "p"), (rows.bytes, Self.inlineRows, "r"),
        (positions, Self.inlinePositions, "x"),
      ]
      var flags = 0
      for (k, part) in parts.enumerated() where part.bytes.count <= part.limit { flags |= 1 << k }
      let needsFile = flags != 7
      if needsFile { flags |= 8 }
      let termBytes = Array(index.terms[t].utf8)
      let shared = zip(previous, termBytes).prefix { $0 == $1 }.count
      shard.varint(shared)
      shard.varint(termBytes.count - shared)
      shard.append(Array(termBytes[shared...]))
      shard.varint(df)
      shard.varint(flags)
      if needsFile { shard.varint(nextId) }
      for (k, part) in parts.enumerated() {
        shard.varint(part.bytes.count)
        if flags & (1 << k) != 0 {
          shard.append(part.bytes)
        } else {
          output.files.append(SearchFile(path: root + "keys/\(nextId).\(part.suffix).bin", bytes: part.bytes))
        }
      }
      if needsFile { nextId += 1 }
      previous = termBytes
      shardCount += 1
      if shard.count >= Self.shardTarget { closeShard() }
    }
    if shardCount > 0 || output.shardFirstTerms.isEmpty {
      if output.shardFirstTerms.isEmpty { output.shardFirstTerms.append("") }
      closeShard()
    }
    output.shardFirstTerms[0] = ""
    return output
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
