/// A fast 64-bit hash of a file's bytes, to tell whether a page changed between builds.
enum ContentHash {
  static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of(raw: $0) } }

  /// The hash of the text's UTF-8 bytes, the same as of the file they were read from.
  static func of(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { of(raw: UnsafeRawBufferPointer($0)) }
  }

  static func of(raw: UnsafeRawBufferPointer) -> UInt64 {
    // The length is mixed in last, on its own: xored into the seed it could cancel a change in
    // the first word (ContentHashTests has the case).
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15
    do {
      var i = 0
      // Four independent lanes while 32 bytes remain, so the multiplications overlap.
      if raw.count >= 32 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (h, h ^ 0x243F_6A88_85A3_08D3, h ^ 0x1319_8A2E_0370_7344, h ^ 0xA409_3822_299F_31D0)
        while i + 32 <= raw.count {
          lanes.0 = mix(lanes.0 ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
          lanes.1 = mix(lanes.1 ^ raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
          lanes.2 = mix(lanes.2 ^ raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
          lanes.3 = mix(lanes.3 ^ raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
          i += 32
        }
        h = mix(mix(mix(mix(lanes.0) ^ lanes.1) ^ lanes.2) ^ lanes.3)
      }
      while i + 8 <= raw.count {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        h = mix(h ^ word)
        i += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while i < raw.count {
        tail |= UInt64(raw[i]) << shift
        shift += 8
        i += 1
      }
      h = mix(h ^ tail)
      h = mix(h ^ UInt64(raw.count))
    }
    return h
  }

  private static func mix(_ x: UInt64) -> UInt64 {
    var z = x &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 31)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 29)
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
