import Foundation

/// One piece of an HTML or XML file as a browser's tokenizer sees it: a tag with its
/// attributes (values entity-decoded), a comment or declaration, or text.
enum MarkupToken: Equatable {
  case tag(MarkupTag)
  case comment(String)
  case declaration(String)
  case text(String)
  /// A `<` that opens nothing: escaped text never has one.
  case strayLessThan(offset: Int)
}

struct MarkupTag: Equatable {
  var name: String
  var closing: Bool
  var attributes: [(name: String, value: String)]
  var offset: Int

  func value(_ attribute: String) -> String? { attributes.first { $0.name == attribute }?.value }

  static func == (a: MarkupTag, b: MarkupTag) -> Bool {
    a.name == b.name && a.closing == b.closing && a.offset == b.offset
      && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
  }
}

/// A small HTML tokenizer: enough to find every tag and attribute the way a browser would,
/// so that text which is properly escaped is never mistaken for markup (and markup never hides
/// in an attribute value or behind odd quoting).
struct MarkupScanner {
  private let bytes: [UInt8]
  private var i = 0

  static func tokens(_ text: String) -> [MarkupToken] {
    var scanner = MarkupScanner(bytes: Array(text.utf8))
    return scanner.run()
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func run() -> [MarkupToken] {
    var tokens: [MarkupToken] = []
    var textStart = 0
    while i < bytes.count {
      guard bytes[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      if i > textStart { tokens.append(.text(string(textStart, i))) }
      tokens.append(markup())
      textStart = i
    }
    if textStart < bytes.count { tokens.append(.text(string(textStart, bytes.count))) }
    return tokens
  }

  /// The token starting at the `<` at `i`; leaves `i` after it.
  private mutating func markup() -> MarkupToken {
    let start = i
    if starts(with: "<!--") {
      let end = find("-->", from: i + 4) ?? bytes.count
      i = min(bytes.count, end + 3)
      return .comment(string(start + 4, end))
    }
    if starts(with: "<!") || starts(with: "<?") {
      let end = find(">", from: i) ?? bytes.count
      i = min(bytes.count, end + 1)
      return .declaration(string(start, i))
    }
    let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
    let nameStart = i + (closing ? 2 : 1)
    guard nameStart < bytes.count, isLetter(bytes[nameStart]) else {
      i += 1
      return .strayLessThan(offset: start)
    }
    i = nameStart
    let name = readWhile { !isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }.lowercased()
    var tag = MarkupTag(name: name, closing: closing, attributes: [], offset: start)
    while i < bytes.count {
      skipWhile { isSpace($0) || $0 == UInt8(ascii: "/") }
      guard i < bytes.count, bytes[i] != UInt8(ascii: ">") else { break }
      tag.attributes.append(attribute())
    }
    i = min(bytes.count, i + 1)
    return .tag(tag)
  }

  private mutating func attribute() -> (name: String, value: String) {
    let first = i
    i += 1  // a name may start with any character, even "=" (HTML's "unexpected equals sign")
    let rest = readWhile { !isSpace($0) && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }
    let name = (string(first, first + 1) + rest).lowercased()
    skipWhile(isSpace)
    guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { return (name, "") }
    i += 1
    skipWhile(isSpace)
    guard i < bytes.count else { return (name, "") }
    let quote = bytes[i]
    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      i += 1
      let value = readWhile { $0 != quote }
      i = min(bytes.count, i + 1)
      return (name, Entities.decode(value))
    }
    return (name, Entities.decode(readWhile { !isSpace($0) && $0 != UInt8(ascii: ">") }))
  }

  // MARK: - Bytes

  private func starts(with prefix: String) -> Bool {
    let p = Array(prefix.utf8)
    return i + p.count <= bytes.count && Array(bytes[i..<(i + p.count)]) == p
  }

  private func find(_ needle: String, from: Int) -> Int? {
    let n = Array(needle.utf8)
    guard bytes.count >= n.count, from <= bytes.count - n.count else { return nil }
    return (from...(bytes.count - n.count)).first { Array(bytes[$0..<($0 + n.count)]) == n }
  }

  private mutating func readWhile(_ keep: (UInt8) -> Bool) -> String {
    let start = i
    skipWhile(keep)
    return string(start, i)
  }

  private mutating func skipWhile(_ keep: (UInt8) -> Bool) {
    while i < bytes.count, keep(bytes[i]) { i += 1 }
  }

  private func string(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
}

private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
private func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }

/// Character references as a browser decodes them in attribute values.
enum Entities {
  static let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
                      "colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")"]

  static func decode(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      rest = rest[rest.index(after: amp)...]
      let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
      if let scalar = reference(String(name)) {
        out.unicodeScalars.append(scalar)
        rest = rest.dropFirst(name.count)
        if rest.first == ";" { rest = rest.dropFirst() }
      } else {
        out += "&"
      }
    }
    return out + rest
  }

  private static func reference(_ name: String) -> Unicode.Scalar? {
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
    }
    if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
    return named[name.lowercased()].flatMap { $0.unicodeScalars.first }
  }
}
