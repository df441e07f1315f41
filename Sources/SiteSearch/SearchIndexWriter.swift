import Dispatch
import Foundation

#if os(Linux)
  /// glibc's malloc_trim (not in the Glibc module map).
  @_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#endif

/// Writes the static full-text search index that Public/search/search.js reads.
///
/// The index lives under `search/index/`: a small manifest, the term dictionary in shards,
/// per-term postings and facet rows, the pairs of adjacent words (for phrases) in hashed
/// buckets, per-facet-value postings and rows, per-document facet values in blocks, the
/// result metadata in chunks of documents, and the names of facet values that query words also
/// match (`NameIndex`). SiteSearch.docc/IndexFormat.md describes the format.
///
/// The work runs on the threads the caller allows; the output is byte-identical for the same
/// documents in any order, whatever the number of threads.
public enum SearchIndexWriter {
  static let root = "search/index/"
  static let chunkSize = 16
  static let blockSize = 64
  static let format = "hrindex-search-7"

  /// The index files for `documents`, byte-identical for the same input.
  /// - Parameters:
  ///   - labels: field -> value -> human label (`.country` -> "ecu" -> "Ecuador").
  ///   - names: field -> value -> every name of the value (all languages, aliases), which a
  ///     query word also matches (`NameIndex.fields` are used); each is stemmed by its language.
  ///   - editions: the site's language trees, whose pages and labels `createSearch({ language })`
  ///     returns (`labels/<language>.json`, the manifest's `editions`).
  ///   - threads: how many threads the work may use (at most 8 are).
  public static func files(
    for documents: [SearchDocument], labels: [FacetField: [String: String]],
    names: [FacetField: [String: [SearchName]]] = [:], editions: [SearchEdition] = [], threads: Int
  ) -> [SearchFile] {
    var files: [SearchFile] = []
    write(documents, labels: labels, names: names, editions: editions, threads: threads) { files.append($0) }
    return files
  }

  /// Hands the index files for `documents` to `sink` one at a time, in a fixed order, without
  /// holding them all in memory. `sink` runs on the calling thread.
  public static func write<E: Error>(
    _ documents: [SearchDocument], labels: [FacetField: [String: String]],
    names: [FacetField: [String: [SearchName]]] = [:], editions: [SearchEdition] = [], threads: Int,
    to sink: (SearchFile) throws(E) -> Void
  ) throws(E) {
    let workers = Parallel.workers(threads: threads)
    let order = indexOrder(documents)
    let facets = FacetTable(documents: documents, order: order, workers: workers)
    var index = InvertedIndex.build(documents, order: order, workers: workers)
    // Pairs first: their occurrences are the bulk of what tokenizing kept, and they are freed
    // before the term postings are expanded.
    let record: @Sendable (Int) -> [UInt8] = { d in
      var out: [UInt8] = []
      ResultChunks.record(documents[order[d]], into: &out)
      return out
    }
    let pairOccurrences = index.pairOccurrences
    let buckets = PairWriter.bucketCount(occurrences: pairOccurrences)
    try PairWriter.write(index, buckets: buckets, root: root, workers: workers, record: record, to: sink)
    index.dropPairs()
    trimMemory()
    index.groupPostings()
    let shards = try TermShardWriter(index: index, facets: facets, record: record, workers: workers).write(root: root, to: sink)
    let totalLength = index.totalLength
    index = InvertedIndex()
    trimMemory()
    let rowBytes = try facetValueFiles(facets, workers: workers, to: sink)
    let vectorBytes = try vectorFiles(facets, to: sink)
    try documentChunks(documents, order, workers: workers, to: sink)
    let nameBuckets = NameIndex.buckets(names, facets: facets)
    for (b, bytes) in nameBuckets.enumerated() { try sink(SearchFile(path: root + "names/\(b).json", bytes: bytes)) }
    let manifest = Manifest(
      format: format, documents: order.count, chunkSize: chunkSize, blockSize: blockSize, scale: Int(KeyEncoder.scale),
      totalLength: totalLength, averageLength: KeyEncoder.averageLength(total: totalLength, documents: order.count),
      shards: shards, pairBuckets: buckets, pairPartitions: InvertedIndex.pairPartitions, pairOccurrences: pairOccurrences,
      vectorBytes: vectorBytes, fields: FacetField.names, values: facets.values,
      counts: facets.values.indices.map { f in facets.values[f].indices.map { facets.count(of: facets.offsets[f] + $0) } },
      rowBytes: rowBytes, nameBuckets: nameBuckets.count, heads: KeyHead.sizes(documents: order.count),
      editions: Dictionary(editions.map { ($0.language, $0.prefix) }) { a, _ in a })
    try sink(SearchFile(path: root + "manifest.json", bytes: encodeJSON(manifest)))
    try sink(SearchFile(path: root + "labels.json", bytes: encodeJSON(usedLabels(labels, facets))))
    for edition in editions.sorted(by: { $0.language < $1.language }) {
      try sink(SearchFile(path: root + "labels/\(edition.language).json", bytes: encodeJSON(usedLabels(edition.labels, facets))))
    }
  }

