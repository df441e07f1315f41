import Foundation

/// Writes the static full-text search index that Public/search/search.js reads.
///
/// The index lives under `search/index/`: a small manifest, the term dictionary in shards,
/// per-term postings, facet rows and positions, per-facet-value postings and rows, and the
/// result metadata in chunks of documents. SiteSearch.docc/IndexFormat.md describes the format.
public enum SearchIndexWriter {
  /// The facet fields, in the order of the contract's `r.facets`.
  public static let facetFields = [
    "country", "region", "body", "mechanism", "theme", "affected_persons", "sdg_goal", "sdg_target",
    "year", "language", "response", "cycle", "recommending_state", "type",
  ]
  static let root = "search/index/"
  static let chunkSize = 16
  static let format = "hrindex-search-1"

  /// The index files for `documents`, byte-identical for the same input.
  /// - Parameter labels: field -> value -> human label ("country" -> "ecu" -> "Ecuador").
  public static func files(for documents: [SearchDocument], labels: [String: [String: String]]) -> [SearchFile] {
    let sorted = documents.sorted(by: indexOrder)
    let facets = FacetTable(documents: sorted, fields: facetFields)
    let index = InvertedIndex.build(sorted)
    let terms = TermShardWriter(index: index, facets: facets).write(root: root)
    var files = terms.files
    let facetFiles = facetValueFiles(facets, documentCount: sorted.count)
    files += facetFiles.files
    files += documentChunks(sorted)
    let manifest = Manifest(
      format: format, documents: sorted.count, chunkSize: chunkSize, scale: Int(KeyEncoder.scale),
      shards: terms.shardFirstTerms, fields: facets.fields, values: facets.values,
      counts: facets.values.indices.map { f in
        facets.values[f].indices.map { facets.valueDocuments[facets.offsets[f] + $0].count }
      },
      rowBytes: facetFiles.rowBytes)
    files.append(SearchFile(path: root + "manifest.json", bytes: encodeJSON(manifest)))
    files.append(SearchFile(path: root + "labels.json", bytes: encodeJSON(usedLabels(labels, facets))))
    return files
  }

  /// Newest first, then by id: the order of results without a query.
  static func indexOrder(_ a: SearchDocument, _ b: SearchDocument) -> Bool {
    if a.date != b.date { return bytewise(b.date, a.date) }
    return bytewise(a.id, b.id)
  }

  private static func facetValueFiles(_ facets: FacetTable, documentCount: Int) -> (files: [SearchFile], rowBytes: [[Int]]) {
    var encoder = KeyEncoder(facets: facets, documentCount: documentCount)
    var files: [SearchFile] = []
    var rowBytes: [[Int]] = facets.values.map { _ in [] }
    for f in facets.fields.indices {
      for i in facets.values[f].indices {
        let g = facets.offsets[f] + i
        let documents = facets.valueDocuments[g]
        let rows = encoder.rows(of: documents)
        let postings = KeyEncoder.postings(
          documents: documents, impacts: nil,
          counts: rows.bytes.count > KeyEncoder.countsThreshold ? rows.counts : nil)
        files.append(SearchFile(path: root + "facets/\(g).p.bin", bytes: postings))
        files.append(SearchFile(path: root + "facets/\(g).r.bin", bytes: rows.bytes))
        rowBytes[f].append(rows.bytes.count)
      }
    }
    return (files, rowBytes)
  }

  private static func documentChunks(_ documents: [SearchDocument]) -> [SearchFile] {
    stride(from: 0, to: documents.count, by: chunkSize).map { start in
      let records = documents[start..<min(documents.count, start + chunkSize)].map(ResultRecord.init)
      return SearchFile(path: root + "docs/\(start / chunkSize).json", bytes: encodeJSON(records))
    }
  }

  private static func usedLabels(_ labels: [String: [String: String]], _ facets: FacetTable) -> [String: [String: String]] {
    var out: [String: [String: String]] = [:]
    for (f, field) in facets.fields.enumerated() {
      var known: [String: String] = [:]
      for value in facets.values[f] { known[value] = labels[field]?[value] ?? value }
      out[field] = known
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
struct Manifest: Encodable {
  var format: String
  var documents: Int
  var chunkSize: Int
  var scale: Int
  /// The first term of each dictionary shard (the first is "").
  var shards: [String]
  var fields: [String]
  /// Per field, its values sorted by bytes; global value index = field offset + index.
  var values: [[String]]
  /// Per field and value, the number of documents that have it.
  var counts: [[Int]]
  /// Per field and value, the size of its rows file (the cost of counting facets from it).
  var rowBytes: [[Int]]
}

/// One result's metadata in docs/<chunk>.json.
struct ResultRecord: Encodable {
  var id: String
  var url: String
  var title: String
  var text: String
  var document: String
  var paragraph: String
  var date: String
  var language: String

  init(_ d: SearchDocument) {
    id = d.id
    url = d.url
    title = d.title
    text = d.text
    document = d.document
    paragraph = d.paragraph
    date = d.date
    language = d.language
  }
}
