import SiteCore
import Testing

@Suite("Byte search")
struct ByteSearchTests {
  @Test("firstIndex(of:from:) finds what the standard library's firstRange(of:) finds, from any start")
  func sameAsStandardLibrary() {
    var random = SeededRandom(seed: 7)
    for _ in 0..<2_000 {
      // A small alphabet makes partial matches, repeats and overlaps common.
      let hay = (0..<random.below(200)).map { _ in UInt8(97 + random.below(3)) }
      let needle = (0..<(1 + random.below(4))).map { _ in UInt8(97 + random.below(3)) }
      let from = random.below(hay.count + 2)
      let expected = from <= hay.count ? hay[from...].firstRange(of: needle)?.lowerBound : nil
      #expect(hay.firstIndex(of: needle, from: from) == expected, "\(hay) \(needle) \(from)")
    }
  }
}
