/// The block structure of the front matter for `SimpleYAML`: mappings and lists by their
/// indentation, one line at a time. Every line it cannot place makes it give up (nil).
struct BlockReader {
  /// A line that is not blank and not a comment: where its text starts and ends (trailing
  /// spaces cut) and how many spaces indent it.
  struct Line {
    var range: Range<Int>
    var indent: Int
    var start: Int { range.lowerBound + indent }
  }

  private let b: [UInt8]
  private var lines: [Line] = []
  private var next = 0

  init(_ bytes: [UInt8]) {
    b = bytes
    var start = 0
    while start < b.count {
      var end = start
      while end < b.count, b[end] != 0x0A { end += 1 }
      var trimmed = end
      while trimmed > start, b[trimmed - 1] == 0x20 { trimmed -= 1 }
      var indent = 0
      while start + indent < trimmed, b[start + indent] == 0x20 { indent += 1 }
      // A comment is skipped only at the start of a line; anywhere else it stops the reading.
      if trimmed > start, b[start] != UInt8(ascii: "#") { lines.append(Line(range: start..<trimmed, indent: indent)) }
      start = end + 1
    }
  }

  func peek() -> Line? { next < lines.count ? lines[next] : nil }

  /// Whether `line` is a list item: `- ` and something.
  private func isItem(_ line: Line) -> Bool {
    line.start + 1 < line.range.upperBound && b[line.start] == UInt8(ascii: "-") && b[line.start + 1] == 0x20
  }

  /// The entries at `indent`, from the next line on, until a line indented less.
  mutating func mapping(indent: Int, depth: Int) -> FieldNode? {
    var pairs: [(key: FieldNode, value: FieldNode)] = []
    while let line = peek(), line.indent >= indent {
      guard line.indent == indent, !isItem(line), entry(line, from: line.start, depth: depth, into: &pairs) else { return nil }
    }
    return pairs.isEmpty ? nil : FieldNode(.mapping(.init(pairs)))
  }

  /// Reads the entry starting at `column` of the next line (and the block under it) into `pairs`.
  private mutating func entry(_ line: Line, from column: Int, depth: Int, into pairs: inout [(key: FieldNode, value: FieldNode)]) -> Bool {
    guard let (key, valueRange) = SimpleYAML.entry(b, from: column, in: line.range), pairs.count < 32,
      !pairs.contains(where: { $0.key.scalar == key })
    else { return false }
    next += 1
    let value: FieldNode?
    if valueRange.isEmpty {
      value = block(under: column - line.range.lowerBound, depth: depth + 1)
    } else {
      value = SimpleYAML.value(b, valueRange)
    }
    guard let value else { return false }
    pairs.append((.plain(key), value))
    return true
  }

  /// What stands under `key:` whose key is at column `indent`: a list (at that indentation or
  /// deeper), a mapping (deeper), or nothing (an empty plain scalar, as Yams reads it).
  private mutating func block(under indent: Int, depth: Int) -> FieldNode? {
    guard depth <= SimpleYAML.maxDepth else { return nil }
    guard let line = peek() else { return .plain("") }
    if isItem(line), line.indent >= indent { return list(indent: line.indent, depth: depth) }
    if line.indent > indent { return mapping(indent: line.indent, depth: depth) }
    return .plain("")
  }

  /// The `- items` at `indent`: scalars, flow values, or mappings whose first entry is on the
  /// item's line and whose others line up under it.
  private mutating func list(indent: Int, depth: Int) -> FieldNode? {
    var items: [FieldNode] = []
    while let line = peek(), line.indent >= indent {
      // A line at the list's indentation that is no item is the next entry of the mapping above.
      if line.indent == indent && !isItem(line) { break }
      guard line.indent == indent else { return nil }
      var column = line.start + 2
      while column < line.range.upperBound, b[column] == 0x20 { column += 1 }
      let content = column..<line.range.upperBound
      if SimpleYAML.entry(b, from: column, in: line.range) != nil {
        guard let item = itemMapping(line, column: column, depth: depth) else { return nil }
        items.append(item)
      } else {
        guard b[column] != UInt8(ascii: "-") || column + 1 == line.range.upperBound || b[column + 1] != 0x20,
          let item = SimpleYAML.value(b, content)
        else { return nil }
        next += 1
        items.append(item)
      }
    }
    return FieldNode(.sequence(.init(items)))
  }

  /// A list item that is a mapping: its first entry at `column` of `line`, the rest under it.
  private mutating func itemMapping(_ line: Line, column: Int, depth: Int) -> FieldNode? {
    guard depth < SimpleYAML.maxDepth else { return nil }
    var pairs: [(key: FieldNode, value: FieldNode)] = []
    guard entry(line, from: column, depth: depth, into: &pairs) else { return nil }
    let indent = column - line.range.lowerBound
    while let more = peek(), more.indent >= indent {
      guard more.indent == indent, !isItem(more), entry(more, from: more.start, depth: depth, into: &pairs) else { return nil }
    }
    return FieldNode(.mapping(.init(pairs)))
  }
}
