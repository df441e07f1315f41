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
