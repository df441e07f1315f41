import Testing

@testable import SiteCore

@Suite("Pager items")
struct PaginationTests {
  /// Checked for every page of every count up to 60 and a few large ones, against properties
  /// rather than a copy of the algorithm: what must be shown is shown, nothing else but the pages
  /// that fill a one-page gap, and every gap of two or more is one ellipsis.
  @Test("first, last, current ± 2; ellipses only for gaps of two or more pages")
  func properties() {
    for count in Array(1...60) + [399, 400, 10_001] {
      for page in 1...count where count < 100 || page < 8 || page > count - 8 || page % 97 == 0 {
        let items = Pagination.pagerItems(page: page, of: count)
        if count == 1 {
          #expect(items.isEmpty)
          continue
        }
        let numbers = items.compactMap { $0 }
        let required = Set([1, count]).union(max(1, page - 2)...min(count, page + 2))
        #expect(required.isSubset(of: Set(numbers)), "page \(page) of \(count)")
        #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count)
        #expect(items.first! == 1 && items.last! == count)
        for (a, b) in zip(items, items.dropFirst()) {
          switch (a, b) {
          case (nil, nil): Issue.record("two ellipses in a row: page \(page) of \(count)")
          case let (x?, y?): #expect(y == x + 1, "a jump without an ellipsis: \(x) → \(y)")
          default: break
          }
        }
        for (i, item) in items.enumerated() where item == nil {
          #expect(items[i + 1]! - items[i - 1]! >= 3, "an ellipsis hides at least two pages")
        }
        for n in numbers where !required.contains(n) {
          #expect(required.contains(n - 1) && required.contains(n + 1), "\(n) is shown only to fill a one-page gap")
        }
      }
    }
  }
}

@Suite("A headline the text opens with")
struct HeadlineOpeningTests {
  @Test("the first sentence, a given title that starts the text, a cut headline; not a partial word or another title")
  func opens() {
    let text = "Ampliar la cobertura del  Bono\nde Desarrollo Humano y revisar sus criterios. Second sentence."
    #expect(Headline.opens(text, with: Headline.make(from: text)))
    #expect(Headline.opens(text, with: "Ampliar la cobertura del Bono de Desarrollo Humano"))
    #expect(Headline.opens(text, with: "Ampliar la cobertura…"))
    #expect(!Headline.opens(text, with: "Ampliar la cober"))
    #expect(!Headline.opens(text, with: "Cobertura del Bono"))
    #expect(!Headline.opens(text, with: ""))
    let long = String(repeating: "word ", count: 60) + "end."
    #expect(Headline.make(from: long).hasSuffix("…"))
    #expect(Headline.opens(long, with: Headline.make(from: long)))
  }
}
