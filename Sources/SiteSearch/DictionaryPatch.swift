/// The files a patch writes and removes, gathered stage by stage.
struct PatchOutput {
  var writes: [SearchFile] = []
  var removals: [String] = []

  /// Places the part files a builder laid out over a stretch of shards or a bucket whose old
  /// part files were `oldPaths`: a part still in its own file is left alone, a moved one is
  /// copied, a new one written, and old files no longer used are removed. False when a moved
  /// part cannot be read.
  mutating func place(_ parts: [(path: String, part: EntryPart)], replacing oldPaths: [String], read: (String) -> [UInt8]?) -> Bool {
    var used = Set<String>()
    for (path, part) in parts {
      used.insert(path)
      switch part {
      case .stored(let from, _) where from == path:
        continue
      case .stored(let from, let size):
        guard let bytes = read(from), bytes.count == size else { return false }
        writes.append(SearchFile(path: path, bytes: bytes))
      case .bytes(let bytes):
        writes.append(SearchFile(path: path, bytes: bytes))
      }
    }
    removals += oldPaths.filter { !used.contains($0) }
    return true
  }
}

/// Patches the term dictionary: each changed term's entry is re-encoded in its shard, and the
/// shards are laid out again with `ShardBuilder` from the first changed one until the new
/// boundaries meet the old ones (at the latest at the next anchor). Fails (nil) when the
/// number of shards in that stretch changes, since every later shard would be renumbered.
struct DictionaryPatch {
  let root: String
  let edit: KeyEdit
  /// The first term of each shard (manifest `shards`), updated by `apply`.
  private(set) var firstTerms: [String]
  private let firstBytes: [[UInt8]]

  init(root: String, edit: KeyEdit, firstTerms: [String]) {
    self.root = root
    self.edit = edit
    self.firstTerms = firstTerms
    firstBytes = firstTerms.map { Array($0.utf8) }
  }

  /// The shard a term is in or would go to: the last whose first term is not after it.
  func shard(of term: [UInt8]) -> Int {
    max(0, lowerBound(firstBytes.count) { !term.lexicographicallyPrecedes(firstBytes[$0]) } - 1)
  }

  /// Applies the changes of `terms` (ascending by term; each term's changes ascending by document).
  mutating func apply(_ terms: [(term: [UInt8], changes: [PostingChange])], into out: inout PatchOutput) -> Bool {
    var next = 0
    while next < terms.count {
      var first = shard(of: terms[next].term)
      // A stretch starts where a shard did; if that shard's first term goes, the shard before
      // may absorb what follows it.
      if first > 0 && terms[next].term == firstBytes[first] { first -= 1 }
      guard relayout(from: first, terms, &next, into: &out) else { return false }
    }
    return true
  }

  /// Lays shards out again from shard `first` on, consuming the changes from `next`, until the
  /// layout meets the old boundaries past the last change it consumed.
  private mutating func relayout(
    from first: Int, _ terms: [(term: [UInt8], changes: [PostingChange])], _ next: inout Int, into out: inout PatchOutput
  ) -> Bool {
    var builder: ShardBuilder? = nil
    var built: [BuiltFile] = []
    let collect: (BuiltFile) -> Void = { built.append($0) }
    var oldShards: [Int: [UInt8]] = [:]
    var oldPaths: [String] = []
    var j = first
    while true {
      guard let bytes = oldShards[j] ?? edit.read(root + "terms/\(j).bin"),
        let (header, entries) = IndexDecoding.shard(bytes, root: root)
      else { return false }
      oldShards[j] = bytes
      if builder == nil { builder = ShardBuilder(root: root, firstShard: first, header: header) }
      for entry in entries { for case .stored(let path, _) in entry.parts { oldPaths.append(path) } }
      guard feed(entries, shard: j, terms, &next, to: &builder!, collect) else { return false }
      j += 1
      if j == firstTerms.count { break }
      let nextShard = next < terms.count ? shard(of: terms[next].term) : Int.max
      if nextShard > j {
        // The rest is as it was if shard j starts where it did and in the same place of its segment.
        if ShardBuilder.isAnchor(firstBytes[j][...]) { break }
        if builder!.isAtShardStart {
          guard let bytes = edit.read(root + "terms/\(j).bin"), let header = IndexDecoding.shardHeader(bytes) else { return false }
          oldShards[j] = bytes
          if header == builder!.segment { break }
        }
      }
    }
    guard var builder else { return false }
    builder.finishShard(to: collect)
    guard builder.number == j, builder.firstTerms.count == j - first else { return false }
    var parts: [(path: String, part: EntryPart)] = []
    for file in built {
      switch file {
      case .part(let path, let part): parts.append((path, part))
      case .shard(let number, let bytes):
        if number >= j { return false }
        if oldShards[number] != bytes { out.writes.append(SearchFile(path: root + "terms/\(number).bin", bytes: bytes)) }
      }
    }
    guard out.place(parts, replacing: oldPaths, read: edit.read) else { return false }
    firstTerms.replaceSubrange(first..<j, with: builder.firstTerms)
    firstTerms[0] = ""
    return true
  }

  /// Feeds shard `number`'s entries to the builder, merged with the changes of the terms that
  /// belong to it (new terms inserted in order, emptied terms left out).
  private func feed(
    _ entries: [StoredEntry], shard number: Int, _ terms: [(term: [UInt8], changes: [PostingChange])], _ next: inout Int,
    to builder: inout ShardBuilder, _ collect: (BuiltFile) -> Void
  ) -> Bool {
    var e = 0
    while e < entries.count || (next < terms.count && shard(of: terms[next].term) == number) {
      let changed = next < terms.count && shard(of: terms[next].term) == number ? terms[next] : nil
      if let changed, e == entries.count || !entries[e].key.lexicographicallyPrecedes(changed.term) {
        let stored = e < entries.count && entries[e].key == changed.term ? entries[e] : nil
        if stored != nil { e += 1 }
        next += 1
        switch edit.term(stored, changed.changes) {
        case nil: return false
        case .removed: continue
        case .kept(let df, let parts)?: builder.add(term: changed.term[...], df: df, parts: parts, to: collect)
        }
      } else {
        builder.add(term: entries[e].key[...], df: entries[e].df, parts: entries[e].parts, to: collect)
        e += 1
      }
    }
    return true
  }
}
