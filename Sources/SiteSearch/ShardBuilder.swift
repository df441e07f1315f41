/// A part of a dictionary or pair entry (postings, rows, positions): its bytes, or, in a patch, the
/// file of the current index that holds it unchanged.
enum EntryPart: Sendable {
  case bytes([UInt8])
  case stored(path: String, size: Int)

  var size: Int {
    switch self {
    case .bytes(let bytes): bytes.count
    case .stored(_, let size): size
    }
  }
}

/// What a shard or bucket builder hands out: a file of entry parts too large to inline, or a
/// finished shard.
enum BuiltFile {
  case part(path: String, EntryPart)
  case shard(number: Int, bytes: [UInt8])
}

/// Lays the dictionary out in shards, the one layout of the clean writer and of patches.
///
/// Terms come in byte order. An *anchor* term (chosen by a hash of its bytes, about one term in
/// `anchorSpacing`) always starts a new shard, and a new *segment*; between anchors a shard is
/// closed as soon as it holds `target` bytes. So a change in one entry moves shard boundaries
/// only up to the next anchor. Parts too large to inline go to `keys/<s>-<k>.<part>`: s is
/// the first shard of the entry's segment, k counts the segment's entries that have such a file,
/// so a moved shard boundary renames none. A shard starts with its entry count, its segment and
/// the k of its first entry with a file.
struct ShardBuilder {
  static let target = 24 * 1024
  static let anchorSpacing: UInt64 = 4096
  /// Parts up to this many bytes live inside the shard entry instead of a file of their own
  /// (postings, rows; a head is always a file of its own, or empty).
  static let inlineLimits = [256, 1024, 0]
  static let partSuffixes = ["p.bin", "r.bin", "h.json"]

  let root: String
  /// The number of the shard being filled.
  private(set) var number: Int
  /// The first term of each shard this builder finished, from its first shard on.
  private(set) var firstTerms: [String] = []
  /// The segment of the next entry, and how many of the segment's entries had files before it.
  private(set) var segment: ShardHeader
  private var shardHeader: ShardHeader
  private var shard = ByteBuffer()
  private var entries = 0
  private var previous: [UInt8] = []

  /// A builder that starts shard `firstShard`, in the segment `header` says.
  init(root: String, firstShard: Int, header: ShardHeader = ShardHeader(segment: 0, files: 0)) {
    self.root = root
    number = firstShard
    segment = header
    shardHeader = header
  }

  /// True when the next entry starts a new shard.
  var isAtShardStart: Bool { entries == 0 }

  /// Whether `term` always starts a shard.
  static func isAnchor(_ term: ArraySlice<UInt8>) -> Bool {
    term.withUnsafeBytes { TermTable.hash($0) } % anchorSpacing == 0
  }

  /// The path of an entry's part file (without the root).
  static func partPath(segment: Int, file: Int, part: Int) -> String {
    "keys/\(segment)-\(file).\(partSuffixes[part])"
  }

  /// Adds the next term in byte order with its parts (postings, rows, head).
  mutating func add<E: Error>(
    term: ArraySlice<UInt8>, df: Int, parts: [EntryPart], to out: (BuiltFile) throws(E) -> Void
  ) throws(E) {
    if entries == 0 || Self.isAnchor(term) {
      try finishShard(to: out)
      if Self.isAnchor(term) { segment = ShardHeader(segment: number, files: 0) }
      shardHeader = segment
      firstTerms.append(String(decoding: term, as: UTF8.self))
    }
    var flags = 0
    for (p, part) in parts.enumerated() where part.size <= Self.inlineLimits[p] { flags |= 1 << p }
    var shared = 0
    let limit = min(previous.count, term.count)
    while shared < limit && previous[shared] == term[term.startIndex + shared] { shared += 1 }
    shard.varint(shared)
    shard.varint(term.count - shared)
    shard.append(term.dropFirst(shared))
    shard.varint(df)
    shard.varint(flags)
    for (p, part) in parts.enumerated() {
      shard.varint(part.size)
      if flags & (1 << p) != 0 {
        guard case .bytes(let bytes) = part else { preconditionFailure("an inline part is always loaded") }
        shard.append(bytes)
      } else {
        try out(.part(path: root + Self.partPath(segment: segment.segment, file: segment.files, part: p), part))
      }
    }
    if flags != (1 << parts.count) - 1 { segment.files += 1 }
    previous.removeAll(keepingCapacity: true)
    previous.append(contentsOf: term)
    entries += 1
    if shard.count >= Self.target { try finishShard(to: out) }
  }

  /// Closes the shard being filled, if it has entries.
  mutating func finishShard<E: Error>(to out: (BuiltFile) throws(E) -> Void) throws(E) {
    guard entries > 0 else { return }
    var file = ByteBuffer()
    file.varint(entries)
    file.varint(shardHeader.segment)
    file.varint(shardHeader.files)
    file.append(shard.bytes)
    try out(.shard(number: number, bytes: file.bytes))
    number += 1
    shard = ByteBuffer()
    entries = 0
    previous.removeAll(keepingCapacity: true)
  }

  /// An empty dictionary's one shard.
  static let emptyShard: [UInt8] = [0, 0, 0]
}

/// Where a shard stands in its segment: the segment's first shard, and how many of the
/// segment's entries before the shard's first have part files.
struct ShardHeader: Equatable, Sendable {
  var segment: Int
  var files: Int
}

/// Lays out one pair bucket: its entries in key order, parts too large to inline in
/// `pairs/<b>-<k>.<part>` (p.bin, x.bin, h.json), k counting the bucket's entries that have such
/// a file.
struct BucketBuilder {
  /// Parts up to this many bytes stay inside the bucket.
  static let inlineLimits = [4096, 4096, 0]
  static let partSuffixes = ["p.bin", "x.bin", "h.json"]

  let root: String
  let bucket: Int
  private(set) var file = ByteBuffer()
  private var files = 0

  init(root: String, bucket: Int, entries: Int) {
    self.root = root
    self.bucket = bucket
    file.varint(entries)
  }

  static func partPath(bucket: Int, file: Int, part: Int) -> String {
    "pairs/\(bucket)-\(file).\(partSuffixes[part])"
  }

  /// Adds the next pair in key order with its parts (postings, positions, head: a head is a
  /// file of its own, or empty).
  mutating func add<E: Error>(
    key: some Collection<UInt8>, df: Int, parts: [EntryPart], to out: (BuiltFile) throws(E) -> Void
  ) throws(E) {
    var flags = 0
    for (k, part) in parts.enumerated() where part.size <= Self.inlineLimits[k] { flags |= 1 << k }
    file.varint(key.count)
    file.bytes.append(contentsOf: key)
    file.varint(df)
    file.varint(flags)
    for (k, part) in parts.enumerated() {
      file.varint(part.size)
      if flags & (1 << k) != 0 {
        guard case .bytes(let bytes) = part else { preconditionFailure("an inline part is always loaded") }
        file.append(bytes)
      } else {
        try out(.part(path: root + Self.partPath(bucket: bucket, file: files, part: k), part))
      }
    }
    if flags != 7 { files += 1 }
  }
}
