import Dispatch

/// The facet values of the indexed documents, numbered: every (field, value) pair gets a
/// global index `g`, fields in `FacetField` order, values sorted by bytes.
struct FacetTable: Sendable {
  /// Per field, in `FacetField` order, its values.
  let values: [[String]]
  /// The first global index of each field.
  let offsets: [Int]
  /// Document d (in index order) has the sorted values `documentValues[documentStart[d] ..< documentStart[d + 1]]`.
  let documentStart: [Int32]
  let documentValues: [Int32]
  /// Value g is held by the documents `valueDocuments[valueStart[g] ..< valueStart[g + 1]]`, ascending.
  let valueStart: [Int]
  let valueDocuments: [Int32]

  var valueCount: Int { valueStart.count - 1 }

  func documents(of g: Int) -> ArraySlice<Int32> { valueDocuments[valueStart[g]..<valueStart[g + 1]] }

  func count(of g: Int) -> Int { valueStart[g + 1] - valueStart[g] }

  /// What one stretch of documents holds: per field (by ordinal), its own numbering of values.
  private struct Piece: Sendable {
    var valueIds = [[String: Int32]](repeating: [:], count: FacetField.allCases.count)
    var valueNames = [[String]](repeating: [], count: FacetField.allCases.count)
    /// Per document, the (field ordinal, value id) pairs, flattened.
    var end: [Int32] = []
    var field: [Int32] = []
    var value: [Int32] = []

    mutating func add(_ document: SearchDocument) {
      for (name, list) in document.facets {
        let f = name.ordinal
        for item in list where !item.isEmpty {
          let id: Int32
          if let known = valueIds[f][item] {
            id = known
          } else {
            id = Int32(valueNames[f].count)
            valueIds[f][item] = id
            valueNames[f].append(item)
          }
          field.append(Int32(f))
          value.append(id)
        }
      }
      end.append(Int32(field.count))
    }
  }

  /// - Parameters:
  ///   - order: the documents in index order (indexes into `documents`).
  ///   - workers: the threads that number the documents' values.
  init(documents: [SearchDocument], order: [Int], workers: Int) {
    // Each stretch of documents numbers its values on its own, in parallel; then the values
    // are merged and numbered, and every document's values are given their global numbers.
    let pieces = Self.pieces(documents, order: order, workers: workers)
    let values = Self.mergedValues(pieces)
    var running = 0
    let offsets = values.map { list in
      defer { running += list.count }
      return running
    }
    let lookup = values.indices.map { f in
      Dictionary(uniqueKeysWithValues: values[f].enumerated().map { ($1, Int32(offsets[f] + $0)) })
    }
    let (start, flat) = Self.documentValues(pieces, lookup: lookup, documents: order.count)
    let (valueStart, byValue) = Self.transpose(start, flat, valueCount: running)
    self.values = values
    self.offsets = offsets
    documentStart = start
    documentValues = flat
    self.valueStart = valueStart
    valueDocuments = byValue
  }

  /// The documents in stretches, each stretch numbered on its own, in parallel.
  private static func pieces(_ documents: [SearchDocument], order: [Int], workers: Int) -> [Piece] {
    let pieceSize = 8192
    let pieceCount = (order.count + pieceSize - 1) / pieceSize
    let results = SharedSlots<Piece>(count: pieceCount, initial: Piece())
    Parallel.forEachChunk(pieceCount, workers: workers) { _, p in
      var piece = Piece()
      for i in order[(p * pieceSize)..<min(order.count, (p + 1) * pieceSize)] { piece.add(documents[i]) }
      results[p] = piece
    }
    return results.values
  }

  /// Per field, the values of every piece, sorted by bytes.
  private static func mergedValues(_ pieces: [Piece]) -> [[String]] {
    var sets = FacetField.allCases.map { _ in Set<String>() }
    for piece in pieces {
      for f in sets.indices { sets[f].formUnion(piece.valueNames[f]) }
    }
    return sets.map { $0.sorted(by: bytewise) }
  }

  /// Each document's sorted, distinct global value indexes, in index order: document d's are
  /// `values[start[d] ..< start[d + 1]]`.
  private static func documentValues(
    _ pieces: [Piece], lookup: [[String: Int32]], documents: Int
  ) -> (start: [Int32], values: [Int32]) {
    var start = [Int32](repeating: 0, count: documents + 1)
    var flat: [Int32] = []
    flat.reserveCapacity(pieces.reduce(0) { $0 + $1.value.count })
    var gs: [Int32] = []
    var d = 0
    for piece in pieces {
      let global = piece.valueNames.indices.map { f in piece.valueNames[f].map { lookup[f][$0]! } }
      var k = 0
      for end in piece.end {
        gs.removeAll(keepingCapacity: true)
        while k < Int(end) {
          gs.append(global[Int(piece.field[k])][Int(piece.value[k])])
          k += 1
        }
        appendSortedDistinct(&gs, to: &flat)
        d += 1
        start[d] = Int32(flat.count)
      }
    }
    return (start, flat)
  }

  /// Sorts `gs` and appends each of its values once.
  @inline(__always)
  private static func appendSortedDistinct(_ gs: inout [Int32], to flat: inout [Int32]) {
    gs.sort()
    var previous: Int32 = -1
    for g in gs where g != previous {
      flat.append(g)
      previous = g
    }
  }

  /// The documents of each value, ascending: value g's are `documents[valueStart[g] ..< valueStart[g + 1]]`.
  private static func transpose(
    _ start: [Int32], _ flat: [Int32], valueCount: Int
  ) -> (valueStart: [Int], documents: [Int32]) {
    var valueStart = [Int](repeating: 0, count: valueCount + 1)
    for g in flat { valueStart[Int(g) + 1] += 1 }
    for g in 0..<valueCount { valueStart[g + 1] += valueStart[g] }
    var next = valueStart
    var byValue = [Int32](repeating: 0, count: flat.count)
    for d in 0..<(start.count - 1) {
      for k in Int(start[d])..<Int(start[d + 1]) {
        let g = Int(flat[k])
        byValue[next[g]] = Int32(d)
        next[g] += 1
      }
    }
    return (valueStart, byValue)
  }
}

/// Orders strings by their UTF-8 bytes (= code point order), the same in Swift and JavaScript.
func bytewise(_ a: String, _ b: String) -> Bool {
  a.utf8.lexicographicallyPrecedes(b.utf8)
}
