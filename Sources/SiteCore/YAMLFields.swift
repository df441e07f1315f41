import Foundation
import Yams

/// Reads YAML from one source file and turns its nodes into values, with every problem as a
/// `Diagnostic` pointing at the file line of the node (YAML lines shifted by `lineOffset`).
struct YAMLReader {
  let path: String
  /// Lines before the YAML text in its file (the front matter's opening `---` and anything above).
  let lineOffset: Int

  func location(_ node: FieldNode?) -> SourceLocation {
    guard let node, node.line > 0 else { return SourceLocation(path: path, line: lineOffset + 1) }
    return SourceLocation(path: path, line: node.line + lineOffset, column: node.column)
  }

  /// Parses `text` with the basic resolver: every scalar stays the text written in the file.
  func parse(_ text: String) -> Result<FieldNode?, Diagnostic> {
    do {
      return .success(try Yams.compose(yaml: text, .basic, .default, .utf8).map(FieldNode.init))
    } catch let error as YamlError {
      return .failure(diagnostic(for: error, text: text))
    } catch {
      return .failure(.error(at: location(nil), "malformed YAML: \(error)"))
    }
  }

  private func diagnostic(for error: YamlError, text: String) -> Diagnostic {
    switch error {
    case let .duplicatedKeysInMapping(duplicates, _):
      let key = duplicates.first ?? ""
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let repeats = lines.indices.filter { lines[$0].drop { $0 == " " }.hasPrefix(key + ":") }
      let line = repeats.count > 1 ? repeats[1] + 1 : 1
      return .error(at: SourceLocation(path: path, line: line + lineOffset), field: key, "\"\(key)\" is given twice",
        notes: repeats.count > 1 ? ["first given at line \(repeats[0] + 1 + lineOffset)"] : [])
    case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
      let .composer(context, problem, mark, _):
      let place = SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
      let notes = context.map { ["\($0.text) at line \($0.mark.line + lineOffset)"] } ?? []
      return .error(at: place, "malformed YAML: \(problem)", notes: notes)
    case let .reader(problem, _, _, _):
      return .error(at: location(nil), "unreadable YAML: \(problem)")
    default:
      return .error(at: location(nil), "malformed YAML: \(error)")
    }
  }

  /// The entries of a mapping with plain keys; a repeated key is an error, not a silent override.
  func entries(of mapping: FieldNode.Pairs, into diagnostics: inout [Diagnostic]) -> [(key: String, node: FieldNode)] {
    var result: [(key: String, node: FieldNode)] = []
    result.reserveCapacity(mapping.count)
    // A front matter has a score of keys: comparing them beats hashing them, up to a few dozen.
    var seen: Set<String>? = mapping.count > 32 ? [] : nil
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar else {
        diagnostics.append(.error(at: location(keyNode), "a key must be a plain name"))
        continue
      }
      let repeated = seen != nil ? !seen!.insert(key).inserted : result.contains { $0.key == key }
      if repeated {
        diagnostics.append(.error(at: location(keyNode), field: key, "\"\(key)\" is given twice"))
        continue
      }
      result.append((key, value))
    }
    return result
  }

  /// A scalar's text, trimmed; an error for a list, a mapping or an empty value.
  func string(_ node: FieldNode, field: String, into diagnostics: inout [Diagnostic]) -> String? {
    guard case let .scalar(written, plain) = node.value else {
      diagnostics.append(.error(at: location(node), field: field, "expected a single value, found \(kind(of: node))"))
      return nil
    }
    let text = Self.trimmed(written)
    if text.isEmpty || (plain && (text == "~" || text == "null")) {
      diagnostics.append(.error(at: location(node), field: field, "is empty"))
      return nil
    }
    return text
  }

  /// `text` without the spaces around it (only Foundation's set when an end is not plain ASCII).
  static func trimmed(_ text: String) -> String {
    func plain(_ b: UInt8?) -> Bool { b.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } ?? false }
    if plain(text.utf8.first), plain(text.utf8.last) { return text }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// A list of scalars; each item keeps its own node for precise diagnostics.
  func list(_ node: FieldNode, field: String, into diagnostics: inout [Diagnostic]) -> [(String, FieldNode)]? {
    guard case let .sequence(sequence) = node.value else {
      if case let .scalar(text, plain) = node.value, plain, text.isEmpty { return [] }
      diagnostics.append(
        .error(at: location(node), field: field, "expected a list such as [a, b], found \(kind(of: node))"))
      return nil
    }
    var items: [(String, FieldNode)] = []
    for item in sequence {
      if let text = string(item, field: field, into: &diagnostics) { items.append((text, item)) }
    }
    return items
  }

  /// A name given as one string or as `{language: text}`.
  func localized(_ node: FieldNode, field: String, into diagnostics: inout [Diagnostic]) -> LocalizedText? {
    if case let .mapping(mapping) = node.value {
      var translations: [(language: String, text: String)] = []
      for (language, value) in entries(of: mapping, into: &diagnostics) {
        if let text = string(value, field: "\(field).\(language)", into: &diagnostics) {
          translations.append((language, text))
        }
      }
      if translations.isEmpty {
        diagnostics.append(.error(at: location(node), field: field, "has no translation"))
        return nil
      }
      return LocalizedText(translations: translations)
    }
    return string(node, field: field, into: &diagnostics).map(LocalizedText.init)
  }

  func kind(of node: FieldNode) -> String {
    switch node.value {
    case .scalar(let text, _): return "\"\(text)\""
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }
}
