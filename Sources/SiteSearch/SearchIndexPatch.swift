import Foundation

/// Turns the search index of documents D into exactly the index `SearchIndexWriter` writes for
/// D with a few documents' title or text edited, reading and writing only the files those
/// documents are in: the changed terms' shards and key files, the changed pairs' buckets and
/// files, the documents' result chunks and the manifest.
///
/// The old version of each document is read back from the index (its result record and facet
/// vector) and tokenized with the writer's own code; every posting it had is checked against
/// what the index stores. When the edit would move something global (the rounded average
/// length, the number of pair buckets, the number of shards between two anchors, a key crossing
/// the impacts threshold) or anything disagrees, `update` returns nil and the index must be
/// written again from scratch.
public enum SearchIndexPatch {
  public struct Change: Sendable {
    /// The document's number in index order (0-based: newest date first, then id bytewise —
    /// the order of SearchIndexWriter.indexOrder).
    public var number: Int
    /// The new version. Same id, url, date, document, paragraph, language and facets as the
    /// indexed one; title and/or text differ.
    public var document: SearchDocument

    public init(number: Int, document: SearchDocument) {
      self.number = number
      self.document = document
    }
  }

  public struct Patch: Sendable {
    /// Paths like SearchIndexWriter's, e.g. "search/index/terms/12.bin".
    public var writes: [SearchFile]
    /// Same path form.
    public var removals: [String]
  }

  /// The writes and removals that turn the current index into the index of the changed
  /// documents, or nil when that cannot be guaranteed.
  /// - Parameter read: the bytes of a current index file by path ("search/index/manifest.json"),
  ///   or nil if absent.
  public static func update(_ changes: [Change], read: (String) -> [UInt8]?) -> Patch? {
    withoutActuallyEscaping(read) { read in
      let root = SearchIndexWriter.root
      guard let manifestBytes = read(root + "manifest.json"), var manifest = decodeManifest(manifestBytes),
        let documents = EditedDocuments(changes, manifest: manifest, read: read)
      else { return nil }
      let n = manifest.documents
      let totalLength = manifest.totalLength + documents.edited.reduce(0) { $0 + $1.new.length - $1.old.length }
      let pairOccurrences =
        manifest.pairOccurrences + documents.edited.reduce(0) { $0 + $1.new.pairOccurrences - $1.old.pairOccurrences }
      guard KeyEncoder.averageLength(total: totalLength, documents: n) == manifest.averageLength,
        PairWriter.bucketCount(occurrences: pairOccurrences) == manifest.pairBuckets
      else { return nil }
      var out = PatchOutput()
      var edit = KeyEdit(documents: n, averageLength: manifest.averageLength, read: read)
      for doc in documents.edited { edit.records[Int32(doc.number)] = doc.record }
      var dictionary = DictionaryPatch(root: root, edit: edit, firstTerms: manifest.shards)
      guard dictionary.apply(documents.termChanges(), into: &out),
        PairPatch(root: root, edit: edit, buckets: manifest.pairBuckets).apply(documents.pairChanges(), into: &out)
      else { return nil }
      out.writes += documents.chunkFiles(root: root)
      manifest.totalLength = totalLength
      manifest.pairOccurrences = pairOccurrences
      manifest.shards = dictionary.firstTerms
      let bytes = SearchIndexWriter.encodeJSON(manifest)
      if bytes != manifestBytes { out.writes.append(SearchFile(path: root + "manifest.json", bytes: bytes)) }
      return Patch(writes: out.writes, removals: out.removals)
    }
  }

  /// The manifest, when it is one this writer would write (format, constants, and bytes that
  /// encode back the same).
  private static func decodeManifest(_ bytes: [UInt8]) -> Manifest? {
    guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(bytes)),
      manifest.format == SearchIndexWriter.format, manifest.chunkSize == SearchIndexWriter.chunkSize,
      manifest.blockSize == SearchIndexWriter.blockSize, manifest.scale == Int(KeyEncoder.scale),
      manifest.pairPartitions == InvertedIndex.pairPartitions, manifest.fields == FacetField.names, !manifest.shards.isEmpty,
      manifest.averageLength == KeyEncoder.averageLength(total: manifest.totalLength, documents: manifest.documents),
      SearchIndexWriter.encodeJSON(manifest) == bytes
    else { return nil }
    return manifest
  }
}
