import Foundation
import SiteCore
import Yams

/// Reads a free page's front matter: `title` is required, other fields are ignored.
enum FreePageDecoder {
  static func title(_ split: SplitDocument, _ diagnostics: inout [Diagnostic]) -> String? {
    let start = SourceLocation(path: split.path, line: 1)
    let node: Node?
    do {
      node = try Yams.compose(yaml: split.yaml, .basic, .default, .utf8)
    } catch {
      diagnostics.append(.error(at: start, "malformed YAML in the front matter: \(error)"))
      return nil
    }
    guard case let .mapping(mapping)? = node,
      let titleNode = mapping.first(where: { $0.key.scalar?.string == "title" })?.value,
      let title = titleNode.scalar?.string.trimmingCharacters(in: .whitespaces), !title.isEmpty
    else {
      diagnostics.append(.error(at: start, field: "title", "a free page needs a title",
        notes: ["start the file with:\n---\ntitle: About this index\n---"]))
      return nil
    }
    return title
  }
}
