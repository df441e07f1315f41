import Foundation
import Testing

@testable import SiteTemplates

@Suite("Numbers with a decimal in each language")
struct LanguageFormatTests {
  /// A number of tenths read by C's `printf`, its point replaced by the language's decimal comma
  /// where it has one; below 10,000 tenths no language groups the whole part.
  @Test("tenths match printf's %.1f, with a comma in fr, es and ru", arguments: ["en", "fr", "es", "ru", "zh", "ar"])
  func tenths(language: String) {
    for n in [0, 7, 10, 125, 999, 1_000, 9_999] {
      let printed = String(format: "%.1f", Double(n) / 10)
      let expected = ["fr", "es", "ru"].contains(language) ? printed.replacingOccurrences(of: ".", with: ",") : printed
      #expect(LanguageFormat.tenths(n, language) == expected)
    }
  }

  @Test("the whole part of many tenths is grouped like any number")
  func grouped() {
    #expect(LanguageFormat.tenths(123_456, "en") == LanguageFormat.number(12_345, "en") + ".6")
    #expect(LanguageFormat.tenths(123_456, "fr") == "12\u{202F}345,6")
  }
}
