/// The head of a dictionary key (a term, or a pair of adjacent words): the result records of its
/// first `size` documents in the order a query of that one key ranks them (impact descending,
/// then document number ascending; index order alone for a key without impacts), in
/// `keys/<s>-<f>.h.json` or `pairs/<b>-<f>.h.json`.
///
/// A first page's results are spread over the whole index, so loading them from `docs/` chunks
/// costs about one request per result; a head holds the likely first pages in one file. search.js
/// knows which documents a head holds from the key's postings (it ranks them the same way, as
/// many as the manifest's `heads` says: `sizes(documents:)`) and loads a head instead of the
/// chunks it replaces; the records are the ones `docs/` holds, so a head is a cache of records,
/// never a source of matches.
enum KeyHead {
  /// Which keys of a kind have a head, and how many records it holds.
  struct Rule: Equatable {
    /// Keys in fewer documents have none.
    var minimum: Int
    /// Records per head of a key in fewer than `largeFrom` documents.
    var size: Int
    /// Keys in this many documents or more have `largeSize` records.
    var largeFrom = Int.max
    var largeSize = 0

    /// Records in the head of a key in `df` documents (when it has one).
    func size(df: Int) -> Int { df >= largeFrom ? largeSize : size }
  }

  /// A term's head holds its first 128 records, over six pages. A page of one word is its first
  /// 20, but a page of several words (or of a word and a filter) ranks each word's documents
  /// differently: at 41,000 UPR recommendations the first pages of `training judges` (supported
  /// only) and `women children` reach the 49th and 106th of their words' own orders, so
  /// 20-record heads left them 15 and 14 docs/ chunk requests. Terms in fewer than 10 documents
  /// have no head: their whole result list costs at most 9 chunk requests, and such keys (rare
  /// words, paragraph numbers) are most keys, so their heads would be most of the heads' bytes.
  static let term = Rule(minimum: 10, size: 128)

  /// A pair of adjacent words (what a phrase is looked up by) has a head only when it is in 50
  /// documents, or one in a thousand in a larger index: pairs are far more numerous than terms
  /// (at 270,000 generated recommendations 22,500 pairs and 6,500 terms are in 10 documents or more), and a
  /// rarer phrase's page costs at most one request per result. The head holds 20 records, as a
  /// two-word phrase ranks exactly in its pair's order; 128 for a pair in 100 documents and in
  /// one in fifty, a common phrase that longer ones are made of (`"violence against women"` takes
  /// its first page from down to the 25th of its pairs' orders).
  static func pair(documents: Int) -> Rule {
    Rule(minimum: max(50, documents / 1000), size: 20, largeFrom: max(100, documents / 50), largeSize: 128)
  }

  /// The head sizes of an index of `documents` documents, as the manifest gives them to search.js.
  struct Sizes: Codable, Equatable {
    /// Records in a term's head.
    var term: Int
    /// Records in a pair's head; in the head of a pair in `largePairFrom` documents or more.
    var pair: Int
    var largePair: Int
    var largePairFrom: Int
  }

  static func sizes(documents: Int) -> Sizes {
    let pair = pair(documents: documents)
    return Sizes(term: term.size, pair: pair.size, largePair: pair.largeSize, largePairFrom: pair.largeFrom)
  }

  /// A head whose documents lie in fewer docs/ chunks than this is not written: a page of them
  /// costs as few requests from the chunks (a document symbol's records, all of one date, sit
  /// side by side), and the index stays smaller.
  static let minimumChunks = 4

  /// The most records a term in `df` documents can have in its head.
  static func bound(df: Int) -> Int { df >= term.minimum ? min(df, term.size(df: df)) : 0 }

