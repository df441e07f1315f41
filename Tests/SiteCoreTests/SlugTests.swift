import Testing

@testable import SiteCore

@Suite("Slugs")
struct SlugTests {
  @Test("slugs are ASCII, lower-case, one dash per run of other characters", arguments: [
    ("A/HRC/39/6", "a-hrc-39-6"),
    ("Côte d'Ivoire", "cote-d-ivoire"),
    ("Persons living with HIV/AIDS", "persons-living-with-hiv-aids"),
    ("  --Right to   education--  ", "right-to-education"),
    ("CRC/C/OPAC/VUT/CO/1", "crc-c-opac-vut-co-1"),
    ("16.a", "16-a"),
    ("Türkiye", "turkiye"),
    ("中国", ""),
  ])
  func examples(input: String, slug: String) {
    #expect(Slug.make(input) == slug)
  }

  @Test("a slug of a slug is the same slug", arguments: ["A/HRC/39/6 120.89", "Ñandú & co", "x--y", "ÉCOLE"])
  func idempotent(input: String) {
    let once = Slug.make(input)
    #expect(Slug.make(once) == once)
    #expect(once.isEmpty || Slug.isValid(once))
  }

  @Test("the derived id follows the contract's example")
  func derivedID() {
    #expect(RecommendationID(document: "A/HRC/39/6", paragraph: "120.89") == "a-hrc-39-6-120-89")
    #expect(RecommendationID(document: "CMW/C/ECU/CO/3", paragraph: "47(g)") == "cmw-c-ecu-co-3-47-g")
  }
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
  @Test("escaping leaves no character that can open markup or close an attribute")
  func escapes() {
    let hostile = #"<script>alert("x")</script> & 'quote' ><img onerror=1>"#
    let html = HTML(escaping: hostile).rawValue
    #expect(html == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39; &gt;&lt;img onerror=1&gt;")
    for c in ["<", ">", "\"", "'"] { #expect(!html.contains(c)) }
  }

  @Test("plain text passes through unchanged", arguments: ["Ecuador", "Équateur", "厄瓜多尔", "إكوادور"])
  func plain(text: String) {
    #expect(HTML(escaping: text).rawValue == text)
  }
}

@Suite("Default titles")
struct HeadlineTests {
  @Test("the title is the first sentence", arguments: [
    ("Ratify the Convention. Then report on it.", "Ratify the Convention."),
    ("应确保反恐立法符合国际法。第二句。", "应确保反恐立法符合国际法。"),
    ("Consider para. 120.89 and act.", "Consider para."),
    ("No full stop at all", "No full stop at all"),
    ("Line\nbreaks   collapse. Yes.", "Line breaks collapse."),
  ])
  func firstSentence(text: String, title: String) {
    #expect(Headline.make(from: text) == title)
  }

  @Test("a long first sentence is cut at 120 characters on a word boundary")
  func cut() {
    let text = String(repeating: "word ", count: 60) + "end."
    let title = Headline.make(from: text)
    #expect(title.count <= 120)
    #expect(title.hasSuffix("…"))
    #expect(!title.dropLast().hasSuffix(" "))
  }
}

@Suite("Default titles, read by scalars")
struct HeadlineScalarTests {
  static let pieces = [
    "Ratify", " the ", "Convention", ". ", "égalité", "niñas", "Правительству", " следует", "。", "国际合作", "！", "؟",
    "ينبغي", "ة", "\u{064E}", "e\u{0301}", "\u{200D}", "👩‍👩‍👧", "🇪🇨", "한국어", "\r\n", "\n", "\t", "  ", "!", "?", ".",
    "\u{00A0}", "\u{2028}", "।", "word", "para. 120.89", "ก", "\u{0E33}", "\u{FE0F}",
  ]

  /// Up to `pieces` of `Self.pieces`, drawn at random.
  static func randomText(_ generator: inout SeededRandom, pieces: UInt64) -> String {
    var text = ""
    for _ in 0..<(1 + Int(generator.next() % pieces)) { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
    return text
  }

  @Test("reading by scalars gives the title reading by characters gives, or steps aside")
  func sameAsCharacters() {
    var generator = SeededRandom(seed: 7)
    var fast = 0
    for _ in 0..<20_000 {
      let text = Self.randomText(&generator, pieces: 60)
      guard let byScalars = Headline.makeByScalars(text) else { continue }
      fast += 1
      #expect(byScalars == Headline.makeByCharacters(text), "\(text.debugDescription)")
    }
    #expect(fast > 2_000)
  }

  @Test("whether a text opens with its title reads the same on bytes as word by word on characters")
  func opensSameAsWordByWord() {
    var generator = SeededRandom(seed: 11)
    var opening = 0
    for _ in 0..<20_000 {
      let text = Self.randomText(&generator, pieces: 30)
      // A title cut from the text (as a default title is), sometimes marked as cut, sometimes not.
      let scalars = Array(text.unicodeScalars)
      let cut = Int(generator.next() % UInt64(scalars.count + 1))
      var title = String(String.UnicodeScalarView(scalars.prefix(cut)))
      if generator.next() % 3 == 0 { title += "…" }
      let opens = Headline.opens(text, with: title)
      if opens { opening += 1 }
      #expect(opens == Headline.opensWordByWord(text, with: title.hasSuffix("…") ? String(title.dropLast()) : title),
        "\(text.debugDescription) / \(title.debugDescription)")
    }
    #expect(opening > 2_000)
  }

  @Test("combining marks, joiners and Hangul are read by characters", arguments: ["e\u{0301}té.", "a\u{200D}b", "한국어.", "🇪🇨 x"])
  func stepsAside(_ text: String) {
    #expect(Headline.makeByScalars(text) == nil)
    #expect(Headline.make(from: text) == Headline.makeByCharacters(text))
  }
}

@Suite("Dates and SDG codes")
struct CalendarTests {
  @Test("calendar dates are checked", arguments: [
    ("2018-07-06", true), ("2020-02-29", true), ("2019-02-29", false), ("2018-13-01", false),
    ("2018-7-6", false), ("06/07/2018", false), ("2018-04-31", false), ("1900-02-29", false), ("+201-01-01", false),
    ("２０１８-07-06", false), ("2018-07-06 ", false),
  ])
  func dates(text: String, valid: Bool) {
    #expect((CalendarDate(text) != nil) == valid)
  }

  @Test("SDG targets sort the way the UN numbers them")
  func targetOrder() {
    #expect(["4.a", "4.10", "4.2", "4.1", "16.a", "5.1"].sorted(by: SDGCode.order) == ["4.1", "4.2", "4.10", "4.a", "5.1", "16.a"])
  }
}
