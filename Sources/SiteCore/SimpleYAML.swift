/// A reader for the plain front matter that nearly every recommendation file has — one field per
/// line, with a plain or quoted value, a `[flow, list]` or a block list of `- items` — that builds
/// the nodes Yams builds (`compose` with the basic resolver, as `FieldNode`s) many times faster.
///
/// It gives up (returns nil) on anything else: nested mappings, escapes, comments after a value,
/// multi-line scalars, anchors, tags, repeated keys, more than 32 keys. The decoder then reads the file with Yams,
/// which also reads every file that has a problem, so messages keep their exact line and column.
enum SimpleYAML {
  static func parse(_ text: String) -> FieldNode? {
    var text = text
    return text.withUTF8 { parse(Array($0)) }
  }

  private static func parse(_ bytes: [UInt8]) -> FieldNode? {
    var pairs: [(key: FieldNode, value: FieldNode)] = []
    var keys: [String] = []
    var lines = Lines(bytes)
    var pendingList: (key: FieldNode, items: [FieldNode])?
    while let line = lines.next() {
      if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
      if let item = listItem(bytes, line) {
        guard pendingList != nil, let node = scalar(bytes, item, inFlow: false) else { return nil }
        pendingList!.items.append(node)
        continue
      }
      if let list = pendingList {
        pairs.append((list.key, list.items.isEmpty ? .plain("") : FieldNode(.sequence(.init(list.items)))))
        pendingList = nil
      }
      guard let (key, value) = entry(bytes, line), keys.count < 32, !keys.contains(key) else { return nil }
      keys.append(key)
      let keyNode = FieldNode.plain(key)
      if value.isEmpty {
        pendingList = (keyNode, [])
        continue
      }
      guard let node = self.value(bytes, value) else { return nil }
      pairs.append((keyNode, node))
    }
    if let list = pendingList {
      pairs.append((list.key, list.items.isEmpty ? .plain("") : FieldNode(.sequence(.init(list.items)))))
    }
    if pairs.isEmpty { return nil }
    return FieldNode(.mapping(.init(pairs)))
  }

  /// `key: value` at the start of a line: the key and the range of the value, trimmed.
  private static func entry(_ b: [UInt8], _ line: Range<Int>) -> (String, Range<Int>)? {
    var i = line.lowerBound
    guard isKeyStart(b[i]) else { return nil }
    while i < line.upperBound, isKeyByte(b[i]) { i += 1 }
    guard i < line.upperBound, b[i] == UInt8(ascii: ":") else { return nil }
    let key = String(decoding: b[line.lowerBound..<i], as: UTF8.self)
    i += 1
    guard i == line.upperBound || b[i] == 0x20 else { return nil }
    while i < line.upperBound, b[i] == 0x20 { i += 1 }
    var end = line.upperBound
    while end > i, b[end - 1] == 0x20 { end -= 1 }
    return (key, i..<end)
  }

  /// `- item` (at any indentation, as Yams reads a block list under a key): the item's range.
  private static func listItem(_ b: [UInt8], _ line: Range<Int>) -> Range<Int>? {
    var i = line.lowerBound
    while i < line.upperBound, b[i] == 0x20 { i += 1 }
    guard i + 1 < line.upperBound, b[i] == UInt8(ascii: "-"), b[i + 1] == 0x20 else { return nil }
    i += 2
    while i < line.upperBound, b[i] == 0x20 { i += 1 }
    var end = line.upperBound
    while end > i, b[end - 1] == 0x20 { end -= 1 }
    return i < end ? i..<end : nil
  }

  private static func value(_ b: [UInt8], _ range: Range<Int>) -> FieldNode? {
    guard b[range.lowerBound] == UInt8(ascii: "[") else { return scalar(b, range, inFlow: false) }
    guard b[range.upperBound - 1] == UInt8(ascii: "]") else { return nil }
    let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
    var items: [FieldNode] = []
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
          // `[]` is an empty list; an empty item between commas is left to Yams.
          guard items.isEmpty, i == inner.upperBound else { return nil }
          break
        }
        guard let node = scalar(b, s..<e, inFlow: true) else { return nil }
        items.append(node)
        start = i + 1
      }
      i += 1
    }
    guard quote == nil else { return nil }
    return FieldNode(.sequence(.init(items)))
  }

  /// A plain, single-quoted or double-quoted scalar filling `range`, or nil when it is anything
  /// Yams might read differently (escapes, comments, indicators, flow characters in a list).
  private static func scalar(_ b: [UInt8], _ range: Range<Int>, inFlow: Bool) -> FieldNode? {
    let first = b[range.lowerBound]
    if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
      guard range.count >= 2, b[range.upperBound - 1] == first else { return nil }
      let inner = b[(range.lowerBound + 1)..<(range.upperBound - 1)]
      guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")), !inner.contains(0x09) else { return nil }
      return FieldNode(.scalar(String(decoding: inner, as: UTF8.self), plain: false))
    }
    guard !indicators.contains(first), first != UInt8(ascii: "?") else { return nil }
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == UInt8(ascii: ":") {
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

  /// The lines of the text, without their newline; a carriage return or a tab anywhere stops the
  /// fast reading (nil from `next` is the end, so such text yields a line that fails to parse).
  private struct Lines {
    let bytes: [UInt8]
    var start = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Range<Int>? {
      guard start < bytes.count else { return nil }
      var end = start
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      var trimmed = end
      while trimmed > start, bytes[trimmed - 1] == 0x20 { trimmed -= 1 }
      defer { start = end + 1 }
      return start..<trimmed
    }
  }
}