  /// The positions in `documents` (a key's postings, ascending) of its head's documents, in head
  /// order; none when it has no head (see `Rule`, `minimumChunks`).
  static func members<C: RandomAccessCollection<Int32>>(
    of documents: C, impacts: [UInt8]?, rule: Rule
  ) -> [Int] where C.Index == Int {
    guard documents.count >= rule.minimum else { return [] }
    let members = members(count: documents.count, impacts: impacts, size: rule.size(df: documents.count))
    let chunks = Set(members.map { Int(documents[documents.startIndex + $0]) / SearchIndexWriter.chunkSize })
    return chunks.count >= minimumChunks ? members : []
  }

  /// The positions in a key's postings of the documents a head would hold, in head order.
  /// `count` is the key's df; `impacts` its impact bytes (nil: the key has none, every document
  /// ranks alike).
  /// Linear: a histogram of the impact bytes finds the lowest impact that makes the cut.
  static func members(count: Int, impacts: [UInt8]?, size: Int) -> [Int] {
    guard let impacts else { return Array(0..<min(count, size)) }
    var histogram = [Int](repeating: 0, count: 256)
    for x in impacts { histogram[Int(x)] += 1 }
    var cut = 255
    var above = 0
    while cut > 0 && above + histogram[cut] < size {
      above += histogram[cut]
      cut -= 1
    }
    var room = size - above
    var chosen: [Int] = []
    for (i, x) in impacts.enumerated() where Int(x) >= cut {
      if Int(x) == cut {
        guard room > 0 else { continue }
        room -= 1
      }
      chosen.append(i)
    }
    return chosen.sorted { impacts[$0] != impacts[$1] ? impacts[$0] > impacts[$1] : $0 < $1 }
  }

  /// The head file: the records, in head order, as a docs/ chunk writes them.
  static func encode(_ records: [ArraySlice<UInt8>]) -> [UInt8] {
    guard !records.isEmpty else { return [] }
    var out: [UInt8] = [UInt8(ascii: "[")]
    for (k, record) in records.enumerated() {
      if k > 0 { out.append(UInt8(ascii: ",")) }
      out.append(contentsOf: record)
    }
    out.append(contentsOf: "]\n".utf8)
    return out
  }
}

extension KeyEdit {
  /// A key's head after an edit turned its postings `old` into `new`: the records of the new
  /// head's documents, an edited one's from `records`, the others' from the stored head or their
  /// docs/ chunk. nil when the stored head does not hold as many records as `old` ranks first.
  /// `rule`: which keys of its kind have heads (`KeyHead.term` or `KeyHead.pair`).
  func head(old: KeyPostings, new: KeyPostings, stored: EntryPart?, rule: KeyHead.Rule) -> EntryPart? {
    let oldMembers = KeyHead.members(of: old.documents, impacts: old.impacts, rule: rule)
    var oldBytes: [UInt8]? = nil
    var known: [Int32: ArraySlice<UInt8>] = [:]
    if let stored, stored.size > 0 {
      guard let bytes = load(stored), let chunk = ResultRecords(bytes), chunk.count == oldMembers.count else { return nil }
      oldBytes = bytes
      for (k, i) in oldMembers.enumerated() { known[old.documents[i]] = chunk.record(k) }
    } else if !oldMembers.isEmpty {
      return nil
    }
    var chunks: [Int: ResultRecords] = [:]
    var heads: [ArraySlice<UInt8>] = []
    for i in KeyHead.members(of: new.documents, impacts: new.impacts, rule: rule) {
      let d = new.documents[i]
      if let record = records[d] ?? known[d].map(Array.init) {
        heads.append(record[...])
        continue
      }
      let c = Int(d) / SearchIndexWriter.chunkSize
      if chunks[c] == nil { chunks[c] = read(SearchIndexWriter.root + "docs/\(c).json").flatMap(ResultRecords.init) }
      guard let chunk = chunks[c], Int(d) % SearchIndexWriter.chunkSize < chunk.count else { return nil }
      heads.append(chunk.record(Int(d) % SearchIndexWriter.chunkSize))
    }
    return part(KeyHead.encode(heads), replacing: stored, oldBytes: oldBytes)
  }
}
