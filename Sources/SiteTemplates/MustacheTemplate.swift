/// A parsed Mustache template: the subset HRIndex's themes use, with the spec's semantics —
/// `{{name}}`, `{{{name}}}` and `{{& name}}` (escaping is decided by the value's type, see
/// `TemplateValue`), dotted names and `{{.}}`, sections `{{#x}}…{{/x}}` and inverted sections
/// `{{^x}}…{{/x}}`, comments `{{! … }}`, partials `{{> name}}` (indented when they stand alone on
/// their line), and inheritance: `{{< parent}}{{$block}}…{{/block}}{{/parent}}`.
/// Standalone tag lines are removed as the spec says. Lambdas, delimiter changes and dynamic
/// names are not supported.
struct MustacheTemplate: Sendable {
  /// Where a tag starts in its template's text: 1-based line and column (in characters).
  struct Position: Hashable, Sendable {
    let line: Int
    let column: Int
  }

  /// `{{$name}}…{{/name}}`: a block with its default content, or a parent tag's override of one.
  struct Block: Sendable {
    let name: String
    let nodes: [Node]
    let position: Position
  }

  indirect enum Node: Sendable {
    case text(String)
    /// Where a line of the template's own text begins (not the lines of standalone tags): an
    /// indented standalone partial puts its indentation here, as if each line of its text had it.
    case lineStart
    case variable([TemplateKey], escaped: Bool)
    case section([TemplateKey], inverted: Bool, [Node])
    /// `{{> name}}`; `indent` is the whitespace before it when it stands alone on its line.
    case partial(String, indent: String, at: Position)
    /// `{{< name}}…{{/name}}` with the blocks it overrides, in order: a later one of a name wins.
    case parent(String, overrides: [Block], at: Position)
    case block(Block)
  }

  let nodes: [Node]
}

/// A problem in a template's text, with the line and column where it is.
struct MustacheSyntaxError: Error, Sendable {
  let line: Int
  let column: Int
  let message: String
}
