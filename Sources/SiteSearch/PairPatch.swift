/// Patches the pair index: each changed pair's entry is re-encoded and its bucket laid out again
/// with `BucketBuilder`. Buckets are independent, so nothing else moves.
struct PairPatch {
  let root: String
  let edit: KeyEdit
  let buckets: Int

  /// Applies the changes of `pairs` (each pair's changes ascending by document).
  func apply(_ pairs: [(key: [UInt8], changes: [PostingChange])], into out: inout PatchOutput) -> Bool {
    var byBucket: [Int: [(key: [UInt8], changes: [PostingChange])]] = [:]
    for pair in pairs { byBucket[PairKey.bucket(hash: PairKey.hash(key: pair.key), buckets: buckets), default: []].append(pair) }
    for bucket in byBucket.keys.sorted() {
      let changed = byBucket[bucket]!.sorted { $0.key.lexicographicallyPrecedes($1.key) }
      guard rewrite(bucket, changed, into: &out) else { return false }
    }
    return true
  }

  private func rewrite(_ bucket: Int, _ changed: [(key: [UInt8], changes: [PostingChange])], into out: inout PatchOutput) -> Bool {
    let path = root + "pairs/\(bucket).bin"
    guard let bytes = edit.read(path), let entries = IndexDecoding.bucket(bytes, bucket: bucket, root: root) else { return false }
    guard let merged = merge(entries, changed) else { return false }
    var builder = BucketBuilder(root: root, bucket: bucket, entries: merged.count)
    var parts: [(path: String, part: EntryPart)] = []
    for entry in merged {
      builder.add(key: entry.key, df: entry.df, parts: entry.parts) { file in
        if case .part(let path, let part) = file { parts.append((path, part)) }
      }
    }
    var oldPaths: [String] = []
    for entry in entries { for case .stored(let path, _) in entry.parts { oldPaths.append(path) } }
    guard out.place(parts, replacing: oldPaths, read: edit.read) else { return false }
    if builder.file.bytes != bytes { out.writes.append(SearchFile(path: path, bytes: builder.file.bytes)) }
    return true
  }

  /// The bucket's entries in key order after the changes (ascending by key).
  private func merge(_ entries: [StoredEntry], _ changed: [(key: [UInt8], changes: [PostingChange])]) -> [StoredEntry]? {
    var merged: [StoredEntry] = []
    merged.reserveCapacity(entries.count + changed.count)
    var e = 0
    for pair in changed {
      while e < entries.count && entries[e].key.lexicographicallyPrecedes(pair.key) {
        merged.append(entries[e])
        e += 1
      }
      let stored = e < entries.count && entries[e].key == pair.key ? entries[e] : nil
      if stored != nil { e += 1 }
      switch edit.pair(stored, pair.changes) {
      case nil: return nil
      case .removed: break
      case .kept(let df, let parts)?: merged.append(StoredEntry(key: pair.key, df: df, parts: parts))
      }
    }
    merged += entries[e...]
    return merged
  }
}
