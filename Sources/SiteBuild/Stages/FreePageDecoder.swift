import Foundation
import SiteCore
import Yams

/// Reads the `title` of a front matter whose other fields are ignored: free pages (title
/// required) and translations (title optional).
enum FreePageDecoder {
  static func title(_ split: SplitDocument, _ diagnostics: inout [Diagnostic]) -> String? {
    switch read(split, &diagnostics) {
    case .found(let title): return title
    case .malformed: return nil
    case .missing:
      diagnostics.append(.error(at: SourceLocation(path: split.path, line: 1), field: "title", "a free page needs a title",
        notes: ["start the file with:\n---\ntitle: About this index\n---"]))
      return nil
    }
  }

  static func optionalTitle(_ split: SplitDocument, _ diagnostics: inout [Diagnostic]) -> String? {
    if case .found(let title) = read(split, &diagnostics) { return title }
    return nil
  }

  private enum Title { case found(String), missing, malformed }

  private static func read(_ split: SplitDocument, _ diagnostics: inout [Diagnostic]) -> Title {
    let node: Node?
    do {
      node = try Yams.compose(yaml: split.yaml, .basic, .default, .utf8)
    } catch {
      diagnostics.append(.error(at: SourceLocation(path: split.path, line: 1), "malformed YAML in the front matter: \(error)"))
      return .malformed
    }
    guard case let .mapping(mapping)? = node,
      let titleNode = mapping.first(where: { $0.key.scalar?.string == "title" })?.value,
      let title = titleNode.scalar?.string.trimmingCharacters(in: .whitespaces), !title.isEmpty
    else { return .missing }
    return .found(title)
  }
}
