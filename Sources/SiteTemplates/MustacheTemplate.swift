/// A parsed Mustache template: the subset HRIndex's themes use, with the spec's semantics —
/// `{{name}}` (HTML-escaped), `{{{name}}}` and `{{& name}}` (raw), dotted names and `{{.}}`,
/// sections `{{#x}}…{{/x}}` and inverted sections `{{^x}}…{{/x}}`, comments `{{! … }}`,
/// partials `{{> name}}`, and inheritance: `{{< parent}}{{$block}}…{{/block}}{{/parent}}`.
/// Standalone tag lines are removed as the spec says. Lambdas and delimiter changes are not supported.
struct MustacheTemplate: Sendable {
  indirect enum Node: Sendable {
    case text(String)
    case variable([TemplateKey], escaped: Bool)
    case section([TemplateKey], inverted: Bool, [Node])
    case partial(String)
    case parent(String, blocks: [String: [Node]])
    case block(String, [Node])
  }

  let nodes: [Node]
}

/// A problem in a template's text, with the line and column where it is.
struct MustacheSyntaxError: Error, Sendable {
  let line: Int
  let column: Int
  let message: String
}
