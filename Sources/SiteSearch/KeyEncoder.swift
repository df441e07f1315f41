import Foundation

/// Encodes the three parts of an index key (a term or a facet value): postings, facet rows and
/// positions. Formats: SiteSearch.docc/IndexFormat.md.
struct KeyEncoder {
  let facets: FacetTable
  let documentCount: Int
  /// Above this many bytes of rows, postings also carry the key's precomputed facet counts.
  static let countsThreshold = 2048
  /// Impact bytes are BM25 scores times this scale.
  static let scale = 8.0

  private var lists: [[Int32]]
  private var touched: [Int] = []

  init(facets: FacetTable, documentCount: Int) {
    self.facets = facets
    self.documentCount = documentCount
    lists = [[Int32]](repeating: [], count: facets.valueCount)
  }

  /// Facet rows: for each facet value present among `documents`, the local indexes (into
  /// `documents`) of the documents that have it. Also returns the count per value.
  mutating func rows(of documents: [Int32]) -> (bytes: [UInt8], counts: [(Int, Int)]) {
    for (i, d) in documents.enumerated() {
      for g in facets.documentValues[Int(d)] {
        if lists[Int(g)].isEmpty { touched.append(Int(g)) }
        lists[Int(g)].append(Int32(i))
      }
    }
    touched.sort()
    var out = ByteBuffer()
    out.varint(touched.count)
    var counts: [(Int, Int)] = []
    var previous = -1
    for g in touched {
      out.varint(g - previous - 1)
      out.intSet(lists[g])
      counts.append((g, lists[g].count))
      lists[g].removeAll(keepingCapacity: true)
      previous = g
    }
    touched.removeAll(keepingCapacity: true)
    return (out.bytes, counts)
  }

  /// Postings: flags (1 = impacts, 2 = counts), the document set, impact bytes, counts.
  static func postings(documents: [Int32], impacts: [UInt8]?, counts: [(Int, Int)]?) -> [UInt8] {
    var out = ByteBuffer()
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

  /// BM25's inverse document frequency.
  static func idf(df: Int, n: Int) -> Double {
    log(1 + (Double(n - df) + 0.5) / (Double(df) + 0.5))
  }

  /// The BM25 impact of one posting, quantized to a byte (1...255).
  static func impact(weight: Int, length: Int, averageLength: Double, idf: Double) -> UInt8 {
    let k1 = 1.2
    let b = 0.75
    let tf = Double(weight)
    let norm = k1 * (1 - b + b * Double(length) / max(averageLength, 1))
    let score = idf * tf * (k1 + 1) / (tf + norm)
    return UInt8(clamping: max(1, Int((score * scale).rounded())))
  }
}
