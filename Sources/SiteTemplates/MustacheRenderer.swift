import SiteCore

/// Renders parsed templates over `TemplateValue`s, escaping with `HTML.escape`, the one escaper.
struct MustacheRenderer {
  typealias Node = MustacheTemplate.Node
  let templates: [String: MustacheTemplate]
  /// Each template as a program; absent for a template whose inclusions go deeper than
  /// `inliningDepth` (a recursive partial), which is rendered by name as it goes.
  private let inlined: [String: MustacheProgram]
  static let inliningDepth = 12

  init(templates: [String: MustacheTemplate]) {
    self.templates = templates
    inlined = templates.compactMapValues {
      MustacheProgram($0.nodes, templates: templates, depthLimit: Self.inliningDepth, budget: 100_000)
    }
  }

  func render(_ name: String, _ context: TemplateValue) -> String {
    String(decoding: renderBytes(name, context), as: UTF8.self)
  }

  /// The page as UTF-8 bytes, ready to write.
  func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(32_768)
    if let program = inlined[name] {
      program.render(context, into: &out)
    } else {
      var stack = [context]
      render(templates[name]?.nodes ?? [], &stack, blocks: [:], into: &out)
    }
    return out
  }

  private func render(_ nodes: [MustacheTemplate.Node], _ stack: inout [TemplateValue],
                      blocks: [String: [MustacheTemplate.Node]], into out: inout [UInt8]) {
    for node in nodes {
      switch node {
      case .text(let text): out.append(contentsOf: text.utf8)
      case .variable(let path, let escaped):
        guard let value = path.withUnsafeBufferPointer({ Self.lookup($0, stack) }) else { continue }
        Self.print(value, escaped: escaped, into: &out)
      case .section(let path, let inverted, let children):
        let value = path.withUnsafeBufferPointer { Self.lookup($0, stack) }
        Self.section(value, inverted: inverted, &stack) { stack in
          render(children, &stack, blocks: blocks, into: &out)
        }
      case .partial(let name):
        render(templates[name]?.nodes ?? [], &stack, blocks: blocks, into: &out)
      case .block(let name, let fallback):
        render(blocks[name] ?? fallback, &stack, blocks: blocks, into: &out)
      case .parent(let name, let overrides):
        render(templates[name]?.nodes ?? [], &stack, blocks: Self.merge(blocks, overrides), into: &out)
      }
    }
  }

  /// A value printed by a variable tag: text always escaped, markup raw only when the tag is raw
  /// (`{{{x}}}`, `{{& x}}`), `true` as "true".
  static func print(_ value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
    switch value {
    case .text(let text): HTML.escape(text, into: &out)
    case .html(let html):
      if escaped { HTML.escape(html.rawValue, into: &out) } else { out.append(contentsOf: html.rawValue.utf8) }
    case .flag(let b): if b { out.append(contentsOf: "true".utf8) }
    case .list, .object, .fields: return
    }
  }

  /// Renders a section's `body` as Mustache says: once per item of a list, once with an object
  /// pushed, once for other true values; an inverted section once when the value is false.
  static func section(_ value: TemplateValue?, inverted: Bool, _ stack: inout [TemplateValue],
                      body: (inout [TemplateValue]) -> Void) {
    let truthy = value?.isTruthy ?? false
    if inverted {
      if !truthy { body(&stack) }
      return
    }
    guard truthy, let value else { return }
    switch value {
    case .list(let items):
      for item in items {
        stack.append(item)
        body(&stack)
        stack.removeLast()
      }
    case .flag:
      body(&stack)
    default:
      stack.append(value)
      body(&stack)
      stack.removeLast()
    }
  }

  /// The first name is looked up from the innermost context outwards; the rest inside it.
  static func lookup(_ path: UnsafeBufferPointer<TemplateKey>, _ stack: [TemplateValue]) -> TemplateValue? {
    guard let first = path.first else { return nil }
    if first == .dot { return stack.last }
    var found: TemplateValue?
    var i = stack.count - 1
    while i >= 0 {
      if let hit = stack[i][first] {
        found = hit
        break
      }
      i -= 1
    }
    if path.count > 1 { for key in path[1...] { found = found?[key] } }
    return found
  }

  /// The blocks a parent template renders with: those given closer to the page (`outer`) win over
  /// the parent tag's own overrides.
  static func merge(_ outer: [String: [Node]], _ overrides: [String: [Node]]) -> [String: [Node]] {
    outer.isEmpty ? overrides : outer.merging(overrides) { outer, _ in outer }
  }
}
