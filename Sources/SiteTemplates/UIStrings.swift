import SiteCore
import Yams

/// The interface text of one language, from `Templates/strings/<language>.yml`: a flat map of
/// keys to text, where `{name}` marks a value HRIndex fills in.
public struct UIStrings: Sendable {
  public let language: String
  public private(set) var values: [String: String]

  public init(language: String, values: [String: String]) {
    self.language = language
    self.values = values
  }

  /// Parses a strings file; every entry must be `key: text`.
  public static func decode(language: String, path: String, text: String) -> Result<UIStrings, DiagnosticError> {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text, .basic, .default, .utf8)
    } catch {
      return .failure(DiagnosticError([.error(at: SourceLocation(path: path), "malformed YAML: \(error)")]))
    }
    guard case let .mapping(mapping)? = node else {
      return .failure(DiagnosticError([.error(at: SourceLocation(path: path), "a strings file must be a mapping of key: text")]))
    }
    var values: [String: String] = [:]
    var problems: [Diagnostic] = []
    for (key, value) in mapping {
      guard let k = key.scalar?.string, let v = value.scalar?.string else {
        let line = key.mark?.line ?? 1
        problems.append(.error(at: SourceLocation(path: path, line: line), "each entry must be key: text"))
        continue
      }
      values[k] = v
    }
    return problems.isEmpty ? .success(UIStrings(language: language, values: values)) : .failure(DiagnosticError(problems))
  }

  public subscript(key: String) -> String { values[key] ?? key }

  /// The text of `key` with each `{name}` replaced by its argument.
  public func format(_ key: String, _ arguments: [String: String]) -> String {
    let template = self[key]
    let utf8 = template.utf8
    guard utf8.contains(UInt8(ascii: "{")) else { return template }
    // One pass over the bytes (braces are ASCII, so every index found is a character boundary):
    // a placeholder is replaced once, and text from an argument is never read again.
    var text = ""
    text.reserveCapacity(utf8.count + 32)
    var copied = utf8.startIndex
    var scan = copied
    while let open = utf8[scan...].firstIndex(of: UInt8(ascii: "{")) {
      let name = utf8.index(after: open)
      scan = name
      guard let close = utf8[name...].firstIndex(of: UInt8(ascii: "}")),
        let value = arguments[String(template[name..<close])] else { continue }
      text += template[copied..<open]
      text += value
      copied = utf8.index(after: close)
      scan = copied
    }
    return text + template[copied...]
  }

  /// Fills keys this language lacks from `fallback`, so a partial translation still renders.
  public func merged(over fallback: UIStrings) -> UIStrings {
    UIStrings(language: language, values: fallback.values.merging(values) { _, mine in mine })
  }
}
