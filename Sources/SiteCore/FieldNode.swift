import Yams

/// A value of a YAML file as the decoders read it: a scalar (its text, and whether it was written
/// plain, unquoted), a list or a mapping, with the line and column where it starts.
///
/// The fast front-matter reader (`SimpleYAML`) makes these directly; a file it cannot read goes
/// through Yams, whose nodes are turned into these, so every decoder has one kind of value to read.
/// A Yams node's parts are turned only when read: an alias bomb or a list nested a thousand deep
/// costs what the decoder looks at, not what the YAML would expand to.
struct FieldNode {
  enum Value {
    case scalar(String, plain: Bool)
    case sequence(Items)
    case mapping(Pairs)
    case alias
  }

  /// The items of a list: made by the fast reader, or a Yams sequence read item by item.
  struct Items: RandomAccessCollection {
    private enum Source { case made([FieldNode]), yams(Node.Sequence) }
    private let source: Source
    init(_ items: [FieldNode]) { source = .made(items) }
    init(_ items: Node.Sequence) { source = .yams(items) }
    var startIndex: Int { 0 }
    var endIndex: Int {
      switch source {
      case .made(let items): return items.count
      case .yams(let items): return items.count
      }
    }
    subscript(i: Int) -> FieldNode {
      switch source {
      case .made(let items): return items[i]
      case .yams(let items): return FieldNode(items[items.index(items.startIndex, offsetBy: i)])
      }
    }
  }

  /// The entries of a mapping, in order, the same two ways.
  struct Pairs: RandomAccessCollection {
    private enum Source { case made([(key: FieldNode, value: FieldNode)]), yams(Node.Mapping) }
    private let source: Source
    init(_ pairs: [(key: FieldNode, value: FieldNode)]) { source = .made(pairs) }
    init(_ pairs: Node.Mapping) { source = .yams(pairs) }
    var startIndex: Int { 0 }
    var endIndex: Int {
      switch source {
      case .made(let pairs): return pairs.count
      case .yams(let pairs): return pairs.count
      }
    }
    subscript(i: Int) -> (key: FieldNode, value: FieldNode) {
      switch source {
      case .made(let pairs): return pairs[i]
      case .yams(let pairs):
        let pair = pairs[pairs.index(pairs.startIndex, offsetBy: i)]
        return (FieldNode(pair.key), FieldNode(pair.value))
      }
    }
  }

  var value: Value
  /// The place in the YAML text, from 1; 0 when unknown (nodes of the fast reader, which is used
  /// only for files without a problem to report).
  var line = 0
  var column = 0

  init(_ value: Value, line: Int = 0, column: Int = 0) {
    self.value = value
    self.line = line
    self.column = column
  }

  static func plain(_ text: String) -> FieldNode { FieldNode(.scalar(text, plain: true)) }

  /// The node Yams composed, with its place; its parts are turned as they are read.
  init(_ node: Node) {
    switch node {
    case .scalar(let s): value = .scalar(s.string, plain: s.style == .plain)
    case .sequence(let items): value = .sequence(Items(items))
    case .mapping(let pairs): value = .mapping(Pairs(pairs))
    case .alias: value = .alias
    }
    line = node.mark?.line ?? 0
    column = node.mark?.column ?? 0
  }

  /// The text of a scalar.
  var scalar: String? {
    if case .scalar(let text, _) = value { return text }
    return nil
  }

  /// Kind, text and style of every node, in order: what the decoders read (for tests).
  var shape: String {
    switch value {
    case .scalar(let text, let plain): return "S(\(plain ? "plain" : "quoted"):\(text))"
    case .sequence(let items): return "L[" + items.map(\.shape).joined(separator: ",") + "]"
    case .mapping(let pairs): return "M{" + pairs.map { $0.key.shape + "=" + $0.value.shape }.joined(separator: ",") + "}"
    case .alias: return "alias"
    }
  }
}
