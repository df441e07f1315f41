import Testing

@testable import SiteTemplates

@Suite("Interface strings with {placeholders}")
struct UIStringsTests {
  let strings = UIStrings(language: "ru", values: [
    "page_of": "Страница {page} из {pages}",
    "repeat": "{n}·{n}",
    "odd": "{ {x}{missing} {x} }{",
    "nested": "{a{b}",
    "plain": "нет скобок",
  ])

  @Test("each placeholder is replaced by its argument, around text that is not ASCII")
  func replaced() {
    #expect(strings.format("page_of", ["page": "2", "pages": "17"]) == "Страница 2 из 17")
    #expect(strings.format("repeat", ["n": "五"]) == "五·五")
    #expect(strings.format("plain", ["page": "2"]) == "нет скобок")
  }

  @Test("braces that name no argument stay as written, and argument text is not read again")
  func leftAlone() {
    #expect(strings.format("odd", ["x": "{missing}"]) == "{ {missing}{missing} {missing} }{")
    #expect(strings.format("nested", ["b": "β"]) == "{aβ")
    #expect(strings.format("page_of", [:]) == "Страница {page} из {pages}")
    #expect(strings.format("unknown_key", ["page": "1"]) == "unknown_key")
  }
}
