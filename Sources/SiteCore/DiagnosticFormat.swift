import Foundation

/// How a list of diagnostics is printed for a reader other than a person at a terminal.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
  /// `file:line:col: error: [field] message`, then `  note:` lines (what editors understand).
  case text
  /// One JSON document: `{"errors": n, "warnings": n, "diagnostics": [{severity, file, line,
  /// column, field, message, notes}]}`; file, line, column and field are null when unknown.
  case json
  /// GitHub Actions workflow commands, one line each:
  /// `::error file=F,line=L,col=C,title=field::message%0Anote`.
  case github

  /// Every diagnostic in this format, one string ending in a newline (empty for none in text and
  /// github formats).
  public func render(_ diagnostics: [Diagnostic]) -> String {
    switch self {
    case .text: return diagnostics.map { $0.description + "\n" }.joined()
    case .json: return Self.json(diagnostics)
    case .github: return diagnostics.map { Self.workflowCommand($0) + "\n" }.joined()
    }
  }

  /// `::error file=…,line=…,col=…::message`: properties and message escaped the way the runner
  /// reads them back (`%`, CR and LF everywhere; `:` and `,` in properties too).
  static func workflowCommand(_ d: Diagnostic) -> String {
    var properties: [String] = []
    if let at = d.location {
      properties += ["file=\(escapeProperty(at.path))", "line=\(at.line)", "col=\(at.column)"]
    }
    if let field = d.field { properties.append("title=\(escapeProperty(field))") }
    let message = ([d.message] + d.notes.map { "note: " + $0 }).joined(separator: "\n")
    let head = properties.isEmpty ? "::\(d.severity.rawValue)" : "::\(d.severity.rawValue) " + properties.joined(separator: ",")
    return head + "::" + escapeData(message)
  }

  static func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }

  private struct Document: Encodable {
    var errors: Int
    var warnings: Int
    var diagnostics: [Entry]
  }

  private struct Entry: Encodable {
    var severity: String
    var file: String?
    var line: Int?
    var column: Int?
    var field: String?
    var message: String
    var notes: [String]

    // Written by hand so that unknown values appear as null rather than being left out.
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(severity, forKey: .severity)
      try c.encode(file, forKey: .file)
      try c.encode(line, forKey: .line)
      try c.encode(column, forKey: .column)
      try c.encode(field, forKey: .field)
      try c.encode(message, forKey: .message)
      try c.encode(notes, forKey: .notes)
    }

    enum CodingKeys: String, CodingKey { case severity, file, line, column, field, message, notes }
  }

  private static func json(_ diagnostics: [Diagnostic]) -> String {
    let document = Document(errors: diagnostics.errorCount, warnings: diagnostics.warningCount, diagnostics: diagnostics.map {
      Entry(severity: $0.severity.rawValue, file: $0.location?.path, line: $0.location?.line, column: $0.location?.column,
        field: $0.field, message: $0.message, notes: $0.notes)
    })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
