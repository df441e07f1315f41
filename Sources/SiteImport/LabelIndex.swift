import Foundation
import SiteCore

/// Labels as exports spell them, reduced to a key that ignores the noise around them: leading
/// `- ` list markers, stray and repeated spaces, letter case, accents and curly apostrophes
/// (`" - Women &  girls "` and `"women & girls"` have the same key).
enum LabelKey {
  static func make(_ label: String) -> String {
    var text = MarkdownText.collapseSpaces(label)
    while text.hasPrefix("-") {
      text = MarkdownText.collapseSpaces(text.dropFirst())
    }
    return NameKey.fold(text)
  }

  /// The label cleaned for messages: no leading `- `, single spaces.
  static func clean(_ label: String) -> String {
    var text = MarkdownText.collapseSpaces(label)
    while text.hasPrefix("-") { text = MarkdownText.collapseSpaces(text.dropFirst()) }
    return text
  }
}

/// Looks up the code or slug of a label: by its code or slug, any of its names, or an alias.
struct LabelIndex: Sendable {
  private var byKey: [String: String] = [:]

  /// Adds `labels` for `value`; a label already taken keeps its first value.
  mutating func add(_ value: String, labels: [String]) {
    for label in labels {
      let key = LabelKey.make(label)
      if !key.isEmpty, byKey[key] == nil { byKey[key] = value }
    }
  }

  func value(for label: String) -> String? { byKey[LabelKey.make(label)] }

  static func countries(_ vocabulary: Vocabulary) -> LabelIndex {
    var index = LabelIndex()
    for country in vocabulary.countries { index.add(country.code.rawValue, labels: [country.code.rawValue] + country.name.all) }
    return index
  }

  static func bodies(_ vocabulary: Vocabulary) -> LabelIndex {
    var index = LabelIndex()
    for body in vocabulary.bodies { index.add(body.code, labels: [body.code] + body.aliases + body.name.all) }
    return index
  }

  /// Aliases first: they are the exact export labels, and win over a name that happens to match.
  static func terms(_ terms: [Term]) -> LabelIndex {
    var index = LabelIndex()
    for term in terms { index.add(term.slug, labels: term.aliases) }
    for term in terms { index.add(term.slug, labels: [term.slug] + term.name.all) }
    return index
  }
}
