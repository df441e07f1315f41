import Foundation
import Testing

@testable import SiteSearch

@Suite("Search index writer")
struct SearchIndexWriterTests {
  static func files(_ documents: [SearchDocument]) -> [String: [UInt8]] {
    Dictionary(uniqueKeysWithValues: SearchIndexWriter.files(for: documents, labels: [:], threads: 4).map { ($0.path, $0.bytes) })
  }

  static func manifest(_ files: [String: [UInt8]]) throws -> [String: Any] {
    let data = Data(try #require(files["search/index/manifest.json"]))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func document(_ id: String, date: String, text: String, facets: [FacetField: [String]] = [:]) -> SearchDocument {
    SearchDocument(
      id: id, url: "recommendations/\(id)/", title: text, text: text, document: "A/HRC/1/1",
      paragraph: id, language: "en", date: date, facets: facets)
  }

  @Test("writes byte-identical files whatever the order of the documents")
  func deterministic() throws {
    let documents = try Fixtures.documents()
    let a = SearchIndexWriter.files(for: documents, labels: try Fixtures.labels(), threads: 4)
    let b = SearchIndexWriter.files(for: documents.reversed(), labels: try Fixtures.labels(), threads: 4)
    #expect(a.map(\.path) == b.map(\.path))
    #expect(a.map(\.bytes) == b.map(\.bytes))
  }

  /// Documents enough for several tokenizer chunks and pair partitions, in many languages.
  static func manyDocuments(_ count: Int) -> [SearchDocument] {
    let words = ["rights", "children", "education", "torture", "women", "droits", "niñas", "人权", "教育机构", "حقوق", "A/HRC/39/6"]
    var state: UInt64 = 7
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    return (0..<count).map { i in
      let text = (0..<(3 + next(30))).map { _ in words[next(words.count)] }.joined(separator: " ")
      return document(
        "d\(i)", date: "20\(10 + next(10))-0\(1 + next(9))-1\(next(9))", text: text,
        facets: [.country: ["c\(next(40))"], .theme: ["t\(next(9))", "t\(next(12))"], .year: ["20\(10 + next(10))"]])
    }
  }

  @Test("writes the same bytes from many documents, whichever core did which part")
  func deterministicInParallel() {
    let documents = Self.manyDocuments(5000)
    let a = SearchIndexWriter.files(for: documents, labels: [:], threads: 4)
    let b = SearchIndexWriter.files(for: documents.reversed(), labels: [:], threads: 4)
    #expect(a.count == b.count)
    #expect(a.map(\.path) == b.map(\.path))
    #expect(a.map(\.bytes) == b.map(\.bytes))
  }

  @Test("writes the same bytes on one thread as on several", arguments: [2, 3, 8])
  func sameBytesForAnyThreadCount(threads: Int) {
    let documents = Self.manyDocuments(3000)
    let one = SearchIndexWriter.files(for: documents, labels: [:], threads: 1)
    let many = SearchIndexWriter.files(for: documents, labels: [:], threads: threads)
    #expect(one.map(\.path) == many.map(\.path))
    let differing = zip(one, many).filter { $0.bytes != $1.bytes }.map(\.0.path)
    #expect(differing.isEmpty, "\(differing.count) files differ, such as \(differing.prefix(3))")
  }

  @Test("streams the same files as it returns")
  func streaming() {
    let documents = Self.manyDocuments(300)
    var streamed: [SearchFile] = []
    SearchIndexWriter.write(documents, labels: [:], threads: 4) { streamed.append($0) }
    let files = SearchIndexWriter.files(for: documents, labels: [:], threads: 4)
    #expect(streamed.map(\.path) == files.map(\.path))
    #expect(streamed.map(\.bytes) == files.map(\.bytes))
  }

  struct Stop: Error {}

  @Test("stops at the first file its sink refuses, with the sink's own error")
  func sinkErrors() {
    var seen = 0
    #expect(throws: Stop.self) {
      try SearchIndexWriter.write(Self.manyDocuments(50), labels: [:], threads: 4) { (_: SearchFile) throws(Stop) in
        seen += 1
        if seen == 3 { throw Stop() }
      }
    }
    #expect(seen == 3)
  }

