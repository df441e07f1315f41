/// The facet values of the indexed documents, numbered: every (field, value) pair gets a
/// global index `g`, fields in `SearchIndexWriter.facetFields` order, values sorted by bytes.
struct FacetTable {
  let fields: [String]
  let values: [[String]]
  /// The first global index of each field.
  let offsets: [Int]
  /// For each document (in index order) its sorted global value indexes.
  let documentValues: [[Int32]]
  /// For each global value index, the documents that have it, ascending.
  let valueDocuments: [[Int32]]

  var valueCount: Int { valueDocuments.count }

  init(documents: [SearchDocument], fields knownFields: [String]) {
    let extra = Set(documents.flatMap { $0.facets.keys }).subtracting(knownFields).sorted(by: bytewise)
    fields = knownFields + extra
    var sets = fields.map { _ in Set<String>() }
    for document in documents {
      for (f, field) in fields.enumerated() {
        for value in document.facets[field] ?? [] where !value.isEmpty { sets[f].insert(value) }
      }
    }
    values = sets.map { $0.sorted(by: bytewise) }
    var running = 0
    offsets = values.map { list in
      defer { running += list.count }
      return running
    }
    let lookup = Self.lookup(fields: fields, values: values, offsets: offsets)
    var perDocument: [[Int32]] = []
    perDocument.reserveCapacity(documents.count)
    var perValue = [[Int32]](repeating: [], count: running)
    for (d, document) in documents.enumerated() {
      var gs: [Int32] = []
      for (f, field) in fields.enumerated() {
        for value in document.facets[field] ?? [] {
          if let g = lookup[f][value] { gs.append(Int32(g)) }
        }
      }
      gs.sort()
      gs = gs.enumerated().filter { $0.offset == 0 || gs[$0.offset - 1] != $0.element }.map(\.element)
      for g in gs { perValue[Int(g)].append(Int32(d)) }
      perDocument.append(gs)
    }
    documentValues = perDocument
    valueDocuments = perValue
  }

  private static func lookup(fields: [String], values: [[String]], offsets: [Int]) -> [[String: Int]] {
    fields.indices.map { f in
      Dictionary(uniqueKeysWithValues: values[f].enumerated().map { ($1, offsets[f] + $0) })
    }
  }
}

/// Orders strings by their UTF-8 bytes (= code point order), the same in Swift and JavaScript.
func bytewise(_ a: String, _ b: String) -> Bool {
  a.utf8.lexicographicallyPrecedes(b.utf8)
}
