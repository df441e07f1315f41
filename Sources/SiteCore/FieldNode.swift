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

  /// The items of a list: made by the fast reader, or Yams's nodes turned one by one as read.
  /// (Two plain arrays, one of them empty, so reading an item copies no enum of arrays.)
  struct Items: RandomAccessCollection {
    private let made: [FieldNode]
    private let given: [Node]
    init(_ items: [FieldNode]) { (made, given) = (items, []) }
    init(_ items: Node.Sequence) { (made, given) = ([], Array(items)) }
    var startIndex: Int { 0 }
    var endIndex: Int { given.isEmpty ? made.count : given.count }
    subscript(i: Int) -> FieldNode { given.isEmpty ? made[i] : FieldNode(given[i]) }
  }

  /// The entries of a mapping, in order, the same two ways.
  struct Pairs: RandomAccessCollection {
    private let made: [(key: FieldNode, value: FieldNode)]
    private let given: [(key: Node, value: Node)]
    init(_ pairs: [(key: FieldNode, value: FieldNode)]) { (made, given) = (pairs, []) }
    init(_ pairs: Node.Mapping) { (made, given) = ([], pairs.map { ($0.key, $0.value) }) }
    var startIndex: Int { 0 }
    var endIndex: Int { given.isEmpty ? made.count : given.count }
    subscript(i: Int) -> (key: FieldNode, value: FieldNode) {
      given.isEmpty ? made[i] : (FieldNode(given[i].key), FieldNode(given[i].value))
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
