/// A reader for the plain front matter that nearly every recommendation file has — one field per
/// line, with a plain or quoted value, a `[flow, list]`, a `{flow: mapping}`, a block list of
/// `- items`, or a nested block (the `follow_up:` block with its lists of `- date: …` entries) —
/// that builds the nodes Yams builds (`compose` with the basic resolver, as `FieldNode`s) many
/// times faster.
///
/// It gives up (returns nil) on anything else: escapes, comments after a value or indented,
/// multi-line scalars, anchors, tags, repeated keys, more than 32 keys in a mapping, nesting
/// deeper than `maxDepth`. The decoder then reads the file with Yams, which also reads every file
/// that has a problem, so messages keep their exact line and column.
enum SimpleYAML {
  /// Blocks nested deeper than this are left to Yams.
  static let maxDepth = 8

  static func parse(_ text: String) -> FieldNode? {
    var text = text
    return text.withUTF8 { utf8 in
      var reader = BlockReader(Array(utf8))
      guard let first = reader.peek(), first.indent == 0, let root = reader.mapping(indent: 0, depth: 0),
        reader.peek() == nil
      else { return nil }
      return root
    }
  }

  /// `key: value` or `key:` from `start` to the end of `line`: the key and the value's range, trimmed.
  static func entry(_ b: [UInt8], from start: Int, in line: Range<Int>) -> (String, Range<Int>)? {
    var i = start
    guard i < line.upperBound, isKeyStart(b[i]) else { return nil }
    while i < line.upperBound, isKeyByte(b[i]) { i += 1 }
    guard i < line.upperBound, b[i] == UInt8(ascii: ":") else { return nil }
    let key = String(decoding: b[start..<i], as: UTF8.self)
    i += 1
    guard i == line.upperBound || b[i] == 0x20 else { return nil }
    while i < line.upperBound, b[i] == 0x20 { i += 1 }
    return (key, i..<line.upperBound)
  }

  /// A value on a line: a flow list, a flow mapping of scalars or a scalar.
  static func value(_ b: [UInt8], _ range: Range<Int>) -> FieldNode? {
    switch b[range.lowerBound] {
    case UInt8(ascii: "["):
      var items: [FieldNode] = []
      guard let ranges = flowItems(b, range, close: UInt8(ascii: "]")) else { return nil }
      for item in ranges {
        guard let node = scalar(b, item, inFlow: true) else { return nil }
        items.append(node)
      }
      return FieldNode(.sequence(.init(items)))
    case UInt8(ascii: "{"):
      var pairs: [(key: FieldNode, value: FieldNode)] = []
      guard let ranges = flowItems(b, range, close: UInt8(ascii: "}")) else { return nil }
      for item in ranges {
        guard let (key, valueRange) = entry(b, from: item.lowerBound, in: item), !valueRange.isEmpty,
          !pairs.contains(where: { $0.key.scalar == key }), let node = scalar(b, valueRange, inFlow: true)
        else { return nil }
        pairs.append((.plain(key), node))
      }
      return FieldNode(.mapping(.init(pairs)))
    default: return scalar(b, range, inFlow: false)
    }
  }

  /// The trimmed items of `[a, b]` or `{k: v, …}` filling `range` (none for `[]` or `{}`); nil
  /// when it does not close there, or has an empty item between commas (left to Yams).
  private static func flowItems(_ b: [UInt8], _ range: Range<Int>, close: UInt8) -> [Range<Int>]? {
    guard range.count >= 2, b[range.upperBound - 1] == close else { return nil }
    let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
    var items: [Range<Int>] = []
    var start = inner.lowerBound
    var quote: UInt8?
    var i = inner.lowerBound
    while i <= inner.upperBound {
      let c = i < inner.upperBound ? b[i] : UInt8(ascii: ",")
      if let q = quote {
        if c == q { quote = nil }
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        quote = c
      } else if c == UInt8(ascii: ",") {
        var s = start
        var e = i
        while s < e, b[s] == 0x20 { s += 1 }
        while e > s, b[e - 1] == 0x20 { e -= 1 }
        if s == e {
          guard items.isEmpty, i == inner.upperBound else { return nil }
          break
        }
        items.append(s..<e)
        start = i + 1
      }
      i += 1
    }
    return quote == nil ? items : nil
  }

  /// A plain, single-quoted or double-quoted scalar filling `range`, or nil when it is anything
  /// Yams might read differently (escapes, comments, indicators, flow characters in a list).
  static func scalar(_ b: [UInt8], _ range: Range<Int>, inFlow: Bool) -> FieldNode? {
    let first = b[range.lowerBound]
    if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
      guard range.count >= 2, b[range.upperBound - 1] == first else { return nil }
      let inner = b[(range.lowerBound + 1)..<(range.upperBound - 1)]
      guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")), !inner.contains(0x09) else { return nil }
      return FieldNode(.scalar(String(decoding: inner, as: UTF8.self), plain: false))
    }
    guard !indicators.contains(first), first != UInt8(ascii: "?") else { return nil }
    if first == UInt8(ascii: "-") || first == UInt8(ascii: ":") {
      guard range.count > 1, b[range.lowerBound + 1] != 0x20 else { return nil }
    }
    var previous: UInt8 = 0
    for i in range {
      let c = b[i]
      if c == 0x09 || c < 0x20 || c == 0x7F { return nil }
      if c == UInt8(ascii: "#") && previous == 0x20 { return nil }
      if previous == UInt8(ascii: ":") && c == 0x20 { return nil }
      if inFlow && (c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")) { return nil }
      if inFlow && c == UInt8(ascii: ":") { return nil }
      if c >= 0x80 && !isPlainUnicode(b, i) { return nil }
      previous = c
    }
    guard previous != UInt8(ascii: ":") else { return nil }
    return .plain(String(decoding: b[range], as: UTF8.self))
  }

  /// Characters that open something other than a plain scalar.
  private static let indicators: Set<UInt8> = Set("[]{},#&*!|>'\"%@`".utf8)

  /// Non-ASCII text is plain except the byte-order mark, NEL and the line and paragraph
  /// separators, which YAML reads as breaks or rejects; those files go to Yams.
  private static func isPlainUnicode(_ b: [UInt8], _ i: Int) -> Bool {
    let c = b[i]
    if c == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 || b[i + 1] == 0xA0 { return false }
    if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return false }
    if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return false }
    return true
  }

  private static func isKeyStart(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_")
  }

  private static func isKeyByte(_ c: UInt8) -> Bool {
    isKeyStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-")
  }
}
