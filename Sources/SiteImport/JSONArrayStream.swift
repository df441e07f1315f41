import Foundation

/// A JSON value; numbers keep their text so that nothing is rounded.
public indirect enum JSONValue: Equatable, Sendable {
  case string(String)
  case number(String)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([String: JSONValue])
}

public struct JSONStreamError: Error, Equatable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var message: String
  public var description: String { "\(line):\(column): \(message)" }
}

/// Reads a file holding one JSON array and hands out its elements one at a time, reading the
/// file in chunks: memory holds one chunk and one element, whatever the file's size (the UHRI
/// export is about 360 MB).
///
/// Strings may contain raw control characters (some exports do); invalid UTF-8 becomes U+FFFD.
public struct JSONArrayStream {
  private let read: () throws -> [UInt8]
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false
  private var started = false
  private var finished = false
  private var line = 1
  private var column = 1
  private var scratch: [UInt8] = []
  static let maximumDepth = 256

  /// Streams the file at `path`.
  public init(path: String, chunkSize: Int = 1 << 20) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportFailure("\(path): cannot open the file") }
    read = { try handle.read(upToCount: chunkSize).map(Array.init) ?? [] }
  }

  /// Streams `bytes`, handed over `chunkSize` at a time (tests use small chunks to cut tokens).
  public init(bytes: [UInt8], chunkSize: Int = 1 << 20) {
    var offset = 0
    read = {
      let end = min(bytes.count, offset + chunkSize)
      defer { offset = end }
      return Array(bytes[offset..<end])
    }
  }

  /// The next element of the array and the line it starts on; nil after the closing `]`.
  public mutating func next() throws -> (JSONValue, line: Int)? {
    if finished { return nil }
    if !started {
      try skipByteOrderMark()
      try skipWhitespace()
      try expect(UInt8(ascii: "["), "expected a JSON array (\"[\") at the start of the file")
      started = true
      try skipWhitespace()
      if try peek() == UInt8(ascii: "]") { return try end() }
    } else {
      try skipWhitespace()
      switch try peek() {
      case UInt8(ascii: ","):
        _ = try take()
        try skipWhitespace()
      case UInt8(ascii: "]"): return try end()
      case nil: throw error("the file ends inside the array (no closing \"]\")")
      default: throw error("expected \",\" or \"]\" after an element")
      }
    }
    let startLine = line
    return (try value(depth: 0), startLine)
  }

  private mutating func end() throws -> (JSONValue, line: Int)? {
    _ = try take()
    finished = true
    return nil
  }

  // MARK: - Bytes

  private mutating func peek() throws -> UInt8? {
    if position == buffer.count {
      if atEnd { return nil }
      buffer = try read()
      position = 0
      if buffer.isEmpty {
        atEnd = true
        return nil
      }
    }
    return buffer[position]
  }

  private mutating func take() throws -> UInt8? {
    guard let byte = try peek() else { return nil }
    position += 1
    if byte == 0x0A {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
    return byte
  }

  private mutating func skipWhitespace() throws {
    while let byte = try peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { _ = try take() }
  }

  private mutating func skipByteOrderMark() throws {
    guard try peek() == 0xEF else { return }
    for expected: UInt8 in [0xEF, 0xBB, 0xBF] where try take() != expected {
      throw error("the file starts with bytes that are neither JSON nor a UTF-8 byte-order mark")
    }
  }

  /// Takes `byte`, or throws `message` pointing at what is there instead.
  private mutating func expect(_ byte: UInt8, _ message: String) throws {
    guard try peek() == byte else { throw error(message) }
    _ = try take()
  }

  private func error(_ message: String) -> JSONStreamError {
    JSONStreamError(line: line, column: column, message: message)
  }

  // MARK: - Values

  private mutating func value(depth: Int) throws -> JSONValue {
    guard depth < Self.maximumDepth else { throw error("values nested more than \(Self.maximumDepth) deep") }
    switch try peek() {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case let byte? where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39): return try number()
    case nil: throw error("the file ends where a value should be")
    default: throw error("unexpected character where a value should be")
    }
  }

  private mutating func object(depth: Int) throws -> JSONValue {
    _ = try take()
    var fields: [String: JSONValue] = [:]
    try skipWhitespace()
    if try peek() == UInt8(ascii: "}") {
      _ = try take()
      return .object(fields)
    }
    while true {
      try skipWhitespace()
      guard try peek() == UInt8(ascii: "\"") else { throw error("expected a quoted key in the object") }
      let key = try string()
      try skipWhitespace()
      try expect(UInt8(ascii: ":"), "expected \":\" after the key \"\(key)\"")
      try skipWhitespace()
      fields[key] = try value(depth: depth + 1)
      try skipWhitespace()
      switch try peek() {
      case UInt8(ascii: ","): _ = try take()
      case UInt8(ascii: "}"):
        _ = try take()
        return .object(fields)
      default: throw error("expected \",\" or \"}\" in the object")
      }
    }
  }

  private mutating func array(depth: Int) throws -> JSONValue {
    _ = try take()
    var items: [JSONValue] = []
    try skipWhitespace()
    if try peek() == UInt8(ascii: "]") {
      _ = try take()
      return .array(items)
    }
    while true {
      try skipWhitespace()
      items.append(try value(depth: depth + 1))
      try skipWhitespace()
      switch try peek() {
      case UInt8(ascii: ","): _ = try take()
      case UInt8(ascii: "]"):
        _ = try take()
        return .array(items)
      default: throw error("expected \",\" or \"]\" in the list")
      }
    }
  }

  private mutating func literal(_ word: String, _ result: JSONValue) throws -> JSONValue {
    for expected in word.utf8 where try take() != expected { throw error("expected \(word)") }
    return result
  }

  private mutating func number() throws -> JSONValue {
    scratch.removeAll(keepingCapacity: true)
    while let byte = try peek(), byte == 0x2B || byte == 0x2D || byte == 0x2E || byte == 0x45 || byte == 0x65 || (byte >= 0x30 && byte <= 0x39) {
      scratch.append(byte)
      _ = try take()
    }
    let text = String(decoding: scratch, as: UTF8.self)
    guard Double(text) != nil else { throw error("\"\(text)\" is not a number") }
    return .number(text)
  }

  private mutating func string() throws -> String {
    _ = try take()
    scratch.removeAll(keepingCapacity: true)
    while true {
      guard let byte = try take() else { throw error("the file ends inside a string") }
      switch byte {
      case UInt8(ascii: "\""): return String(decoding: scratch, as: UTF8.self)
      case UInt8(ascii: "\\"): try escape()
      default: scratch.append(byte)
      }
    }
  }

  private mutating func escape() throws {
    guard let byte = try take() else { throw error("the file ends inside a string") }
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"): scratch.append(contentsOf: String(Character(try unicodeEscape())).utf8)
    default: throw error("unknown escape \"\\\(Character(Unicode.Scalar(byte)))\" in a string")
    }
  }

  /// `\uXXXX`, joining a surrogate pair; a lone surrogate becomes U+FFFD.
  private mutating func unicodeEscape() throws -> Unicode.Scalar {
    let first = try hex4()
    guard (0xD800...0xDBFF).contains(first) else { return Unicode.Scalar(first) ?? "\u{FFFD}" }
    guard try peek() == UInt8(ascii: "\\") else { return "\u{FFFD}" }
    _ = try take()
    guard try take() == UInt8(ascii: "u") else { throw error("expected the second half of a surrogate pair") }
    let second = try hex4()
    guard (0xDC00...0xDFFF).contains(second) else { return "\u{FFFD}" }
    return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) ?? "\u{FFFD}"
  }

  private mutating func hex4() throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = try take(), let digit = UInt32(String(Unicode.Scalar(byte)), radix: 16) else {
        throw error("expected four hex digits after \\u")
      }
      value = value * 16 + digit
    }
    return value
  }
}