  @Test("puts every pair of adjacent words in the bucket its key hashes to")
  func pairBuckets() throws {
    let documents = [Self.document("a", date: "2018-01-01", text: "climate change and human rights")]
    let files = Self.files(documents)
    let manifest = try Self.manifest(files)
    let buckets = try #require(manifest["pairBuckets"] as? Int)
    for key in ["climat chang", "chang and", "and human", "human right"] {
      let a = Array(key.split(separator: " ")[0].utf8)[...]
      let b = Array(key.split(separator: " ")[1].utf8)[...]
      let bucket = PairKey.bucket(hash: PairKey.hash(a, b), buckets: buckets)
      var reader = ByteReader(try #require(files["search/index/pairs/\(bucket).bin"]))
      var keys: [String] = []
      for _ in 0..<reader.varint() {
        let length = reader.varint()
        keys.append(String(decoding: reader.bytes[reader.at..<(reader.at + length)], as: UTF8.self))
        reader.at += length
        _ = reader.varint()
        let flags = reader.varint()
        // Postings, positions, head.
        for bit in [1, 2, 4] {
          let size = reader.varint()
          if flags & bit != 0 { reader.at += size }
        }
      }
      #expect(keys.contains(key), "\(key) in bucket \(bucket): \(keys)")
    }
  }

  @Test("stores each document's facet values in its block")
  func vectors() throws {
    let documents = [
      Self.document("a", date: "2019-01-01", text: "x", facets: [.country: ["ecu"], .theme: ["t1", "t2"]]),
      Self.document("b", date: "2018-01-01", text: "y", facets: [.country: ["mex"]]),
    ]
    var reader = ByteReader(try #require(Self.files(documents)["search/index/vectors/0.bin"]))
    func values() -> [Int] {
      var g = -1
      return (0..<reader.varint()).map { _ in
        g += reader.varint() + 1
        return g
      }
    }
    // Values: ecu 0, mex 1, t1 2, t2 3.
    #expect(values() == [0, 2, 3])
    #expect(values() == [1])
    #expect(reader.at == reader.bytes.count)
  }

  @Test("writes every file under search/index/ with a manifest, labels, shards and result chunks")
  func layout() throws {
    let files = Self.files(try Fixtures.documents())
    #expect(files.keys.allSatisfy { $0.hasPrefix("search/index/") })
    #expect(files["search/index/manifest.json"] != nil)
    #expect(files["search/index/labels.json"] != nil)
    #expect(files["search/index/terms/0.bin"] != nil)
    #expect(files["search/index/docs/0.json"] != nil)
    #expect(files.values.allSatisfy { !$0.isEmpty })
  }

  @Test("numbers documents newest first, then by id")
  func documentOrder() throws {
    let documents = [
      Self.document("b", date: "2018-01-01", text: "one"), Self.document("a", date: "2018-01-01", text: "two"),
      Self.document("c", date: "2020-05-05", text: "three"),
    ]
    let files = Self.files(documents)
    let chunk = try JSONSerialization.jsonObject(with: Data(try #require(files["search/index/docs/0.json"])))
    let ids = try #require(chunk as? [[Any]]).compactMap { $0.first as? String }
    #expect(ids == ["c", "a", "b"])
  }

  @Test("counts every facet value in the manifest, in the contract's field order")
  func manifestCounts() throws {
    let documents = [
      Self.document("a", date: "2018-01-01", text: "x", facets: [.country: ["ecu"], .theme: ["t1", "t2"]]),
      Self.document("b", date: "2019-01-01", text: "y", facets: [.country: ["ecu"], .theme: ["t2"]]),
      Self.document("c", date: "2019-01-01", text: "z", facets: [.country: ["mex"]]),
    ]
    let manifest = try Self.manifest(Self.files(documents))
    let fields = try #require(manifest["fields"] as? [String])
    #expect(fields == FacetField.allCases.map(\.rawValue))
    let values = try #require(manifest["values"] as? [[String]])
    let counts = try #require(manifest["counts"] as? [[Int]])
    #expect(values[0] == ["ecu", "mex"])
    #expect(counts[0] == [2, 1])
    #expect(values[4] == ["t1", "t2"])
    #expect(counts[4] == [1, 2])
    #expect(manifest["documents"] as? Int == 3)
  }

  @Test("finds a term's documents through its shard entry")
  func termPostings() throws {
    let documents = (0..<40).map { Self.document("d\($0)", date: "2018-01-01", text: $0 % 4 == 0 ? "torture" : "education") }
    let files = Self.files(documents)
    var reader = ByteReader(try #require(files["search/index/terms/0.bin"]))
    var found: [Int]? = nil
    var previous: [UInt8] = []
    let count = reader.varint()
    // The first shard is the start of segment 0, before any part file.
    #expect(reader.varint() == 0)
    #expect(reader.varint() == 0)
    for _ in 0..<count {
      let shared = reader.varint()
      let length = reader.varint()
      let term = Array(previous.prefix(shared)) + reader.bytes[reader.at..<(reader.at + length)]
      reader.at += length
      previous = term
      let df = reader.varint()
      let flags = reader.varint()
      var postings: [UInt8] = []
      // Postings, rows, head: inline when flagged.
      for bit in [1, 2, 4] {
        let size = reader.varint()
        guard flags & bit != 0 else { continue }
        if bit == 1 { postings = Array(reader.bytes[reader.at..<(reader.at + size)]) }
        reader.at += size
      }
      if String(decoding: term, as: UTF8.self) == "tortur" {
        #expect(df == 10)
        var p = ByteReader(postings)
        _ = p.varint()
        found = p.intSet()
      }
    }
    // Same date: ordered by id bytes, d0 d1 d10 d11 ... d19 d2 d20 ...
    let order = documents.sorted(by: SearchIndexWriter.indexOrder).map(\.id)
    let expected = order.enumerated().filter { Int($0.element.dropFirst())! % 4 == 0 }.map(\.offset)
    #expect(found == expected)
  }

  @Test("writes an empty but valid index for no documents")
  func empty() throws {
    let files = Self.files([])
    let manifest = try Self.manifest(files)
    #expect(manifest["documents"] as? Int == 0)
    #expect(manifest["shards"] as? [String] == [""])
  }

  @Test("writes the fixture index that the Node tests search")
  func nodeFixture() throws {
    let output = Fixtures.nodeFixtureOutput
    try? FileManager.default.removeItem(at: output)
    for file in SearchIndexWriter.files(
      for: try Fixtures.documents(), labels: try Fixtures.labels(), names: try Fixtures.names(),
      editions: try Fixtures.editions(), threads: 4) {
      let url = output.appendingPathComponent(file.path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.bytes).write(to: url)
    }
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("search/index/manifest.json").path))
  }
}
