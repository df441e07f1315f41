import Testing

@testable import SiteBuild

@Suite("Content hashes")
struct ContentHashTests {
  @Test("any one byte changed, added or dropped gives another hash, in the four-lane part and the tail",
    arguments: [0, 1, 7, 8, 31, 32, 33, 63, 64, 100])
  func everyByteCounts(length: Int) {
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    let hash = ContentHash.of(bytes)
    #expect(ContentHash.of(bytes) == hash)
    var seen: Set<UInt64> = [hash]
    for i in bytes.indices {
      var changed = bytes
      changed[i] ^= 0x01
      seen.insert(ContentHash.of(changed))
    }
    seen.insert(ContentHash.of(bytes + [0]))
    if !bytes.isEmpty { seen.insert(ContentHash.of(Array(bytes.dropLast()))) }
    #expect(seen.count == length + 2 + (bytes.isEmpty ? 0 : 1))
  }

  @Test("the hash of a text is the hash of its UTF-8 bytes")
  func textAndBytes() {
    let text = String(repeating: "Recommandation adoptée — 建议 ", count: 5)
    #expect(ContentHash.of(text) == ContentHash.of(Array(text.utf8)))
  }
}
