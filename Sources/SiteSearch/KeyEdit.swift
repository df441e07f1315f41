/// How one changed document stands in one key (a term or a pair) before and after its edit.
struct PostingChange {
  /// The document's number in index order.
  var document: Int32
  /// The term's field-weighted frequency, or the pair's occurrence count; nil when absent.
  var oldWeight: Int?
  var newWeight: Int?
  var oldLength: Int
  var newLength: Int
  /// The document's facet values (for a term's rows).
  var values: [Int32] = []
  /// The pair's positions (for a pair's positions part).
  var oldPositions: [UInt16] = []
  var newPositions: [UInt16] = []
}

/// Re-encodes one key's entry after some documents joined, left or changed their weight in it,
/// with the writer's encoders. Every edit is checked against what the entry stores of the
/// document's old version (present or not, its impact, its positions); a disagreement gives nil.
struct KeyEdit {
  let documents: Int
  let averageLength: Int
  let read: (String) -> [UInt8]?
  /// The new result records of the edited documents, by number (for the keys' heads).
  var records: [Int32: [UInt8]] = [:]

  enum Outcome {
    case kept(df: Int, parts: [EntryPart])
    case removed
  }

  /// The bytes of a part, loaded from its file when not inline.
  func load(_ part: EntryPart) -> [UInt8]? {
    switch part {
    case .bytes(let bytes): return bytes
    case .stored(let path, let size):
      guard let bytes = read(path), bytes.count == size else { return nil }
      return bytes
    }
  }

  /// The old part when `bytes` did not change, else the new bytes.
  func part(_ bytes: [UInt8], replacing old: EntryPart?, oldBytes: [UInt8]?) -> EntryPart {
    if let old, let oldBytes, oldBytes == bytes { return old }
    return .bytes(bytes)
  }

  private func impact(_ weight: Int, _ length: Int) -> UInt8 {
    KeyEncoder.impact(weight: weight, length: length, averageLength: averageLength)
  }

  /// The stored postings of `entry` (empty for a new key), checked against its df.
  private func storedPostings(_ entry: StoredEntry?) -> (KeyPostings, [UInt8]?)? {
    guard let entry else { return (KeyPostings(documents: [], impacts: [], counts: nil), nil) }
    guard let bytes = load(entry.parts[0]), let postings = IndexDecoding.postings(bytes),
      postings.documents.count == entry.df,
      (postings.impacts != nil) == KeyEncoder.hasImpacts(df: entry.df, n: documents)
    else { return nil }
    return (postings, bytes)
  }

  /// Where `change.document` is (or would be) in `postings`, after checking that its presence
  /// and impact match its old version.
  private func locate(_ change: PostingChange, in postings: KeyPostings) -> (index: Int, present: Bool)? {
    let i = lowerBound(postings.documents, change.document)
    let present = i < postings.documents.count && postings.documents[i] == change.document
    guard present == (change.oldWeight != nil) else { return nil }
    if present, let impacts = postings.impacts, let weight = change.oldWeight {
      guard impacts[i] == impact(weight, change.oldLength) else { return nil }
    }
    return (i, present)
  }

  /// A term's entry after `changes` (ascending by document).
  func term(_ entry: StoredEntry?, _ changes: [PostingChange]) -> Outcome? {
    guard let stored = storedPostings(entry) else { return nil }
    var postings = stored.0
    let oldPostings = stored.1
    let before = stored.0
    var rows: [FacetRow]? = nil
    var oldRows: [UInt8]? = nil
    for change in changes {
      guard let (i, present) = locate(change, in: postings) else { return nil }
      switch (present, change.newWeight) {
      case (true, let weight?):
        postings.impacts?[i] = impact(weight, change.newLength)
      case (true, nil):
        if rows == nil { (rows, oldRows) = loadRows(entry) }
        guard rows != nil, FacetRows.remove(local: Int32(i), values: change.values, from: &rows!) else { return nil }
        postings.documents.remove(at: i)
        postings.impacts?.remove(at: i)
      case (false, let weight?):
        if rows == nil { (rows, oldRows) = loadRows(entry) }
        guard rows != nil else { return nil }
        FacetRows.insert(local: Int32(i), values: change.values, into: &rows!)
        postings.documents.insert(change.document, at: i)
        postings.impacts?.insert(impact(weight, change.newLength), at: i)
      case (false, nil):
        break
      }
    }
    let df = postings.documents.count
    if df == 0 { return .removed }
    guard (postings.impacts != nil) == KeyEncoder.hasImpacts(df: df, n: documents),
      let head = head(old: before, new: postings, stored: entry?.parts[2], rule: KeyHead.term)
    else { return nil }
    guard let rows else {
      // Nobody joined or left: the rows stay.
      guard let entry else { return nil }
      return .kept(df: df, parts: [part(postings.encoded(), replacing: entry.parts[0], oldBytes: oldPostings), entry.parts[1], head])
    }
    let encoded = postings.documents.withUnsafeBufferPointer {
      KeyEncoder.parts(documents: $0, impacts: postings.impacts, rows: KeyEncoder.rows(rows))
    }
    return .kept(
      df: df,
      parts: [
        part(encoded[0], replacing: entry?.parts[0], oldBytes: oldPostings),
        part(encoded[1], replacing: entry?.parts[1], oldBytes: oldRows),
        head,
      ])
  }

