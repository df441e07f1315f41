/// Little-endian fixed-width numbers and length-prefixed bytes, for the build state file.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  mutating func u64(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }
  mutating func int(_ value: Int) { i64(Int64(value)) }
  mutating func byte(_ value: UInt8) { bytes.append(value) }

  mutating func data(_ value: [UInt8]) {
    int(value.count)
    bytes.append(contentsOf: value)
  }

  mutating func string(_ value: String) { data(Array(value.utf8)) }

  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  /// A whole array of plain numbers at once.
  mutating func array<T: FixedWidthInteger>(_ values: [T]) {
    int(values.count)
    for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
  }
}

/// Reads what `BinaryWriter` wrote; every read fails (nil) past the end instead of trapping.
struct BinaryReader {
  private let bytes: [UInt8]
  private var at = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { at == bytes.count }

  mutating func u64() -> UInt64? {
    guard at + 8 <= bytes.count else { return nil }
    let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
    at += 8
    return UInt64(littleEndian: value)
  }

  mutating func i64() -> Int64? { u64().map { Int64(bitPattern: $0) } }
  mutating func int() -> Int? { i64().flatMap { Int(exactly: $0) } }

  mutating func byte() -> UInt8? {
    guard at < bytes.count else { return nil }
    defer { at += 1 }
    return bytes[at]
  }

  mutating func data() -> [UInt8]? {
    guard let count = int(), count >= 0, at + count <= bytes.count else { return nil }
    defer { at += count }
    return Array(bytes[at..<(at + count)])
  }

  mutating func string() -> String? { data().map { String(decoding: $0, as: UTF8.self) } }

  mutating func strings() -> [String]? {
    guard let count = int(), count >= 0, count <= bytes.count else { return nil }
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count {
      guard let value = string() else { return nil }
      values.append(value)
    }
    return values
  }

  mutating func array<T: FixedWidthInteger>(of type: T.Type) -> [T]? {
    let width = MemoryLayout<T>.size
    guard let count = int(), count >= 0, at + count * width <= bytes.count else { return nil }
    let values = bytes.withUnsafeBytes { raw in
      (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: at + $0 * width, as: T.self)) }
    }
    at += count * width
    return values
  }
}
