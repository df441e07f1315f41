import Testing

@testable import SiteMarkdown

@Suite("Markdown through cmark")
struct CMarkRendererTests {
  @Test("Markdown becomes HTML, in safe mode with smart punctuation", arguments: [
    ("Plain *text*.", "<p>Plain <em>text</em>.</p>\n"),
    (#""Quoted" -- dash"#, "<p>“Quoted” – dash</p>\n"),
    ("<script>alert(1)</script>", "<!-- raw HTML omitted -->\n"),
    ("Hi <b onclick=x>there</b>", "<p>Hi <!-- raw HTML omitted -->there<!-- raw HTML omitted --></p>\n"),
    ("[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n"),
    ("[x](vbscript:msgbox)", "<p><a href=\"\">x</a></p>\n"),
    ("![i](data:text/html;base64,PHNjcmlwdD4=)", "<p><img src=\"\" alt=\"i\" /></p>\n"),
    ("[ok](https://www.ohchr.org/)", "<p><a href=\"https://www.ohchr.org/\">ok</a></p>\n"),
    ("# Title", "<h2>Title</h2>\n"),
    ("###### Deep", "<h6>Deep</h6>\n"),
  ])
  func html(markdown: String, html: String) {
    #expect(CMarkRenderer.render(markdown, headingShift: 1).html.rawValue == html)
  }

  @Test("plain text keeps what a reader sees, one space between blocks")
  func plainText() {
    let rendered = CMarkRenderer.render("# Head\n\nFirst *line*\nsecond `code`.\n\n- a\n- b\n\n<b>x</b>")
    #expect(rendered.plainText == "Head First line second code. a b x")
  }

  @Test("deeply nested Markdown renders without crashing")
  func deepNesting() {
    let nested = String(repeating: "> ", count: 5_000) + "deep" + String(repeating: "*", count: 2_000)
    #expect(CMarkRenderer.render(nested).html.rawValue.contains("deep"))
  }
}
