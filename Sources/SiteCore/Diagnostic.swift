/// A place in a source file: a path relative to the site's root folder, with 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int

  public init(path: String, line: Int = 1, column: Int = 1) {
    self.path = path
    self.line = line
    self.column = column
  }

  public var description: String { "\(path):\(line):\(column)" }

  public static func < (a: Self, b: Self) -> Bool {
    (a.path, a.line, a.column) < (b.path, b.line, b.column)
  }
}

/// One problem found in the input, kept as a value so that a build can report every problem at once.
///
/// It prints in the clang style editors understand:
/// `Content/recommendations/x.md:6:7: error: [themes] unknown theme "childrn"` followed by `note:` lines.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }

  public var severity: Severity
  public var location: SourceLocation?
  /// The front-matter field or setting the problem is about, when there is one.
  public var field: String?
  public var message: String
  public var notes: [String]

  public init(
    _ severity: Severity = .error, at location: SourceLocation?, field: String? = nil,
    _ message: String, notes: [String] = []
  ) {
    self.severity = severity
    self.location = location
    self.field = field
    self.message = message
    self.notes = notes
  }

  public static func error(
    at location: SourceLocation?, field: String? = nil, _ message: String, notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(.error, at: location, field: field, message, notes: notes)
  }

  public static func warning(
    at location: SourceLocation?, field: String? = nil, _ message: String, notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(.warning, at: location, field: field, message, notes: notes)
  }

  public var description: String {
    var text = location.map { "\($0): " } ?? ""
    text += "\(severity.rawValue): "
    if let field { text += "[\(field)] " }
    text += message
    for note in notes { text += "\n  note: \(note)" }
    return text
  }
}

extension Array where Element == Diagnostic {
  /// Sorted by file, then line and column; problems without a place come first.
  public func sortedByLocation() -> [Diagnostic] {
    sorted { a, b in
      switch (a.location, b.location) {
      case let (l?, r?): return l != r ? l < r : a.message < b.message
      case (nil, .some): return true
      case (.some, nil): return false
      case (nil, nil): return a.message < b.message
      }
    }
  }

  public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
  public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
}

/// Thrown by a stage that cannot go on; carries every problem it found.
public struct DiagnosticError: Error, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
