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
  @Test("stems every shared French vector (from Snowball's vocabulary) to Snowball's stem")
  func frenchVectors() throws {
    let vectors = try SnowballVectors.load()
    #expect(vectors.stemFrench.count >= 2000)
    for pair in vectors.stemFrench {
      #expect(FrenchStemmer.stem(pair[0]) == pair[1], "\(pair[0])")
    }
  }

  @Test("stems every shared Spanish vector (from Snowball's vocabulary) to Snowball's stem")
  func spanishVectors() throws {
    let vectors = try SnowballVectors.load()
    #expect(vectors.stemSpanish.count >= 2000)
    for pair in vectors.stemSpanish {
      #expect(SpanishStemmer.stem(pair[0]) == pair[1], "\(pair[0])")
    }
  }
}
