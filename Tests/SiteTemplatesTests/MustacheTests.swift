import Testing

@testable import SiteCore
@testable import SiteTemplates

@Suite("Mustache templates")
struct MustacheTests {
  func render(_ template: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
    var templates = ["main": (path: "main.mustache", text: template)]
    for (name, text) in partials { templates[name] = ("\(name).mustache", text) }
    templates.merge(TemplateRenderer.required.map { ($0, ("\($0).mustache", "")) }) { mine, _ in mine }
    return try TemplateRenderer(templates: templates).render("main", context)
  }

  @Test("text is escaped by every tag; markup is raw in triple and ampersand tags only", arguments: [
    ("{{x}}", "&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;", "&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;"),
    ("{{{x}}}", "&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;", #"<b> & "q" 's'"#),
    ("{{& x}}", "&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;", #"<b> & "q" 's'"#),
    ("[{{missing}}]", "[]", "[]"),
  ])
  func variables(template: String, asText: String, asHTML: String) throws {
    #expect(try render(template, ["x": .text(#"<b> & "q" 's'"#)]) == asText)
    #expect(try render(template, ["x": .html(HTML(trusted: #"<b> & "q" 's'"#))]) == asHTML)
  }

  @Test("markup is true when it is not empty, and a section over it shows it")
  func markupSections() throws {
    let context: TemplateValue = ["chart": .html(HTML(trusted: "<svg/>")), "none": .html(.empty)]
    #expect(try render("{{#chart}}[{{{chart}}}]{{/chart}}{{#none}}N{{/none}}{{^none}}-{{/none}}", context) == "[<svg/>]-")
  }

  @Test("sections repeat over lists, show for true and non-empty values, and push objects")
  func sections() throws {
    let context: TemplateValue = [
      "items": [["n": "1"], ["n": "2"]], "yes": true, "no": false, "empty": [], "obj": ["a": "A"], "name": "outer",
    ]
    #expect(try render("{{#items}}<{{n}}>{{/items}}", context) == "<1><2>")
    #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}", context) == "Y")
    #expect(try render("{{^no}}not{{/no}}{{^empty}} none{{/empty}}{{^yes}}!{{/yes}}", context) == "not none")
    #expect(try render("{{#obj}}{{a}} {{name}}{{/obj}}", context) == "A outer")
    #expect(try render("{{obj.a}}{{obj.b}}", context) == "A")
    #expect(try render("{{#items}}{{.}}{{/items}}", ["items": ["x", "y"]]) == "xy")
  }

  @Test("a name missing in an item is looked up in the enclosing contexts")
  func contextStack() throws {
    #expect(try render("{{#items}}{{root}}{{n}} {{/items}}", ["root": "../", "items": [["n": "a"], ["n": "b"]]]) == "../a ../b ")
  }

  @Test("standalone section and comment lines leave no blank lines")
  func standaloneLines() throws {
    let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
    #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
  }

  @Test("partials and template inheritance with blocks")
  func partialsAndParents() throws {
    let layout = "<main>{{$main}}default{{/main}}</main>{{$foot}}F{{/foot}}"
    let page = "{{<layout}}{{$main}}Hello {{> name}}{{/main}}{{/layout}}"
    #expect(try render(page, ["who": "<you>"], partials: ["layout": layout, "name": "{{who}}"]) == "<main>Hello &lt;you&gt;</main>F")
  }

  @Test("a partial that includes itself renders as deep as the data goes, past the depth templates are inlined to")
  func recursivePartial() throws {
    func tree(_ depth: Int) -> TemplateValue {
      depth == 0 ? ["n": "0", "kids": []] : ["n": .text(String(depth)), "kids": [tree(depth - 1)]]
    }
    let depth = MustacheRenderer.inliningDepth + 8
    let expected = (0...depth).reversed().map { "(\($0)" }.joined() + String(repeating: ")", count: depth + 1)
    #expect(try render("{{#root}}{{> node}}{{/root}}", ["root": tree(depth)],
      partials: ["node": "({{n}}{{#kids}}{{> node}}{{/kids}})"]) == expected)
  }

  @Test("a parent's blocks, overridden two levels down, render as the nearest override says")
  func nestedParents() throws {
    let base = "[{{$a}}base-a{{/a}}|{{$b}}base-b{{/b}}]"
    let middle = "{{<base}}{{$a}}middle-a {{> who}}{{/a}}{{$b}}middle-b{{/b}}{{/base}}"
    let page = "{{<middle}}{{$b}}page-b {{x}}{{/b}}{{/middle}}"
    #expect(try render(page, ["x": "X", "y": "<y>"], partials: ["base": base, "middle": middle, "who": "{{y}}"])
      == "[middle-a &lt;y&gt;|page-b X]")
  }

  @Test("context names are found by name whatever their stored hash: many names, one table")
  func manyKeys() throws {
    var object: [TemplateKey: TemplateValue] = [:]
    let names = (0..<2_000).map { "key_\($0)" } + ["", ".", "é", "a.b", "ключ", "键"]
    for name in names { object[TemplateKey(name)] = .text("v" + name) }
    for name in names { #expect(object[TemplateKey(name)].map { if case .text(let t) = $0 { t } else { "" } } == "v" + name) }
    #expect(object[TemplateKey("key_2000")] == nil)
    #expect(try render("{{t.key_1999}} {{t.key_7}}", ["t": .object(object)]) == "vkey_1999 vkey_7")
  }

  @Test("a small object keeps its pairs and a later pair wins; a large one is a table; both render alike")
  func smallObjects() throws {
    let small: TemplateValue = ["a": "1", "b": "2", "a": "3"]
    guard case .fields = small else { Issue.record("a 3-pair literal is not kept as pairs"); return }
    #expect(try render("{{a}}{{b}}{{c}}", small) == "32")
    let pairs = (0...TemplateValue.fieldsLimit).map { (TemplateKey("k\($0)"), TemplateValue.text("v\($0)")) }
    let asFields = TemplateValue.fields(pairs)
    let asObject = TemplateValue.object(Dictionary(uniqueKeysWithValues: pairs))
    let template = pairs.map { "{{\($0.0.name)}}" }.joined(separator: ",") + "{{#k3}}[{{k0}}]{{/k3}}{{missing}}"
    let expected = pairs.map { "v" + $0.0.name.dropFirst() }.joined(separator: ",") + "[v0]"
    #expect(try render(template, asFields) == expected)
    #expect(try render(template, asObject) == expected)
    #expect(try render("{{#o}}{{k1}}{{/o}}{{o.k2}}", ["o": asFields]) == "v1v2")
  }

  @Test("syntax errors name the template, line and column")
  func syntaxErrors() {
    #expect {
      try render("line 1\n  {{#open}}never closed", [:])
    } throws: { error in
      (error as? DiagnosticError)?.diagnostics.first?.description.hasPrefix("main.mustache:") == true
    }
    #expect {
      try render("ok\n {{/nothing}}", [:])
    } throws: { error in
      (error as? DiagnosticError)?.diagnostics.first?.description == "main.mustache:2:2: error: template error: {{/nothing}} closes nothing open"
    }
  }

  @Test("the template escaper is HRIndex's one escaper")
  func sameEscaper() throws {
    let hostile = "<script>\"x\"&'y'</script>"
    #expect(try render("{{x}}", ["x": .text(hostile)]) == HTML(escaping: hostile).rawValue)
  }
}
