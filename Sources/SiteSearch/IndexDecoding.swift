/// Reads the index encodings back (for patches): varints, integer sets, dictionary shards, pair
/// buckets, postings, rows and facet vectors. Every read is checked: malformed bytes give nil,
/// never a trap.
struct ByteCursor {
  let bytes: [UInt8]
  var at = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { at >= bytes.count }

  mutating func varint() -> Int? {
    var result = 0
    var shift = 0
    while at < bytes.count && shift < 63 {
      let byte = bytes[at]
      at += 1
      result |= Int(byte & 0x7F) << shift
      if byte < 0x80 { return result }
      shift += 7
    }
    return nil
  }

  mutating func take(_ count: Int) -> [UInt8]? {
    guard count >= 0, count <= bytes.count - at else { return nil }
    defer { at += count }
    return Array(bytes[at..<(at + count)])
  }

  /// An IntSet (`ByteBuffer.intSet`).
  mutating func intSet() -> [Int32]? {
    guard let header = varint() else { return nil }
    let n = header >> 2
    var out: [Int32] = []
    switch header & 3 {
    case 0:
      out.reserveCapacity(n)
      var value = -1
      for _ in 0..<n {
        guard let gap = varint() else { return nil }
        value += gap + 1
        out.append(Int32(truncatingIfNeeded: value))
      }
    case 1:
      var next = 0
      for _ in 0..<n {
        guard let offset = varint(), let length = varint() else { return nil }
        let start = next + offset
        for v in start...(start + length) { out.append(Int32(truncatingIfNeeded: v)) }
        next = start + length + 2
      }
    case 2:
      guard let first = varint(), let span = varint(), span <= bytes.count - at else { return nil }
      out.reserveCapacity(n)
      for b in 0..<span {
        let byte = bytes[at + b]
        if byte == 0 { continue }
        for bit in 0..<8 where byte & UInt8(1 << bit) != 0 { out.append(Int32(truncatingIfNeeded: first + b * 8 + bit)) }
      }
      at += span
      guard out.count == n else { return nil }
    default:
      return nil
    }
    return out
  }
}

/// One entry of a dictionary shard or pair bucket, as stored.
struct StoredEntry {
  var key: [UInt8]
  var df: Int
  var parts: [EntryPart]
}

enum IndexDecoding {
  /// The header and entries of a dictionary shard, their file parts named as `ShardBuilder`
  /// names them.
  static func shard(_ bytes: [UInt8], root: String) -> (header: ShardHeader, entries: [StoredEntry])? {
    var cursor = ByteCursor(bytes)
    guard let count = cursor.varint(), let segment = cursor.varint(), let first = cursor.varint() else { return nil }
    let header = ShardHeader(segment: segment, files: first)
    var entries: [StoredEntry] = []
    entries.reserveCapacity(count)
    var previous: [UInt8] = []
    var files = first
    for _ in 0..<count {
      guard let shared = cursor.varint(), shared <= previous.count, let length = cursor.varint(),
        let suffix = cursor.take(length), let df = cursor.varint(), let flags = cursor.varint()
      else { return nil }
      let key = Array(previous[0..<shared]) + suffix
      guard
        let parts = self.parts(
          &cursor, flags: flags, limits: ShardBuilder.inlineLimits,
          path: { root + ShardBuilder.partPath(segment: segment, file: files, part: $0) })
      else { return nil }
      if flags & 7 != 7 { files += 1 }
      entries.append(StoredEntry(key: key, df: df, parts: parts))
      previous = key
    }
    return cursor.isAtEnd ? (header, entries) : nil
  }

  /// Only the header of a dictionary shard.
  static func shardHeader(_ bytes: [UInt8]) -> ShardHeader? {
    var cursor = ByteCursor(bytes)
    guard cursor.varint() != nil, let segment = cursor.varint(), let files = cursor.varint() else { return nil }
    return ShardHeader(segment: segment, files: files)
  }

