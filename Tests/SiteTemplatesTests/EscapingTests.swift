import Testing

@testable import SiteCore
@testable import SiteTemplates

/// Raw output is a matter of the value's type: text is escaped wherever a template prints it,
/// and markup is raw only in the triple and ampersand tags.
@Suite("Escaping by type")
struct EscapingTests {
  static let hostile = #"<script>alert(1)</script>"'&"#
  static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"

  /// Where a value is printed: the template, with `%` standing for the tag, and the name the tag
  /// prints there.
  struct Place: Sendable, CustomStringConvertible {
    let description: String
    let template: String
    let name: String
  }

  static let places = [
    Place(description: "top-level variable", template: "[%]", name: "x"),
    Place(description: "dotted name", template: "[%]", name: "a.b"),
    Place(description: "section over an object", template: "{{#a}}[%]{{/a}}", name: "b"),
    Place(description: "list item", template: "{{#list}}[%]{{/list}}", name: "."),
    Place(description: "inverted section", template: "{{^no}}[%]{{/no}}", name: "x"),
    Place(description: "partial", template: "{{> part}}", name: "x"),
    Place(description: "block of a parent", template: "{{<base}}{{$b}}[%]{{/b}}{{/base}}", name: "x"),
    Place(description: "block default in a parent", template: "{{<frame}}{{/frame}}", name: "x"),
  ]

  /// The three tags that print a value: escaped, triple and ampersand.
  static func tags(_ name: String) -> [String] { ["{{\(name)}}", "{{{\(name)}}}", "{{& \(name)}}"] }

  func render(_ place: Place, tag: String, _ value: TemplateValue) throws -> String {
    var templates: [String: (path: String, text: String)] = [
      "main": ("main.mustache", place.template.replacingOccurrences(of: "%", with: tag)),
      "part": ("part.mustache", "[\(tag)]"),
      "base": ("base.mustache", "<{{$b}}{{/b}}>"),
      "frame": ("frame.mustache", "<{{$b}}[\(tag)]{{/b}}>"),
    ]
    for name in TemplateRenderer.required { templates[name] = ("\(name).mustache", "") }
    let context: TemplateValue = ["x": value, "a": ["b": value], "list": [value, value], "no": false]
    return try TemplateRenderer(templates: templates).render("main", context)
  }

  @Test("text is escaped in every tag and every kind of context", arguments: places)
  func textIsAlwaysEscaped(place: Place) throws {
    for tag in Self.tags(place.name) {
      let page = try render(place, tag: tag, .text(Self.hostile))
      #expect(!page.contains("<script"), "\(tag) in \(place)")
      #expect(page.contains("[\(Self.escaped)]"), "\(tag) in \(place): \(page)")
    }
  }

  @Test("markup is raw in triple and ampersand tags and escaped in {{x}}", arguments: places)
  func markupIsRawOnlyInRawTags(place: Place) throws {
    let markup = TemplateValue.html(HTML(trusted: Self.hostile))
    let tags = Self.tags(place.name)
    let escapedPage = try render(place, tag: tags[0], markup)
    #expect(!escapedPage.contains("<script"), "\(tags[0]) in \(place)")
    #expect(escapedPage.contains("[\(Self.escaped)]"), "\(tags[0]) in \(place): \(escapedPage)")
    for tag in tags.dropFirst() {
      #expect(try render(place, tag: tag, markup).contains("[\(Self.hostile)]"), "\(tag) in \(place)")
    }
  }
}
