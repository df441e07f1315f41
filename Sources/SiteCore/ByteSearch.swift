#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension String {
  /// Whether the text's UTF-8 holds `byte`; `memchr` over the bytes, where `utf8.contains` would
  /// step an iterator through every one of them.
  public func containsByte(_ byte: UInt8) -> Bool {
    if let found = utf8.withContiguousStorageIfAvailable({ $0.containsByte(byte) }) { return found }
    return utf8.contains(byte)
  }
}

extension UnsafeBufferPointer<UInt8> {
  public func containsByte(_ byte: UInt8) -> Bool {
    guard let base = baseAddress, !isEmpty else { return false }
    return memchr(base, Int32(byte), count) != nil
  }
}

extension Array<UInt8> {
  public func containsByte(_ byte: UInt8) -> Bool { withUnsafeBufferPointer { $0.containsByte(byte) } }
}

extension Array<UInt8> {
  /// Where `needle` first occurs at or after `from`: `memchr` to each candidate of its first
  /// byte, `memcmp` for the rest (fast over pages of a hundred megabytes).
  public func firstIndex(of needle: [UInt8], from: Int) -> Int? {
    guard !needle.isEmpty, from >= 0 else { return nil }
    return withUnsafeBufferPointer { hay -> Int? in
      needle.withUnsafeBufferPointer { n -> Int? in
        guard let base = hay.baseAddress, let nBase = n.baseAddress else { return nil }
        var at = from
        while at + n.count <= hay.count {
          guard let hit = memchr(base + at, Int32(n[0]), hay.count - n.count + 1 - at) else { return nil }
          let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
          if memcmp(base + k, nBase, n.count) == 0 { return k }
          at = k + 1
        }
        return nil
      }
    }
  }
}
