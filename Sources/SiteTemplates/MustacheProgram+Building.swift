/// Putting a template's partials, parents and blocks in place while it becomes a program.
extension MustacheProgram {
  typealias Node = MustacheTemplate.Node

  /// What putting templates in place reads, and the node budget it spends.
  struct Inlining {
    let templates: [String: MustacheTemplate]
    /// Each template's program number, for calls.
    let numbers: [String: Int32]
    /// How deep partials and parents are put in place before they become calls.
    let depthLimit: Int
    /// Nodes left to put in place; once spent, every further partial or parent is a call.
    var budget: Int
  }

  /// A block's content standing in for `{{$name}}`, with the indentation of the template that
  /// holds it.
  struct Override {
    let nodes: [Node]
    let indent: String
  }

  /// `template` with its partials, parents and blocks put in place as `inlining` allows.
  init(_ template: MustacheTemplate, _ inlining: Inlining) {
    var inlining = inlining
    add(template.nodes, blocks: [:], indent: "", depth: 0, &inlining)
  }

  private mutating func add(_ nodes: [Node], blocks: [String: Override], indent: String, depth: Int,
                            _ inlining: inout Inlining) {
    for node in nodes {
      inlining.budget -= 1
      switch node {
      case .text(let text):
        addText(text)
      case .lineStart:
        if !indent.isEmpty { addText(indent) }
      case .variable(let path, let escaped):
        let (start, end) = addPath(path)
        operations.append(.variable(start: start, end: end, escaped: escaped))
        textIsOpen = false
      case .section(let path, let inverted, let children):
        let (start, end) = addPath(path)
        let at = operations.count
        operations.append(.section(start: start, end: end, inverted: inverted, bodyEnd: 0))
        textIsOpen = false
        add(children, blocks: blocks, indent: indent, depth: depth, &inlining)
        operations[at] = .section(start: start, end: end, inverted: inverted, bodyEnd: Int32(operations.count))
        textIsOpen = false
      case .partial(let name, let own, _):
        include(name, blocks: blocks, indent: indent + own, depth: depth, &inlining)
      case .parent(let name, let overrides, _):
        include(name, blocks: Self.merge(blocks, overrides, indent: indent), indent: indent, depth: depth, &inlining)
      case .block(let block):
        addBlock(block, blocks: blocks, indent: indent, depth: depth, &inlining)
      }
    }
  }

  /// A block shows the override in effect for its name, else its own content. An override is
  /// put in place without itself in effect, so that a block of the same name inside it shows its
  /// default content rather than the override again, without end.
  private mutating func addBlock(_ block: MustacheTemplate.Block, blocks: [String: Override], indent: String,
                                 depth: Int, _ inlining: inout Inlining) {
    guard let override = blocks[block.name] else {
      add(block.nodes, blocks: blocks, indent: indent, depth: depth, &inlining)
      return
    }
    var inner = blocks
    inner[block.name] = nil
    add(override.nodes, blocks: inner, indent: override.indent, depth: depth, &inlining)
  }

  /// A partial or parent: put in place while depth and budget allow, called by number beyond.
  /// A name that no template has is an error when the theme loads; here it adds nothing.
  private mutating func include(_ name: String, blocks: [String: Override], indent: String, depth: Int,
                                _ inlining: inout Inlining) {
    guard let template = inlining.templates[name] else { return }
    if depth < inlining.depthLimit, inlining.budget > 0 {
      add(template.nodes, blocks: blocks, indent: indent, depth: depth + 1, &inlining)
    } else if let number = inlining.numbers[name] {
      if depth < inlining.depthLimit { ranOutOfBudget = true }
      operations.append(.call(template: number))
      textIsOpen = false
    }
  }

  /// The blocks a parent template renders with: those given closer to the page (`outer`) win
  /// over the parent tag's own overrides, and among those a later one of a name wins.
  static func merge(_ outer: [String: Override], _ overrides: [MustacheTemplate.Block],
                    indent: String) -> [String: Override] {
    var merged = outer
    for block in overrides where outer[block.name] == nil {
      merged[block.name] = Override(nodes: block.nodes, indent: indent)
    }
    return merged
  }

  /// Text joins the text before it when nothing came between, so a run of text is one copy.
  private mutating func addText(_ text: String) {
    if textIsOpen, case .text(let start, _)? = operations.last {
      bytes.append(contentsOf: text.utf8)
      operations[operations.count - 1] = .text(start: start, end: Int32(bytes.count))
      return
    }
    let start = Int32(bytes.count)
    bytes.append(contentsOf: text.utf8)
    operations.append(.text(start: start, end: Int32(bytes.count)))
    textIsOpen = true
  }

  private mutating func addPath(_ path: [TemplateKey]) -> (Int32, Int32) {
    let start = Int32(keys.count)
    keys.append(contentsOf: path)
    return (start, Int32(keys.count))
  }
}
