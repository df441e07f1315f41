import SiteSearch

/// A JSON value written with its keys in the order given, so every API file is the same bytes
/// on every build.
indirect enum JSONValue {
  case string(String)
  case number(Int)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object(KeyValuePairs<String, JSONValue>)
  case fields([(String, JSONValue)])

  static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
  static func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }

  var bytes: [UInt8] {
    var out: [UInt8] = []
    write(into: &out)
    out.append(0x0A)
    return out
  }

  func write(into out: inout [UInt8]) {
    switch self {
    case .string(let text): JSON.string(text, into: &out)
    case .number(let n): out.append(contentsOf: String(n).utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .null: out.append(contentsOf: "null".utf8)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (n, item) in items.enumerated() {
        if n > 0 { out.append(UInt8(ascii: ",")) }
        item.write(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let pairs): Self.write(pairs.map { ($0.key, $0.value) }, into: &out)
    case .fields(let pairs): Self.write(pairs, into: &out)
    }
  }

  private static func write(_ pairs: [(String, JSONValue)], into out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    for (n, (key, value)) in pairs.enumerated() {
      if n > 0 { out.append(UInt8(ascii: ",")) }
      JSON.string(key, into: &out)
      out.append(UInt8(ascii: ":"))
      value.write(into: &out)
    }
    out.append(UInt8(ascii: "}"))
  }
}
