/// A template with its partials, parents and blocks put in place, flattened into one array of
/// plain operations over one buffer of text bytes: a page walks it without looking templates up
/// by name or copying nodes and their strings, and copies each run of text with one `memcpy`.
struct MustacheProgram: Sendable {
  enum Operation: Sendable {
    /// `bytes[start ..< end]`, as is.
    case text(start: Int32, end: Int32)
    /// The value named by `keys[start ..< end]`.
    case variable(start: Int32, end: Int32, escaped: Bool)
    /// A section named by `keys[start ..< end]`; its body is the operations up to `bodyEnd`.
    case section(start: Int32, end: Int32, inverted: Bool, bodyEnd: Int32)
  }

  private(set) var operations: [Operation] = []
  private(set) var bytes: [UInt8] = []
  private(set) var keys: [TemplateKey] = []
  /// Whether the last operation is text that the next text may extend (not the end of a section).
  private var textIsOpen = false

  /// `nodes` with every partial, parent and block put in place, as the renderer would walk them;
  /// nil when inclusions go deeper than `depthLimit` or pass `budget` nodes (a recursive partial).
  init?(_ nodes: [MustacheTemplate.Node], templates: [String: MustacheTemplate], depthLimit: Int, budget: Int) {
    var budget = budget
    guard add(nodes, blocks: [:], templates, depth: 0, depthLimit, &budget) else { return nil }
  }

  private mutating func add(_ nodes: [MustacheTemplate.Node], blocks: [String: [MustacheTemplate.Node]],
                            _ templates: [String: MustacheTemplate], depth: Int, _ limit: Int, _ budget: inout Int) -> Bool {
    guard depth <= limit else { return false }
    for node in nodes {
      budget -= 1
      guard budget >= 0 else { return false }
      switch node {
      case .text(let text):
        addText(text)
      case .variable(let path, let escaped):
        let (start, end) = addPath(path)
        operations.append(.variable(start: start, end: end, escaped: escaped))
        textIsOpen = false
      case .section(let path, let inverted, let children):
        let (start, end) = addPath(path)
        let at = operations.count
        operations.append(.section(start: start, end: end, inverted: inverted, bodyEnd: 0))
        textIsOpen = false
        guard add(children, blocks: blocks, templates, depth: depth, limit, &budget) else { return false }
        operations[at] = .section(start: start, end: end, inverted: inverted, bodyEnd: Int32(operations.count))
        textIsOpen = false
      case .partial(let name):
        guard add(templates[name]?.nodes ?? [], blocks: blocks, templates, depth: depth + 1, limit, &budget) else { return false }
      case .block(let name, let fallback):
        guard add(blocks[name] ?? fallback, blocks: blocks, templates, depth: depth + 1, limit, &budget) else { return false }
      case .parent(let name, let overrides):
        let merged = MustacheRenderer.merge(blocks, overrides)
        guard add(templates[name]?.nodes ?? [], blocks: merged, templates, depth: depth + 1, limit, &budget) else { return false }
      }
    }
    return true
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

  func render(_ context: TemplateValue, into out: inout [UInt8]) {
    var stack = [context]
    operations.withUnsafeBufferPointer { operations in
      bytes.withUnsafeBufferPointer { bytes in
        keys.withUnsafeBufferPointer { keys in
          Self.run(0..<operations.count, operations, bytes, keys, &stack, into: &out)
        }
      }
    }
  }

  private static func run(_ range: Range<Int>, _ operations: UnsafeBufferPointer<Operation>, _ bytes: UnsafeBufferPointer<UInt8>,
                          _ keys: UnsafeBufferPointer<TemplateKey>, _ stack: inout [TemplateValue], into out: inout [UInt8]) {
    var i = range.lowerBound
    while i < range.upperBound {
      switch operations[i] {
      case .text(let start, let end):
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)]))
        i += 1
      case .variable(let start, let end, let escaped):
        if let value = MustacheRenderer.lookup(UnsafeBufferPointer(rebasing: keys[Int(start)..<Int(end)]), stack) {
          MustacheRenderer.print(value, escaped: escaped, into: &out)
        }
        i += 1
      case .section(let start, let end, let inverted, let bodyEnd):
        let value = MustacheRenderer.lookup(UnsafeBufferPointer(rebasing: keys[Int(start)..<Int(end)]), stack)
        let body = (i + 1)..<Int(bodyEnd)
        MustacheRenderer.section(value, inverted: inverted, &stack) { stack in
          run(body, operations, bytes, keys, &stack, into: &out)
        }
        i = Int(bodyEnd)
      }
    }
  }
}
