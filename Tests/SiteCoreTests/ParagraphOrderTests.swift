import Foundation
import Testing

@testable import SiteCore

@Suite("Paragraph numbers in reading order")
struct ParagraphOrderTests {
  @Test("numbers compare by value and letters by letter, as the issue's examples ask")
  func examples() {
    let expected = ["118.2", "118.40", "118.64", "118.120", "119.12"]
    #expect(["118.120", "118.40", "118.64", "119.12", "118.2"].sorted(by: ParagraphOrder.precedes) == expected)
    #expect(["47(b)", "47(a)", "46", "47"].sorted(by: ParagraphOrder.precedes) == ["46", "47", "47(a)", "47(b)"])
    #expect(!ParagraphOrder.precedes("12", "12") && ParagraphOrder.precedes("9", "10") && !ParagraphOrder.precedes("10", "9"))
  }

  @Test("agrees with Foundation's numeric comparison on generated paragraph numbers")
  func agreesWithFoundation() {
    var random = SeededRandom(seed: 7)
    func number() -> String { String(1 + Int(random.next() % 300)) }
    func paragraph() -> String {
      var text = number()
      for _ in 0..<Int(random.next() % 3) { text += "." + number() }
      if random.next() % 4 == 0 { text += "(" + String(UnicodeScalar(UInt8(97 + random.next() % 8))) + ")" }
      return text
    }
    let paragraphs = (0..<2_000).map { _ in paragraph() }
    for (a, b) in zip(paragraphs, paragraphs.dropFirst()) {
      let reference = a.compare(b, options: .numeric) == .orderedAscending
      #expect(ParagraphOrder.precedes(a, b) == reference, "\(a) against \(b)")
    }
  }
}