  /// The entries of pair bucket `bucket`.
  static func bucket(_ bytes: [UInt8], bucket: Int, root: String) -> [StoredEntry]? {
    var cursor = ByteCursor(bytes)
    guard let count = cursor.varint() else { return nil }
    var entries: [StoredEntry] = []
    var files = 0
    for _ in 0..<count {
      guard let length = cursor.varint(), let key = cursor.take(length), let df = cursor.varint(),
        let flags = cursor.varint()
      else { return nil }
      guard
        let parts = self.parts(
          &cursor, flags: flags, limits: BucketBuilder.inlineLimits,
          path: { root + BucketBuilder.partPath(bucket: bucket, file: files, part: $0) })
      else { return nil }
      if flags & 7 != 7 { files += 1 }
      entries.append(StoredEntry(key: key, df: df, parts: parts))
    }
    return cursor.isAtEnd ? entries : nil
  }

  /// An entry's parts (one per limit): inline bytes, or the file that holds them (checked
  /// against the inline limits, so that laying the entry out again puts each part where it was).
  private static func parts(_ cursor: inout ByteCursor, flags: Int, limits: [Int], path: (Int) -> String) -> [EntryPart]? {
    guard flags & ~((1 << limits.count) - 1) == 0 else { return nil }
    var parts: [EntryPart] = []
    for p in limits.indices {
      guard let size = cursor.varint() else { return nil }
      guard (flags & (1 << p) != 0) == (size <= limits[p]) else { return nil }
      if flags & (1 << p) != 0 {
        guard let bytes = cursor.take(size) else { return nil }
        parts.append(.bytes(bytes))
      } else {
        parts.append(.stored(path: path(p), size: size))
      }
    }
    return parts
  }

  /// A postings part: documents, impacts (when flagged) and facet counts (when flagged).
  static func postings(_ bytes: [UInt8]) -> KeyPostings? {
    var cursor = ByteCursor(bytes)
    guard let flags = cursor.varint(), flags & ~3 == 0, let documents = cursor.intSet() else { return nil }
    var postings = KeyPostings(documents: documents, impacts: nil, counts: nil)
    if flags & 1 != 0 {
      guard let impacts = cursor.take(documents.count) else { return nil }
      postings.impacts = impacts
    }
    if flags & 2 != 0 {
      guard let k = cursor.varint() else { return nil }
      var counts: [(Int, Int)] = []
      var g = -1
      for _ in 0..<k {
        guard let gap = cursor.varint(), let count = cursor.varint() else { return nil }
        g += gap + 1
        counts.append((g, count))
      }
      postings.counts = counts
    }
    return cursor.isAtEnd ? postings : nil
  }

  /// A rows part.
  static func rows(_ bytes: [UInt8]) -> [FacetRow]? {
    var cursor = ByteCursor(bytes)
    guard let k = cursor.varint() else { return nil }
    var rows: [FacetRow] = []
    rows.reserveCapacity(k)
    var g = -1
    for _ in 0..<k {
      guard let gap = cursor.varint(), let locals = cursor.intSet() else { return nil }
      g += gap + 1
      rows.append(FacetRow(value: g, locals: locals))
    }
    return cursor.isAtEnd ? rows : nil
  }

  /// The byte range of each posting's record in a positions part (`PairWriter.appendOccurrences`).
  static func occurrenceRecords(_ bytes: [UInt8], count: Int) -> [Range<Int>]? {
    var cursor = ByteCursor(bytes)
    var records: [Range<Int>] = []
    records.reserveCapacity(count)
    for _ in 0..<count {
      let start = cursor.at
      guard let n = cursor.varint() else { return nil }
      for _ in 0..<n { guard cursor.varint() != nil else { return nil } }
      records.append(start..<cursor.at)
    }
    return cursor.isAtEnd ? records : nil
  }

  /// The facet values of document `index` of a vectors/ block.
  static func vector(_ bytes: [UInt8], index: Int) -> [Int32]? {
    var cursor = ByteCursor(bytes)
    for k in 0...index {
      guard let count = cursor.varint() else { return nil }
      var values: [Int32] = []
      var g = -1
      for _ in 0..<count {
        guard let gap = cursor.varint() else { return nil }
        g += gap + 1
        values.append(Int32(g))
      }
      if k == index { return values }
    }
    return nil
  }
}

/// A key's postings, decoded: its documents, their impacts and its precomputed facet counts.
struct KeyPostings {
  var documents: [Int32]
  var impacts: [UInt8]?
  var counts: [(Int, Int)]?

  func encoded() -> [UInt8] {
    documents.withUnsafeBufferPointer { KeyEncoder.postings(documents: $0, impacts: impacts, counts: counts) }
  }
}
