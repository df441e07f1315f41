import Foundation

/// Encodes the parts of an index key (a term, a pair or a facet value): postings, facet rows
/// and positions. Formats: SiteSearch.docc/IndexFormat.md. One per worker thread.
struct KeyEncoder {
  let facets: FacetTable
  /// Above this many bytes of rows, postings also carry the key's precomputed facet counts.
  static let countsThreshold = 2048
  /// Impact bytes are BM25 term-frequency factors (without the idf, at most k1 + 1 = 2.2) times
  /// this scale, so that they use the whole byte.
  static let scale = 115.0

  private var valueCount: [Int32]
  private var valueNext: [Int32]
  private var touched: [Int32] = []
  private var flat: [Int32] = []

  init(facets: FacetTable) {
    self.facets = facets
    valueCount = [Int32](repeating: 0, count: facets.valueCount)
    valueNext = [Int32](repeating: 0, count: facets.valueCount)
  }

  /// Facet rows: for each facet value present among `documents`, the local indexes (into
  /// `documents`) of the documents that have it. Also returns the count per value.
  mutating func rows(of documents: UnsafeBufferPointer<Int32>) -> (bytes: [UInt8], counts: [(Int, Int)]) {
    touched.removeAll(keepingCapacity: true)
    facets.documentStart.withUnsafeBufferPointer { start in
      facets.documentValues.withUnsafeBufferPointer { values in
        valueCount.withUnsafeMutableBufferPointer { count in
          for d in documents {
            for k in Int(start[Int(d)])..<Int(start[Int(d) + 1]) {
              let g = Int(values[k])
              if count[g] == 0 { touched.append(Int32(g)) }
              count[g] += 1
            }
          }
        }
      }
    }
    touched.sort()
    var total: Int32 = 0
    for g in touched {
      valueNext[Int(g)] = total
      total += valueCount[Int(g)]
    }
    if flat.count < Int(total) { flat = [Int32](repeating: 0, count: Int(total) * 2) }
    facets.documentStart.withUnsafeBufferPointer { start in
      facets.documentValues.withUnsafeBufferPointer { values in
        valueNext.withUnsafeMutableBufferPointer { next in
          flat.withUnsafeMutableBufferPointer { flat in
            for (i, d) in documents.enumerated() {
              for k in Int(start[Int(d)])..<Int(start[Int(d) + 1]) {
                let g = Int(values[k])
                flat[Int(next[g])] = Int32(i)
                next[g] += 1
              }
            }
          }
        }
      }
    }
    var out = ByteBuffer()
    out.bytes.reserveCapacity(Int(total) + touched.count * 4)
    out.varint(touched.count)
    var counts: [(Int, Int)] = []
    counts.reserveCapacity(touched.count)
    var previous = -1
    var offset = 0
    flat.withUnsafeBufferPointer { flat in
      for g32 in touched {
        let g = Int(g32)
        let n = Int(valueCount[g])
        Self.appendRow(value: g, after: previous, locals: UnsafeBufferPointer(rebasing: flat[offset..<(offset + n)]), into: &out)
        counts.append((g, n))
        valueCount[g] = 0
        offset += n
        previous = g
      }
    }
    return (out.bytes, counts)
  }

  /// One row of the rows part: the value's gap from the previous row's, then its local indexes.
  @inline(__always)
  static func appendRow(value g: Int, after previous: Int, locals: UnsafeBufferPointer<Int32>, into out: inout ByteBuffer) {
    out.varint(g - previous - 1)
    out.intSet(locals)
  }

  /// The rows part of already grouped rows (value ascending, local indexes ascending), and the
  /// count per value: the same bytes `rows(of:)` writes for the same documents.
  static func rows(_ rows: [FacetRow]) -> (bytes: [UInt8], counts: [(Int, Int)]) {
    var out = ByteBuffer()
    out.varint(rows.count)
    var previous = -1
    for row in rows {
      row.locals.withUnsafeBufferPointer { appendRow(value: row.value, after: previous, locals: $0, into: &out) }
      previous = row.value
    }
    return (out.bytes, rows.map { ($0.value, $0.locals.count) })
  }

  /// A key's two parts, postings and rows; the postings carry the facet counts when the rows
  /// are large.
  static func parts(
    documents: UnsafeBufferPointer<Int32>, impacts: [UInt8]?, rows: (bytes: [UInt8], counts: [(Int, Int)])
  ) -> [[UInt8]] {
    let counts = rows.bytes.count > countsThreshold ? rows.counts : nil
    return [postings(documents: documents, impacts: impacts, counts: counts), rows.bytes]
  }

  /// Postings: flags (1 = impacts, 2 = counts), the document set, impact bytes, counts.
  static func postings(documents: UnsafeBufferPointer<Int32>, impacts: [UInt8]?, counts: [(Int, Int)]?) -> [UInt8] {
    var out = ByteBuffer()
    out.bytes.reserveCapacity(documents.count * 2 + 8)
    out.varint((impacts == nil ? 0 : 1) | (counts == nil ? 0 : 2))
    out.intSet(documents)
    if let impacts { out.append(impacts) }
    if let counts {
      out.varint(counts.count)
      var previous = -1
      for (g, c) in counts {
        out.varint(g - previous - 1)
        out.varint(c)
        previous = g
      }
    }
    return out.bytes
  }

  /// BM25's inverse document frequency (search.js multiplies impacts by it at query time).
  static func idf(df: Int, n: Int) -> Double {
    log(1 + (Double(n - df) + 0.5) / (Double(df) + 0.5))
  }

  /// Whether a key in `df` of `n` documents stores impacts (otherwise it scores its idf).
  static func hasImpacts(df: Int, n: Int) -> Bool { df <= max(4096, n / 10) }

  /// The average document length that impacts use: the exact average rounded to an integer
  /// (at least 1), so that editing a few documents almost never changes it.
  static func averageLength(total: Int, documents: Int) -> Int {
    documents == 0 ? 1 : max(1, (total + documents / 2) / documents)
  }

  /// The BM25 impact of one posting without its idf, quantized to a byte (1...255).
  @inline(__always)
  static func impact(weight: Int, length: Int, averageLength: Int) -> UInt8 {
    let k1 = 1.2
    let b = 0.75
    let tf = Double(weight)
    let norm = k1 * (1 - b + b * Double(length) / Double(averageLength))
    let score = tf * (k1 + 1) / (tf + norm)
    return UInt8(clamping: max(1, Int((score * scale).rounded())))
  }
}

/// One facet value's row of a key: which of the key's postings (local indexes) have the value.
struct FacetRow: Equatable, Sendable {
  var value: Int
  var locals: [Int32]
}
