import Foundation

/// The key under which a label is compared with a name: letter case, accents and curly
/// apostrophes never matter (`"Côte d’Ivoire"` and `"cote d'ivoire"` have the same key).
public enum NameKey {
  public static func fold(_ text: String) -> String {
    // Most labels are ASCII: lower-casing is all their folding needs (and much faster).
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
    let straight = text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
    return straight.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}

/// Checks, while `countries.yml` is decoded, that every name, formal name and alias names one
/// entry only: an export label that two entries claim could not be mapped. A name an entry
/// repeats (a formal name equal to its short name) is fine.
struct CountryNameClaims {
  let reader: YAMLReader
  /// Name key → the entry that claimed it first, and where.
  private var first: [String: (code: String, field: String, location: SourceLocation)] = [:]

  init(reader: YAMLReader) { self.reader = reader }

  /// Claims the names of one entry's field: each value with its node (a list's items, a
  /// localized mapping's values); an error at the value for each name another entry claimed first.
  mutating func claim(_ values: [(String, FieldNode)], code: String, field: String, _ d: inout [Diagnostic]) {
    for (name, node) in values {
      let here = reader.location(node)
      let key = NameKey.fold(name.split(whereSeparator: \.isWhitespace).joined(separator: " "))
      guard !key.isEmpty else { continue }
      guard let earlier = first[key] else {
        first[key] = (code, field, here)
        continue
      }
      guard earlier.code != code else { continue }
      d.append(.error(at: here, field: field, "\"\(name)\" of \(code) is already a name of \(earlier.code)",
        notes: ["\(earlier.code) has it as \(earlier.field) at \(earlier.location)",
                "a name, formal name or alias must name one entry only (letter case and accents do not count)"]))
    }
  }

  /// The values of a localized field (`{en: …, fr: …}`) with their nodes, keyed `field.language`;
  /// a single value stands for every language.
  static func values(_ reader: YAMLReader, _ node: FieldNode?) -> [(String, FieldNode)] {
    guard let node else { return [] }
    var ignored: [Diagnostic] = []
    switch node.value {
    case .scalar(let text, _): return [(YAMLReader.trimmed(text), node)]
    case .mapping(let mapping):
      return reader.entries(of: mapping, into: &ignored).compactMap { entry in
        guard case let .scalar(text, _) = entry.node.value else { return nil }
        return (YAMLReader.trimmed(text), entry.node)
      }
    default: return []
    }
  }
}
