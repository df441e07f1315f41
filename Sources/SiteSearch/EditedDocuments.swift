/// The changed documents of a patch, each in its old version (read back from the index) and its
/// new one, with what they hold in the index.
struct EditedDocuments {
  struct Edited {
    var number: Int
    var old: DocumentTokens
    var new: DocumentTokens
    /// The document's facet values (global indexes, ascending).
    var values: [Int32]
    /// The new result record, and whether it differs from the old one (then every head that
    /// holds the document changes, whether or not its postings do).
    var record: [UInt8]
    var recordChanged: Bool
  }

  /// Ascending by number.
  private(set) var edited: [Edited] = []
  /// The result chunks the documents are in, with the new records, and their old bytes.
  private var chunks: [Int: (records: ResultRecords, old: [UInt8])] = [:]

  /// Reads each changed document's old version and checks that only its title and text
  /// change; nil when a number is repeated or out of range, a record is not the given id's, or
  /// anything else differs.
  init?(_ changes: [SearchIndexPatch.Change], manifest: Manifest, read: (String) -> [UInt8]?) {
    let root = SearchIndexWriter.root
    let sorted = changes.sorted { $0.number < $1.number }
    let n = manifest.documents
    guard zip(sorted, sorted.dropFirst()).allSatisfy({ $0.number < $1.number }),
      sorted.allSatisfy({ (0..<n).contains($0.number) })
    else { return nil }
    let lookup = FacetLookup(manifest)
    var tables = WorkerTables(worker: 0)
    var blocks: [Int: [UInt8]] = [:]
    for change in sorted {
      let d = change.number
      let c = d / SearchIndexWriter.chunkSize
      if chunks[c] == nil {
        guard let bytes = read(root + "docs/\(c).json"), let records = ResultRecords(bytes),
          records.count == min(SearchIndexWriter.chunkSize, n - c * SearchIndexWriter.chunkSize)
        else { return nil }
        chunks[c] = (records, bytes)
      }
      let b = d / SearchIndexWriter.blockSize
      if blocks[b] == nil {
        guard let bytes = read(root + "vectors/\(b).bin") else { return nil }
        blocks[b] = bytes
      }
      let new = change.document
      guard let old = chunks[c]!.records.document(d % SearchIndexWriter.chunkSize),
        old.id == new.id, old.url == new.url, old.date == new.date, old.document == new.document,
        old.paragraph == new.paragraph, old.language == new.language,
        let values = IndexDecoding.vector(blocks[b]!, index: d % SearchIndexWriter.blockSize),
        lookup.values(of: new) == values
      else { return nil }
      let oldRecord = Array(chunks[c]!.records.record(d % SearchIndexWriter.chunkSize))
      chunks[c]!.records.replace(d % SearchIndexWriter.chunkSize, with: new)
      let record = Array(chunks[c]!.records.record(d % SearchIndexWriter.chunkSize))
      edited.append(
        Edited(
          number: d, old: DocumentTokens(old, tables: &tables), new: DocumentTokens(new, tables: &tables),
          values: values, record: record, recordChanged: record != oldRecord))
    }
  }

  /// Every term whose postings change, or whose head may hold a document whose record changed,
  /// ascending by term bytes, with the documents' changes.
  func termChanges() -> [(term: [UInt8], changes: [PostingChange])] {
    var changes: [[UInt8]: [PostingChange]] = [:]
    for doc in edited {
      for term in Set(doc.old.terms.keys).union(doc.new.terms.keys) {
        let old = doc.old.terms[term]
        let new = doc.new.terms[term]
        if old == new && doc.old.length == doc.new.length && !doc.recordChanged { continue }
        changes[term, default: []].append(
          PostingChange(
            document: Int32(doc.number), oldWeight: old, newWeight: new, oldLength: doc.old.length,
            newLength: doc.new.length, values: doc.values))
      }
    }
    return changes.map { ($0.key, $0.value) }.sorted { $0.term.lexicographicallyPrecedes($1.term) }
  }

  /// Every pair whose postings or positions change, or whose head may hold a document whose
  /// record changed, with the documents' changes.
  func pairChanges() -> [(key: [UInt8], changes: [PostingChange])] {
    var changes: [[UInt8]: [PostingChange]] = [:]
    for doc in edited {
      for key in Set(doc.old.pairs.keys).union(doc.new.pairs.keys) {
        let old = doc.old.pairs[key]
        let new = doc.new.pairs[key]
        if old == new && doc.old.length == doc.new.length && !doc.recordChanged { continue }
        changes[key, default: []].append(
          PostingChange(
            document: Int32(doc.number), oldWeight: old?.count, newWeight: new?.count, oldLength: doc.old.length,
            newLength: doc.new.length, oldPositions: old ?? [], newPositions: new ?? []))
      }
    }
    return changes.map { ($0.key, $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
  }

  /// The result chunks whose bytes changed.
  func chunkFiles(root: String) -> [SearchFile] {
    chunks.keys.sorted().compactMap { c in
      let (records, old) = chunks[c]!
      return records.bytes == old ? nil : SearchFile(path: root + "docs/\(c).json", bytes: records.bytes)
    }
  }
}

/// Facet values by name, from the manifest: field, then value, to global index.
struct FacetLookup {
  private var fields: [String: (offset: Int, values: [String])] = [:]

  init(_ manifest: Manifest) {
    var offset = 0
    for (f, field) in manifest.fields.enumerated() {
      fields[field] = (offset, manifest.values[f])
      offset += manifest.values[f].count
    }
  }

  /// A document's facet values as `FacetTable` numbers them (ascending, distinct); nil when
  /// one is not in the index.
  func values(of document: SearchDocument) -> [Int32]? {
    var out = Set<Int32>()
    for (name, list) in document.facets {
      for item in list where !item.isEmpty {
        guard let field = fields[name.rawValue] else { return nil }
        let i = lowerBound(field.values.count) { bytewise(field.values[$0], item) }
        guard i < field.values.count, field.values[i] == item else { return nil }
        out.insert(Int32(field.offset + i))
      }
    }
    return out.sorted()
  }
}
