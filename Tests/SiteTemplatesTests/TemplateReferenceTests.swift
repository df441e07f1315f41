import Testing

@testable import SiteCore
@testable import SiteTemplates

/// Every name a template gives is resolved when the theme loads.
@Suite("Template names resolved when a theme loads")
struct TemplateReferenceTests {
  func load(_ templates: [String: String]) -> [String] {
    var all = Dictionary(uniqueKeysWithValues: TemplateRenderer.required.map { ($0, (path: "\($0).mustache", text: "")) })
    for (name, text) in templates { all[name] = ("Templates/\(name).mustache", text) }
    do {
      _ = try TemplateRenderer(templates: all)
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test("every partial or parent that no template has is an error at its tag, with the nearest name, all in one run")
  func missingTemplates() {
    let problems = load([
      "partials/search-form": "<form>",
      "home": "<h1>\n  {{> partials/serch-form}}\n{{#x}}{{>partials/serch-form}}{{/x}}",
      "page": "{{<layuot}}{{$main}}{{/main}}{{/layuot}}\n{{> nothing-like-it}}",
    ])
    #expect(problems == [
      "Templates/home.mustache:2:3: error: no template named \"partials/serch-form\"\n  note: did you mean \"partials/search-form\"?",
      "Templates/home.mustache:3:7: error: no template named \"partials/serch-form\"\n  note: did you mean \"partials/search-form\"?",
      "Templates/page.mustache:1:1: error: no template named \"layuot\"\n  note: did you mean \"layout\"?",
      "Templates/page.mustache:2:1: error: no template named \"nothing-like-it\"",
    ])
  }

  @Test("a block override that the parent never declares, itself or through its partials and parents, is an error")
  func undeclaredBlocks() {
    let problems = load([
      "base": "<main>{{$main}}{{/main}}</main>{{> foot}}",
      "foot": "{{$footer}}{{/footer}}",
      "middle": "{{<base}}{{$main}}{{$article}}{{/article}}{{/main}}{{/base}}",
      "home": "{{<middle}}\n{{$mian}}x{{/mian}}\n{{$footer}}f{{/footer}}{{$article}}a{{/article}}{{$aside}}{{/aside}}\n{{/middle}}",
    ])
    #expect(problems == [
      "Templates/home.mustache:2:1: error: no block named \"mian\" in the parent template \"middle\"\n  note: did you mean \"main\"?",
      "Templates/home.mustache:3:49: error: no block named \"aside\" in the parent template \"middle\"",
    ])
  }

  @Test("syntax errors and missing names in other templates are reported together; a parent that did not parse is not second-guessed")
  func everyProblemTogether() {
    let problems = load([
      "broken": "{{$main}}{{#open}}",
      "home": "{{<broken}}{{$anything}}{{/anything}}{{/broken}}{{> partials/none}}",
    ])
    #expect(problems == [
      "Templates/broken.mustache:1:10: error: template error: the section, parent or block \"open\" opened here is never closed (expected {{/open}})",
      "Templates/home.mustache:1:49: error: no template named \"partials/none\"",
    ])
  }

  @Test("a template with Windows line endings is placed by its lines")
  func crlfLines() {
    #expect(load(["home": "<h1>\r\n\r\n  {{> missing-part}}\r\n"]) == [
      "Templates/home.mustache:3:3: error: no template named \"missing-part\""
    ])
  }

  @Test("the templates a theme names may include each other in a cycle")
  func cycles() {
    #expect(load(["a": "{{$x}}{{/x}}{{> b}}", "b": "{{#more}}{{> a}}{{/more}}", "home": "{{<a}}{{$x}}X{{/x}}{{/a}}"]) == [])
  }

  @Test("a template too large to put together with its partials is refused when the theme loads, not cut short")
  func templateTooLarge() {
    // 400 inclusions of a partial of 400 tags: 160,000 nodes, past the budget.
    let partial = String(repeating: "{{x}}", count: 400)
    let page = String(repeating: "{{>p}}\n", count: 400)
    let problems = load(["p": partial, "big": page])
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("Templates/big.mustache:1:1: error: template error: with its partials and parents") == true,
      "\(problems)")
    // The same partial included a few times loads.
    #expect(load(["p": partial, "small": String(repeating: "{{>p}}\n", count: 4)]).isEmpty)
  }
}
