/// An inlined template (no partials, parents or blocks left) flattened into one array of plain
/// operations over one buffer of text bytes: a page walks it without copying nodes or their
/// strings, and copies each run of text with one `memcpy`.
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

  /// Nil when `nodes` still include another template (a recursive partial was not inlined).
  init?(_ nodes: [MustacheTemplate.Node]) {
    guard add(nodes) else { return nil }
  }

  private mutating func add(_ nodes: [MustacheTemplate.Node]) -> Bool {
    for node in nodes {
      switch node {
      case .text(let text):
        let start = Int32(bytes.count)
        bytes.append(contentsOf: text.utf8)
        operations.append(.text(start: start, end: Int32(bytes.count)))
      case .variable(let path, let escaped):
        let (start, end) = addPath(path)
        operations.append(.variable(start: start, end: end, escaped: escaped))
      case .section(let path, let inverted, let children):
        let (start, end) = addPath(path)
        let at = operations.count
        operations.append(.section(start: start, end: end, inverted: inverted, bodyEnd: 0))
        guard add(children) else { return false }
        operations[at] = .section(start: start, end: end, inverted: inverted, bodyEnd: Int32(operations.count))
      case .partial, .parent, .block:
        return false
      }
    }
    return true
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
