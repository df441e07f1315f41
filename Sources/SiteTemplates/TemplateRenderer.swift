import SiteCore

/// Renders pages through the Mustache templates of a theme; parsed once, shared by all threads.
///
/// Escaping follows the value's type, whatever its name: `TemplateValue.text` is escaped by every
/// tag, and only `TemplateValue.html` (an `HTML` value) is printed raw, by `{{{x}}}` and `{{& x}}`.
///
/// Every name a template gives is resolved when the theme loads: a partial or parent that no
/// template has, or a block override its parent never declares, fails the load with the tag's
/// place and the nearest real name.
public struct TemplateRenderer: Sendable {
  private let renderer: MustacheRenderer
  public let names: Set<String>

  /// - Parameter templates: template name (path without `.mustache`, such as `partials/pagination`)
  ///   → (the file's path for messages, its text).
  /// - Throws: every syntax error, missing template and undeclared block, each located
  ///   `path:line:column`, together.
  public init(templates: [String: (path: String, text: String)]) throws(DiagnosticError) {
    var parsed: [String: MustacheTemplate] = [:]
    var problems: [Diagnostic] = []
    for name in templates.keys.sorted() {
      let (path, text) = templates[name]!
      do {
        parsed[name] = try MustacheParser.parse(text)
      } catch {
        problems.append(.error(at: SourceLocation(path: path, line: max(1, error.line), column: max(1, error.column)),
          "template error: \(error.message)"))
      }
    }
    problems += TemplateReferences(templates: parsed, paths: templates.mapValues(\.path)).problems()
    for name in Self.required where templates[name] == nil {
      problems.append(.error(at: nil, "the theme has no \(name).mustache template"))
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    renderer = MustacheRenderer(templates: parsed)
    let tooLarge = renderer.tooLarge.map { name in
      Diagnostic.error(at: SourceLocation(path: templates[name]!.path),
        "template error: with its partials and parents this template passes \(MustacheRenderer.inliningBudget) tags and texts",
        notes: ["split the page into smaller templates, or include fewer partials in each other"])
    }
    if !tooLarge.isEmpty { throw DiagnosticError(tooLarge) }
    names = Set(templates.keys)
  }

  public static let required = PageTemplate.allCases.map(\.rawValue)

  public func render(_ template: String, _ context: TemplateValue) -> String {
    renderer.render(template, context)
  }

  /// The page as UTF-8 bytes, ready to write (every `PageTemplate` was checked when the theme loaded).
  public func renderBytes(_ template: PageTemplate, _ context: TemplateValue) -> [UInt8] {
    renderer.renderBytes(template.rawValue, context)
  }
}
