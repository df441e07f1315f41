import Testing

@testable import SiteCore
@testable import SiteImport

@Suite("Turning export text into Markdown")
struct TextConversionTests {
  @Test("characters that would make Markdown structure are escaped; ordinary text is left alone")
  func escaping() {
    #expect(MarkdownText.escape("Protect women's rights & children's rights.") == "Protect women's rights & children's rights.")
    #expect(MarkdownText.escape("a *b* _c_ `d` [e](f) <g> \\ &amp; &x") == "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> \\\\ \\&amp; &x")
    #expect(MarkdownText.escape("# one\n- two\n18. three\n3) four\n> five\n=====\n+ six") == "\\# one\n\\- two\n18\\. three\n3\\) four\n\\> five\n\\=====\n\\+ six")
    #expect(MarkdownText.escape("120.89 Continue") == "120.89 Continue")
    #expect(MarkdownText.escape("  one   two \n\n\n  three\u{1}  ") == "one two\n\nthree")
  }

  @Test("HTML becomes paragraphs and list items of plain text; scripts, tags and attributes are dropped")
  func html() {
    let blocks = HTMLText.blocks("<p>47(g) Ensure that&nbsp;all <strong>allegations</strong> are investigated:</p><ul><li>promptly;</li><li>by an <a href=\"javascript:x\">independent</a> body.</li></ul><script>alert('<p>x</p>')</script><p>5 &lt; 6 &#40;a&#41; &#x2019;</p>")
    #expect(blocks == [
      .paragraph("47(g) Ensure that all allegations are investigated:"),
      .item("promptly;", number: nil), .item("by an independent body.", number: nil), .paragraph("5 < 6 (a) \u{2019}"),
    ])
    #expect(HTMLText.markdown(blocks) == "47(g) Ensure that all allegations are investigated:\n\n- promptly;\n- by an independent body.\n\n5 \\< 6 (a) \u{2019}")
    #expect(HTMLText.markdown(HTMLText.blocks("<ol><li>one<br>more</li><li>two</li></ol>")) == "1. one\n   more\n2. two")
    #expect(HTMLText.blocks("a < b and c<d") == [.paragraph("a < b and c<d")])
  }

  @Test("the paragraph number that starts a text is read in the forms UN documents use")
  func paragraphNumbers() {
    let cases: [(String, String, String)] = [
      ("120.89 Continue to cooperate", "120.89", "Continue to cooperate"),
      ("47(g) Ensure that", "47(g)", "Ensure that"),
      ("47 (g) Ensure that", "47(g)", "Ensure that"),
      ("4.The Committee reminds", "4", "The Committee reminds"),
      ("18. Recommends", "18", "Recommends"),
      ("18", "18", ""),
      ("7(a)(ii): Adopt", "7(a)(ii)", "Adopt"),
    ]
    for (text, number, rest) in cases {
      let split = ParagraphNumber.split(text)
      #expect(split?.paragraph == number, "\(text)")
      #expect(split?.rest == rest, "\(text)")
    }
    #expect(ParagraphNumber.split("The Committee recommends") == nil)
    #expect(ParagraphNumber.split("12345 too long") == nil)
    #expect(ParagraphNumber.split("3rd cycle") == nil)
  }

  @Test("labels match whatever their leading dashes, spacing, case and accents")
  func labelKeys() {
    #expect(LabelKey.make(" - Women &  girls ") == LabelKey.make("women & girls"))
    #expect(LabelKey.make("Côte d’Ivoire") == LabelKey.make("Cote d'Ivoire"))
    #expect(LabelKey.clean(" -  Labour rights  and right to work ") == "Labour rights and right to work")
  }

  @Test("SHA-256 gives the standard digests")
  func sha256() {
    #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(Array(String(repeating: "a", count: 1_000).utf8))
      == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  @Test("quoted YAML scalars escape quotes, backslashes and control characters")
  func yamlQuoting() {
    #expect(YAMLScalar.quoted("A/HRC/39/6") == "\"A/HRC/39/6\"")
    #expect(YAMLScalar.quoted("say \"x\" \\ \n\u{7}") == "\"say \\\"x\\\" \\\\ \\n\\u0007\"")
  }
}