  /// The rows of `entry` (none for a new key); nil rows when they do not decode.
  private func loadRows(_ entry: StoredEntry?) -> ([FacetRow]?, [UInt8]?) {
    guard let entry else { return ([], nil) }
    guard let bytes = load(entry.parts[1]) else { return (nil, nil) }
    return (IndexDecoding.rows(bytes), bytes)
  }

  /// A pair's entry after `changes` (ascending by document).
  func pair(_ entry: StoredEntry?, _ changes: [PostingChange]) -> Outcome? {
    guard let stored = storedPostings(entry) else { return nil }
    var postings = stored.0
    let oldPostings = stored.1
    let oldPositions: [UInt8]
    if let entry {
      guard let bytes = load(entry.parts[1]) else { return nil }
      oldPositions = bytes
    } else {
      oldPositions = []
    }
    guard let ranges = IndexDecoding.occurrenceRecords(oldPositions, count: postings.documents.count) else { return nil }
    var records = ranges.map { OccurrenceRecord.stored($0) }
    for change in changes {
      guard let (i, present) = locate(change, in: postings) else { return nil }
      if present {
        guard case .stored(let range) = records[i], oldPositions[range].elementsEqual(Self.record(change.oldPositions))
        else { return nil }
      }
      switch (present, change.newWeight) {
      case (true, let weight?):
        postings.impacts?[i] = impact(weight, change.newLength)
        records[i] = .new(Self.record(change.newPositions))
      case (true, nil):
        postings.documents.remove(at: i)
        postings.impacts?.remove(at: i)
        records.remove(at: i)
      case (false, let weight?):
        postings.documents.insert(change.document, at: i)
        postings.impacts?.insert(impact(weight, change.newLength), at: i)
        records.insert(.new(Self.record(change.newPositions)), at: i)
      case (false, nil):
        break
      }
    }
    let df = postings.documents.count
    if df == 0 { return .removed }
    guard (postings.impacts != nil) == KeyEncoder.hasImpacts(df: df, n: documents),
      let head = head(old: stored.0, new: postings, stored: entry?.parts[2], rule: KeyHead.pair(documents: documents))
    else { return nil }
    var positions: [UInt8] = []
    positions.reserveCapacity(oldPositions.count + 16)
    for record in records {
      switch record {
      case .stored(let range): positions.append(contentsOf: oldPositions[range])
      case .new(let bytes): positions.append(contentsOf: bytes)
      }
    }
    return .kept(
      df: df,
      parts: [
        part(postings.encoded(), replacing: entry?.parts[0], oldBytes: oldPostings),
        part(positions, replacing: entry?.parts[1], oldBytes: oldPositions),
        head,
      ])
  }

  /// One posting's record in a positions part.
  private enum OccurrenceRecord {
    case stored(Range<Int>)
    case new([UInt8])
  }

  static func record(_ positions: [UInt16]) -> [UInt8] {
    var out = ByteBuffer()
    PairWriter.appendOccurrences(positions, into: &out)
    return out.bytes
  }
}

/// Edits of a key's facet rows when one of its postings joins or leaves (local indexes shift).
enum FacetRows {
  /// A posting joins at local index `i` with facet `values`.
  static func insert(local i: Int32, values: [Int32], into rows: inout [FacetRow]) {
    for r in rows.indices {
      let from = lowerBound(rows[r].locals, i)
      for k in from..<rows[r].locals.count { rows[r].locals[k] += 1 }
    }
    for g in values {
      let r = lowerBound(rows.count) { rows[$0].value < Int(g) }
      if r < rows.count && rows[r].value == Int(g) {
        rows[r].locals.insert(i, at: lowerBound(rows[r].locals, i))
      } else {
        rows.insert(FacetRow(value: Int(g), locals: [i]), at: r)
      }
    }
  }

  /// The posting at local index `i`, with facet `values`, leaves; false when the rows do not
  /// hold it under exactly those values.
  static func remove(local i: Int32, values: [Int32], from rows: inout [FacetRow]) -> Bool {
    let expected = Set(values.map(Int.init))
    var found = 0
    for r in rows.indices {
      let at = lowerBound(rows[r].locals, i)
      if at < rows[r].locals.count && rows[r].locals[at] == i {
        guard expected.contains(rows[r].value) else { return false }
        rows[r].locals.remove(at: at)
        found += 1
      }
      for k in at..<rows[r].locals.count { rows[r].locals[k] -= 1 }
    }
    rows.removeAll { $0.locals.isEmpty }
    return found == expected.count
  }
}

/// The first index of sorted `values` not below `value`.
func lowerBound<T: Comparable>(_ values: [T], _ value: T) -> Int {
  lowerBound(values.count) { values[$0] < value }
}

/// The first index in 0..<count for which `isBelow` is false (it is true for a prefix).
func lowerBound(_ count: Int, isBelow: (Int) -> Bool) -> Int {
  var lo = 0
  var hi = count
  while lo < hi {
    let mid = (lo + hi) / 2
    if isBelow(mid) { lo = mid + 1 } else { hi = mid }
  }
  return lo
}
