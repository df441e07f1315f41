import SiteCore

/// Renders parsed templates over `TemplateValue`s, escaping with `HTML.escape`, the one escaper.
struct MustacheRenderer {
  let templates: [String: MustacheTemplate]

  func render(_ name: String, _ context: TemplateValue) -> String {
    String(decoding: renderBytes(name, context), as: UTF8.self)
  }

  /// The page as UTF-8 bytes, ready to write.
  func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(32_768)
    var stack = [context]
    render(templates[name]?.nodes ?? [], &stack, blocks: [:], into: &out)
    return out
  }

  private func render(_ nodes: [MustacheTemplate.Node], _ stack: inout [TemplateValue],
                      blocks: [String: [MustacheTemplate.Node]], into out: inout [UInt8]) {
    for node in nodes {
      switch node {
      case .text(let text): out.append(contentsOf: text.utf8)
      case .variable(let path, let escaped):
        guard let value = lookup(path, stack) else { continue }
        let text = self.text(of: value)
        if escaped { HTML.escape(text, into: &out) } else { out.append(contentsOf: text.utf8) }
      case .section(let path, let inverted, let children):
        section(lookup(path, stack), inverted: inverted, children, &stack, blocks: blocks, into: &out)
      case .partial(let name):
        render(templates[name]?.nodes ?? [], &stack, blocks: blocks, into: &out)
      case .block(let name, let fallback):
        render(blocks[name] ?? fallback, &stack, blocks: blocks, into: &out)
      case .parent(let name, let overrides):
        // Blocks given closer to the page win over those of an enclosing parent.
        let merged = blocks.isEmpty ? overrides : blocks.merging(overrides) { outer, _ in outer }
        render(templates[name]?.nodes ?? [], &stack, blocks: merged, into: &out)
      }
    }
  }

  private func section(_ value: TemplateValue?, inverted: Bool, _ children: [MustacheTemplate.Node],
                       _ stack: inout [TemplateValue], blocks: [String: [MustacheTemplate.Node]], into out: inout [UInt8]) {
    let truthy = value?.isTruthy ?? false
    if inverted {
      if !truthy { render(children, &stack, blocks: blocks, into: &out) }
      return
    }
    guard truthy, let value else { return }
    switch value {
    case .list(let items):
      for item in items {
        stack.append(item)
        render(children, &stack, blocks: blocks, into: &out)
        stack.removeLast()
      }
    case .flag:
      render(children, &stack, blocks: blocks, into: &out)
    default:
      stack.append(value)
      render(children, &stack, blocks: blocks, into: &out)
      stack.removeLast()
    }
  }

  /// The first name is looked up from the innermost context outwards; the rest inside it.
  private func lookup(_ path: [String], _ stack: [TemplateValue]) -> TemplateValue? {
    guard let first = path.first else { return nil }
    if first == "." { return stack.last }
    var found: TemplateValue?
    for context in stack.reversed() {
      if let hit = context[first] {
        found = hit
        break
      }
    }
    for key in path.dropFirst() { found = found?[key] }
    return found
  }

  private func text(of value: TemplateValue) -> String {
    switch value {
    case .text(let s): return s
    case .flag(let b): return b ? "true" : ""
    case .list, .object: return ""
    }
  }
}
