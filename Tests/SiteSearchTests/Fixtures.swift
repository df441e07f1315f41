import Foundation

@testable import SiteSearch

/// Files shared with the Node tests in Tests/search-js.
enum Fixtures {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  static let packageRoot = testsFolder.deletingLastPathComponent()
  static let searchJS = testsFolder.appendingPathComponent("search-js")
  /// Where the fixture index for the Node tests is written (git-ignored as `.build-*/`).
  static let nodeFixtureOutput = packageRoot.appendingPathComponent(".build-search-fixture")

  struct Document: Decodable {
    var id, url, title, text, document, paragraph, language, date: String
    var facets: [String: [String]]
    /// Language -> [title, text].
    var translations: [String: [String]]?

    func searchDocument() throws -> SearchDocument {
      SearchDocument(
        id: id, url: url, title: title, text: text, document: document, paragraph: paragraph,
        language: language, date: date, facets: try Fixtures.byField(facets),
        translations: (translations ?? [:]).keys.sorted().map {
          SearchTranslation(language: $0, title: translations![$0]![0], text: translations![$0]![1])
        })
    }
  }

  static func documents() throws -> [SearchDocument] {
    let data = try Data(contentsOf: searchJS.appendingPathComponent("fixture-docs.json"))
    return try JSONDecoder().decode([Document].self, from: data).map { try $0.searchDocument() }
  }

  static func labels() throws -> [FacetField: [String: String]] {
    let data = try Data(contentsOf: searchJS.appendingPathComponent("fixture-labels.json"))
    return try byField(JSONDecoder().decode([String: [String: String]].self, from: data))
  }

  /// A name of fixture-names.json: a string (no known language) or `{"fr": "Équateur"}`.
  struct Name: Decodable {
    var name: SearchName

    init(from decoder: Decoder) throws {
      if let text = try? decoder.singleValueContainer().decode(String.self) {
        name = SearchName(text)
        return
      }
      let byLanguage = try decoder.singleValueContainer().decode([String: String].self)
      guard byLanguage.count == 1, let (language, text) = byLanguage.first else {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a name is a string or {language: name}"))
      }
      name = SearchName(text, language: language)
    }
  }

  static func names() throws -> [FacetField: [String: [SearchName]]] {
    let data = try Data(contentsOf: searchJS.appendingPathComponent("fixture-names.json"))
    return try byField(JSONDecoder().decode([String: [String: [Name]]].self, from: data).mapValues { $0.mapValues { $0.map(\.name) } })
  }

  /// The fixture's editions: English at the root, French under fr/.
  static func editions() throws -> [SearchEdition] {
    let data = try Data(contentsOf: searchJS.appendingPathComponent("fixture-labels-fr.json"))
    let french = try byField(JSONDecoder().decode([String: [String: String]].self, from: data))
    return [SearchEdition(language: "en", prefix: "", labels: try labels()), SearchEdition(language: "fr", prefix: "fr/", labels: french)]
  }

  struct UnknownField: Error { var name: String }

  /// The fixture's field names as `FacetField`s; a name that is none is an error.
  static func byField<Value>(_ named: [String: Value]) throws -> [FacetField: Value] {
    var out: [FacetField: Value] = [:]
    for (name, value) in named {
      guard let field = FacetField(rawValue: name) else { throw UnknownField(name: name) }
      out[field] = value
    }
    return out
  }

  struct Vectors: Decodable {
    struct Case: Decodable {
      var rule: String
      var input: String
      var tokens: [String]
      /// The text's language (its Latin stemmer); English when absent.
      var language: String?
    }
    var tokenize: [Case]
    var stem: [[String]]
    var stemRussian: [[String]]
    var stemArabic: [[String]]
  }

  static func vectors() throws -> Vectors {
    let data = try Data(contentsOf: searchJS.appendingPathComponent("tokenizer-vectors.json"))
    return try JSONDecoder().decode(Vectors.self, from: data)
  }
}

/// Reads back the index encodings, to test the writer without a browser.
struct ByteReader {
  let bytes: [UInt8]
  var at = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func varint() -> Int {
    var result = 0
    var shift = 0
    while true {
      let byte = bytes[at]
      at += 1
      result |= Int(byte & 0x7F) << shift
      if byte < 0x80 { return result }
      shift += 7
    }
  }

  mutating func intSet() -> [Int] {
    let header = varint()
    let mode = header & 3
    let n = header >> 2
    switch mode {
    case 0:
      var value = -1
      return (0..<n).map { _ in
        value += varint() + 1
        return value
      }
    case 1:
      var out: [Int] = []
      var next = 0
      for _ in 0..<n {
        let start = next + varint()
        let length = varint() + 1
        out += start..<(start + length)
        next = start + length + 1
      }
      return out
    default:
      let first = varint()
      let span = varint()
      var out: [Int] = []
      for b in 0..<span {
        for bit in 0..<8 where bytes[at + b] & UInt8(1 << bit) != 0 { out.append(first + b * 8 + bit) }
      }
      at += span
      return out
    }
  }
}
