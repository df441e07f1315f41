import Dispatch

/// Writes the pair index: for every two adjacent tokens ("human right", "人权 权机"), the
/// documents where they stand side by side, with impacts and positions, in hashed buckets
/// (pairs/<b>.bin), and for a frequent pair its head (`KeyHead.pair`). A phrase of k
/// words is k - 1 pairs; search.js matches it from these alone, and loads its first page from
/// a pair's head where that saves requests.
///
/// Pairs were collected per chunk in partitions by hash; one partition at a time is grouped,
/// encoded and written, so only one partition's postings are ever expanded in memory.
struct PairWriter {
  /// A bucket holds about this many bytes.
  static let bucketTarget = 16 * 1024

  /// The number of buckets for `occurrences` pair occurrences: a multiple of the partitions.
  static func bucketCount(occurrences: Int) -> Int {
    // About 4 bytes per occurrence: a document gap, an impact, a count, a position.
    let estimate = occurrences * 4
    let partitions = InvertedIndex.pairPartitions
    let perPartition = max(1, (estimate / partitions + bucketTarget - 1) / bucketTarget)
    return perPartition * partitions
  }

  /// Writes the buckets, with the parts too large to inline as pairs/<b>-<k>.p.bin and .x.bin,
  /// and the heads as pairs/<b>-<k>.h.json (see `BucketBuilder`).
  /// `record(d)` is the result record of the document numbered d (for the heads).
  static func write<E: Error>(
    _ index: InvertedIndex, buckets: Int, root: String, workers: Int, record: @Sendable (Int) -> [UInt8],
    to sink: (SearchFile) throws(E) -> Void
  ) throws(E) {
    let averageLength = KeyEncoder.averageLength(total: index.totalLength, documents: index.documentLength.count)
    let partitions = InvertedIndex.pairPartitions
    // Partitions are grouped, encoded and laid out a few at a time, one per worker, then handed
    // to the sink in order.
    let wave = max(1, min(workers, partitions))
    for first in stride(from: 0, to: partitions, by: wave) {
      let count = min(wave, partitions - first)
      let results = SharedSlots<[SearchFile]>(count: count, initial: [])
      DispatchQueue.concurrentPerform(iterations: count) { k in
        let grouped = group(index, partition: first + k)
        let encoded = encode(grouped, index: index, averageLength: averageLength, record: record)
        results[k] = files(grouped, encoded, partition: first + k, buckets: buckets, root: root)
      }
      for k in 0..<count {
        for file in results[k] { try sink(file) }
        results[k] = []
      }
    }
  }

  /// The bucket files of one partition and the pairs' own files, in order.
  private static func files(
    _ grouped: Grouped, _ encoded: [TermShardWriter.EncodedTerm], partition: Int, buckets: Int, root: String
  ) -> [SearchFile] {
    let perPartition = buckets / InvertedIndex.pairPartitions
    // Each bucket's pairs in key order (grouped.order is key order).
    var members = [[Int]](repeating: [], count: perPartition)
    for p in grouped.order {
      members[PairKey.bucket(hash: grouped.hash[p], buckets: buckets) - partition * perPartition].append(p)
    }
    var files: [SearchFile] = []
    func emit(_ file: BuiltFile) {
      guard case .part(let path, .bytes(let bytes)) = file else { preconditionFailure("the clean writer has every part's bytes") }
      files.append(SearchFile(path: path, bytes: bytes))
    }
    for (b, list) in members.enumerated() {
      let bucket = partition * perPartition + b
      var builder = BucketBuilder(root: root, bucket: bucket, entries: list.count)
      for p in list {
        builder.add(key: grouped.keys.bytes(Int32(p)), df: encoded[p].df, parts: encoded[p].parts.map { .bytes($0) }, to: emit)
      }
      files.append(SearchFile(path: root + "pairs/\(bucket).bin", bytes: builder.file.bytes))
    }
    return files
  }

  /// A pair's occurrences in one document as the positions part stores them: their count, then
  /// the gaps between positions (the first from 0).
  static func appendOccurrences(_ positions: some Collection<UInt16>, into out: inout ByteBuffer) {
    out.varint(positions.count)
    var previous = 0
    for position in positions {
      out.varint(Int(position) - previous)
      previous = Int(position)
    }
  }

  /// One partition's pairs, grouped: pair p has occurrences `start[p] ..< start[p + 1]`, by
  /// document then position.
  struct Grouped: Sendable {
    var keys = TermTable(capacity: 1 << 12)
    var hash: [UInt32] = []
    /// Pair ids in key (byte) order.
    var order: [Int] = []
    var start: [Int] = []
    var document: [Int32] = []
    var position: [UInt16] = []
  }

  private static func group(_ index: InvertedIndex, partition: Int) -> Grouped {
    var g = Grouped()
    let ids = pairIds(index, partition: partition, into: &g)
    g.start = starts(index, partition: partition, ids: ids, pairCount: g.hash.count)
    (g.document, g.position) = occurrences(index, partition: partition, ids: ids, start: g.start)
    g.order = g.keys.idsInByteOrder().map(Int.init)
    return g
  }