  /// Document indexes newest first, then by id: the order of results without a query.
  static func indexOrder(_ documents: [SearchDocument]) -> [Int] {
    // Dates compare as ranks; ids only between documents of one date.
    let dates = Set(documents.map(\.date)).sorted(by: bytewise)
    let rank = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, Int32($0)) })
    let dateRank = documents.map { rank[$0.date]! }
    let ids = documents.map(\.id)
    return dateRank.withUnsafeBufferPointer { dateRank in
      documents.indices.sorted { a, b in
        if dateRank[a] != dateRank[b] { return dateRank[a] > dateRank[b] }
        return ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8)
      }
    }
  }

  /// Hands memory freed to glibc's malloc back to the system between stages (glibc keeps it
  /// otherwise). Under mimalloc, which the `hrindex` command links, this reaches only glibc's
  /// nearly unused arenas: mimalloc returns freed memory by itself.
  static func trimMemory() {
    #if os(Linux)
      _ = mallocTrim(0)
    #endif
  }

  static func indexOrder(_ a: SearchDocument, _ b: SearchDocument) -> Bool {
    if a.date != b.date { return bytewise(b.date, a.date) }
    return bytewise(a.id, b.id)
  }

  /// facets/<g>.p.bin and .r.bin for every facet value; returns the rows' sizes per field.
  static func facetValueFiles<E: Error>(
    _ facets: FacetTable, workers: Int, to sink: (SearchFile) throws(E) -> Void
  ) throws(E) -> [[Int]] {
    let count = facets.valueCount
    let results = SharedSlots<(postings: [UInt8], rows: [UInt8])>(count: count, initial: ([], []))
    let next = Parallel.Counter()
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
      var encoder = KeyEncoder(facets: facets)
      while true {
        let g = next.take()
        if g >= count { break }
        facets.valueDocuments.withUnsafeBufferPointer { all in
          let documents = UnsafeBufferPointer(rebasing: all[facets.valueStart[g]..<facets.valueStart[g + 1]])
          let parts = KeyEncoder.parts(documents: documents, impacts: nil, rows: encoder.rows(of: documents))
          results[g] = (parts[0], parts[1])
        }
      }
    }
    var rowBytes: [[Int]] = facets.values.map { _ in [] }
    for f in facets.values.indices {
      for i in facets.values[f].indices {
        let g = facets.offsets[f] + i
        let (postings, rows) = results[g]
        try sink(SearchFile(path: root + "facets/\(g).p.bin", bytes: postings))
        try sink(SearchFile(path: root + "facets/\(g).r.bin", bytes: rows))
        rowBytes[f].append(rows.count)
        results[g] = ([], [])
      }
    }
    return rowBytes
  }

  /// vectors/<b>.bin; returns their total size.
  static func vectorFiles<E: Error>(_ facets: FacetTable, to sink: (SearchFile) throws(E) -> Void) throws(E) -> Int {
    let n = facets.documentStart.count - 1
    var total = 0
    for (b, start) in stride(from: 0, to: n, by: blockSize).enumerated() {
      let bytes = ResultChunks.vectors(facets, documents: start..<min(n, start + blockSize))
      total += bytes.count
      try sink(SearchFile(path: root + "vectors/\(b).bin", bytes: bytes))
    }
    return total
  }

  /// docs/<c>.json, encoded in batches on the workers.
  static func documentChunks<E: Error>(
    _ documents: [SearchDocument], _ order: [Int], workers: Int, to sink: (SearchFile) throws(E) -> Void
  ) throws(E) {
    let chunkCount = (order.count + chunkSize - 1) / chunkSize
    let batch = 512
    var first = 0
    while first < chunkCount {
      let last = min(chunkCount, first + batch)
      let results = SharedSlots<[UInt8]>(count: last - first, initial: [])
      Parallel.forEachChunk(last - first, workers: workers) { _, k in
        let c = first + k
        results[k] = ResultChunks.chunk(documents, order[(c * chunkSize)..<min(order.count, (c + 1) * chunkSize)])
      }
      for k in 0..<(last - first) {
        try sink(SearchFile(path: root + "docs/\(first + k).json", bytes: results[k]))
        results[k] = []
      }
      first = last
    }
  }

  private static func usedLabels(_ labels: [FacetField: [String: String]], _ facets: FacetTable) -> [String: [String: String]] {
    var out: [String: [String: String]] = [:]
    for (f, field) in FacetField.allCases.enumerated() {
      var known: [String: String] = [:]
      for value in facets.values[f] { known[value] = labels[field]?[value] ?? value }
      out[field.rawValue] = known
    }
    return out
  }

  static func encodeJSON(_ value: some Encodable) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings, numbers and arrays cannot fail.
    guard let data = try? encoder.encode(value) else { preconditionFailure("unencodable index JSON") }
    return Array(data) + [0x0A]
  }
}

/// manifest.json: what every query loads first.
struct Manifest: Codable {
  var format: String
  var documents: Int
  var chunkSize: Int
  /// Documents per vectors/<b>.bin file.
  var blockSize: Int
  /// Impact bytes are term-frequency factors times this scale (`KeyEncoder.impact`).
  var scale: Int
  /// The sum of the documents' BM25 lengths, and the rounded average that impacts use.
  var totalLength: Int
  var averageLength: Int
  /// The first term of each dictionary shard (the first is "").
  var shards: [String]
  /// The number of pairs/<b>.bin buckets, and of partitions they are grouped in (see `PairKey`).
  var pairBuckets: Int
  var pairPartitions: Int
  /// The number of pair occurrences, from which `pairBuckets` is computed.
  var pairOccurrences: Int
  /// The total size of the vectors/ files (their average is the cost of one).
  var vectorBytes: Int
  /// The facet fields in index order (`FacetField.names`): the list search.js uses.
  var fields: [String]
  /// Per field, its values sorted by bytes; global value index = field offset + index.
  var values: [[String]]
  /// Per field and value, the number of documents that have it.
  var counts: [[Int]]
  /// Per field and value, the size of its rows file (the cost of counting facets from it).
  var rowBytes: [[Int]]
  /// The number of names/<b>.json buckets (`NameIndex`).
  var nameBuckets: Int
  /// How many records the keys' heads hold (`KeyHead`), so search.js knows which documents one has.
  var heads: KeyHead.Sizes
  /// Language -> the folder of its edition from the site root ("" for the default language).
  var editions: [String: String]
}
