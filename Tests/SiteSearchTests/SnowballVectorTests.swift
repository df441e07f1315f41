import Foundation
import Testing

@testable import SiteSearch

/// Tests/search-js/snowball-vectors.json: words of Snowball's published French and Spanish
/// vocabularies with Snowball's own stems; Tests/search-js checks the JavaScript twins on it.
struct SnowballVectors: Decodable {
  var stemFrench: [[String]]
  var stemSpanish: [[String]]

  static func load() throws -> SnowballVectors {
    let data = try Data(contentsOf: Fixtures.searchJS.appendingPathComponent("snowball-vectors.json"))
    return try JSONDecoder().decode(SnowballVectors.self, from: data)
  }
}

@Suite("Snowball French and Spanish vectors")
struct SnowballVectorTests {
  @Test("stems every shared vector (from Snowball's vocabulary) to Snowball's stem", arguments: ["fr", "es"])
  func vectors(_ language: String) throws {
    let vectors = try SnowballVectors.load()
    let pairs = language == "fr" ? vectors.stemFrench : vectors.stemSpanish
    let stem: (String) -> String = { language == "fr" ? FrenchStemmer.stem($0) : SpanishStemmer.stem($0) }
    #expect(pairs.count >= 2000)
    for pair in pairs {
      #expect(stem(pair[0]) == pair[1], "\(language): \(pair[0])")
    }
  }
}