  /// (worker, local pair) -> pair id in this partition, or -1 for another partition's pair.
  /// Interns the partition's pair keys into `g`, with their hashes.
  private static func pairIds(_ index: InvertedIndex, partition: Int, into g: inout Grouped) -> [[Int32]] {
    index.workers.map { worker in
      let terms = worker.state.terms
      return worker.pairHash.indices.map { local in
        guard PairKey.partition(worker.pairHash[local]) == partition else { return -1 }
        let key = worker.pairIds.keys[local]
        let bytes = PairKey.bytes(terms.bytes(Int32(truncatingIfNeeded: key >> 32)), terms.bytes(Int32(truncatingIfNeeded: key)))
        let id = g.keys.intern(bytes)
        if Int(id) == g.hash.count { g.hash.append(worker.pairHash[local]) }
        return id
      }
    }
  }

  /// Where each pair's occurrences start once grouped: pair p has `start[p] ..< start[p + 1]`.
  private static func starts(_ index: InvertedIndex, partition: Int, ids: [[Int32]], pairCount: Int) -> [Int] {
    var start = [Int](repeating: 0, count: pairCount + 1)
    for chunk in index.chunks {
      ids[chunk.worker].withUnsafeBufferPointer { map in
        chunk.pairs[partition].id.withUnsafeBufferPointer { pairs in
          start.withUnsafeMutableBufferPointer { start in
            for local in pairs { start[Int(map[Int(local)]) + 1] += 1 }
          }
        }
      }
    }
    for p in 0..<pairCount { start[p + 1] += start[p] }
    return start
  }

  /// The document and position of every occurrence, grouped by pair (counting sort), each
  /// pair's by document then position.
  private static func occurrences(
    _ index: InvertedIndex, partition: Int, ids: [[Int32]], start: [Int]
  ) -> (document: [Int32], position: [UInt16]) {
    var next = start
    var document = [Int32](repeating: 0, count: start[start.count - 1])
    var position = [UInt16](repeating: 0, count: start[start.count - 1])
    for chunk in index.chunks {
      ids[chunk.worker].withUnsafeBufferPointer { map in
        next.withUnsafeMutableBufferPointer { next in
          document.withUnsafeMutableBufferPointer { document in
            position.withUnsafeMutableBufferPointer { position in
              OccurrenceSlots(next: next, document: document, position: position).place(chunk.pairs[partition], base: chunk.base, map: map)
            }
          }
        }
      }
    }
    return (document, position)
  }

  private static func encode(
    _ g: Grouped, index: InvertedIndex, averageLength: Int, record: (Int) -> [UInt8]
  ) -> [TermShardWriter.EncodedTerm] {
    let pairCount = g.hash.count
    let results = SharedSlots<TermShardWriter.EncodedTerm>(
      count: pairCount, initial: TermShardWriter.EncodedTerm(df: 0, parts: []))
    let pieceSize = 256
    let pieces = (pairCount + pieceSize - 1) / pieceSize
    let n = index.documentLength.count
    let rule = KeyHead.pair(documents: n)
    for piece in 0..<pieces {
      var documents: [Int32] = []
      var counts: [Int] = []
      for p in (piece * pieceSize)..<min(pairCount, (piece + 1) * pieceSize) {
        // Occurrences of one document are consecutive: one posting each.
        documents.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        var positions = ByteBuffer()
        var e = g.start[p]
        let end = g.start[p + 1]
        while e < end {
          let document = g.document[e]
          var f = e + 1
          while f < end && g.document[f] == document { f += 1 }
          documents.append(document)
          counts.append(f - e)
          appendOccurrences(g.position[e..<f], into: &positions)
          e = f
        }
        let df = documents.count
        var impacts: [UInt8]? = nil
        if KeyEncoder.hasImpacts(df: df, n: n) {
          impacts = documents.indices.map { k in
            KeyEncoder.impact(weight: counts[k], length: Int(index.documentLength[Int(documents[k])]), averageLength: averageLength)
          }
        }
        let postings = documents.withUnsafeBufferPointer { KeyEncoder.postings(documents: $0, impacts: impacts, counts: nil) }
        let head = KeyHead.members(of: documents, impacts: impacts, rule: rule).map { record(Int(documents[$0]))[...] }
        results[p] = TermShardWriter.EncodedTerm(df: df, parts: [postings, positions.bytes, KeyHead.encode(head)])
      }
    }
    return results.values
  }
}

/// The grouped occurrence arrays being filled, and the next free slot of each pair.
private struct OccurrenceSlots {
  let next: UnsafeMutableBufferPointer<Int>
  let document: UnsafeMutableBufferPointer<Int32>
  let position: UnsafeMutableBufferPointer<UInt16>

  /// Puts one chunk's occurrences (documents from `base` on) in their pairs' slots; `map` turns
  /// the chunk's worker's pair ids into the partition's.
  @inline(__always)
  func place(_ list: PairList, base: Int, map: UnsafeBufferPointer<Int32>) {
    list.id.withUnsafeBufferPointer { pairIds in
      list.position.withUnsafeBufferPointer { positions in
        var e = 0
        for d in 0..<list.end.count {
          let doc = Int32(base + d)
          let end = Int(list.end[d])
          while e < end {
            let p = Int(map[Int(pairIds[e])])
            document[next[p]] = doc
            position[next[p]] = positions[e]
            next[p] += 1
            e += 1
          }
        }
      }
    }
  }
}
