import Mustache
import SiteCore

/// Renders pages through the Mustache templates of a theme; compiled once, shared by all threads.
///
/// Mustache's `{{value}}` escapes HTML; a theme prints a value raw (`{{{…Html}}}`) only for the
/// context keys ending in `Html`, which HRIndex fills from `HTML` values alone.
public struct TemplateRenderer: Sendable {
  private let library: MustacheLibrary
  public let names: Set<String>

  /// - Parameter templates: template name (path without `.mustache`, such as `partials/pagination`)
  ///   → (the file's path for messages, its text).
  public init(templates: [String: (path: String, text: String)]) throws(DiagnosticError) {
    var library = MustacheLibrary()
    var problems: [Diagnostic] = []
    for name in templates.keys.sorted() {
      let (path, text) = templates[name]!
      do {
        library.register(try MustacheTemplate(string: text), named: name)
      } catch let error as MustacheTemplate.ParserError {
        let place = SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber)
        problems.append(.error(at: place, "template error: \(error.error)", notes: [error.context.line]))
      } catch {
        problems.append(.error(at: SourceLocation(path: path), "template error: \(error)"))
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    self.library = library
    self.names = Set(templates.keys)
  }

  public static let required = ["layout", "home", "recommendation", "hub", "sdgs", "term", "page", "search", "404"]

  public func render(_ template: String, _ context: [String: Any]) -> String {
    library.render(context, withTemplate: template) ?? ""
  }
}
