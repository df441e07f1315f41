import Testing

@testable import SiteCore
@testable import SiteTemplates

/// The official Mustache spec's cases (`Fixtures/mustache-spec`, see its README), run through
/// `TemplateRenderer` with the case's partials as the theme's other templates.
@Suite("The Mustache spec")
struct MustacheSpecTests {
  /// The cases that cannot apply to HRIndex, by "file: name", each with why. The inheritance
  /// module's whitespace rules are left out because HRIndex's standalone rule is the core spec's,
  /// one tag per line: the default layout's `{{$main}}{{/main}}` line keeps its newline, and the
  /// built pages with it.
  static let skipped: [String: String] = [
    "partials: Failed Lookup": "a missing partial is an error when the theme loads, not empty output",
    "~inheritance: Inherit": "a line of a parent's open and close tags is not standalone (one tag per line)",
    "~inheritance: Override parent with newlines": "a line of a parent tag and a block tag is not standalone (one tag per line)",
    "~inheritance: Standalone parent": "a parent's tags on one line are not standalone, and a parent is not indented as a partial is",
    "~inheritance: Standalone block": "a line of a block's open and close tags is not standalone (the layout's {{$main}}{{/main}} line)",
    "~inheritance: Block reindentation": "a block's content is not re-indented to its tag's indentation",
    "~inheritance: Intrinsic indentation": "a block's content is not re-indented to its default content's indentation",
    "~inheritance: Nested block reindentation": "a block's content is not re-indented to its tag's indentation",
  ]

  static let cases = MustacheSpecCase.all()

  func render(_ test: MustacheSpecCase) throws -> String {
    var templates = ["spec-template": (path: "spec-template.mustache", text: test.template)]
    for (name, text) in test.partials ?? [:] { templates[name] = ("\(name).mustache", text) }
    for name in TemplateRenderer.required where templates[name] == nil { templates[name] = ("\(name).mustache", "") }
    return try TemplateRenderer(templates: templates).render("spec-template", test.data.templateValue)
  }

  @Test("the spec files are there, with every module HRIndex supports")
  func filesAreThere() {
    let files = Set(Self.cases.map(\.file))
    #expect(files == ["comments", "interpolation", "sections", "inverted", "partials", "~inheritance"])
    #expect(Self.cases.count > 140)
  }

  @Test("each case renders as the spec expects", arguments: cases.filter { skipped[$0.description] == nil })
  func specCase(_ test: MustacheSpecCase) throws {
    #expect(try render(test) == test.expected)
  }

  @Test("each skipped case names a case of the spec, and still does not pass", arguments: skipped.keys.sorted())
  func skippedCase(_ name: String) throws {
    let test = try #require(Self.cases.first { $0.description == name }, "no spec case \(name)")
    withKnownIssue(Comment(rawValue: Self.skipped[name] ?? "")) {
      let page = try render(test)
      #expect(page == test.expected)
    }
  }
}
