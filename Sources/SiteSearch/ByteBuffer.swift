/// A growing byte array with the index's encodings: LEB128 varints and integer sets.
struct ByteBuffer {
  var bytes: [UInt8] = []

  var count: Int { bytes.count }

  @inline(__always)
  mutating func varint(_ value: Int) {
    precondition(value >= 0, "varints are unsigned")
    var v = UInt64(value)
    if v < 0x80 {
      bytes.append(UInt8(v))
      return
    }
    while v >= 0x80 {
      bytes.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  mutating func append(_ other: ArraySlice<UInt8>) { bytes.append(contentsOf: other) }

  mutating func intSet(_ values: [Int32]) {
    values.withUnsafeBufferPointer { intSet($0) }
  }

  mutating func intSet(_ values: ArraySlice<Int32>) {
    values.withUnsafeBufferPointer { intSet($0) }
  }

  /// A sorted set of distinct integers, in whichever of three forms is smallest:
  /// gaps (mode 0), runs of consecutive values (mode 1) or a bitmap (mode 2).
  /// The header varint is `count * 4 + mode` (for runs, the number of runs).
  mutating func intSet(_ values: UnsafeBufferPointer<Int32>) {
    let n = values.count
    // The size of each form, in one pass.
    var gapBytes = Self.varintSize(n * 4)
    var runBytes = 0
    var runs = 0
    var previous = -1
    var runStart = 0
    var next = 0
    for k in 0..<n {
      let v = Int(values[k])
      gapBytes += Self.varintSize(v - previous - 1)
      if k == 0 || v != previous + 1 {
        if k > 0 {
          runBytes += Self.varintSize(runStart - next) + Self.varintSize(previous - runStart)
          next = previous + 2
        }
        runStart = v
        runs += 1
      }
      previous = v
    }
    if n > 0 { runBytes += Self.varintSize(runStart - next) + Self.varintSize(previous - runStart) }
    runBytes += Self.varintSize(runs * 4 + 1)
    let first = n > 0 ? Int(values[0]) : 0
    let spanBytes = n > 0 ? (previous - first) / 8 + 1 : 0
    let bitmapBytes =
      n > 0 ? Self.varintSize(n * 4 + 2) + Self.varintSize(first) + Self.varintSize(spanBytes) + spanBytes : Int.max
    let mode = bitmapBytes < gapBytes && bitmapBytes < runBytes ? 2 : runBytes < gapBytes ? 1 : 0
    let size = mode == 2 ? bitmapBytes : mode == 1 ? runBytes : gapBytes
    // Then the chosen form, written in place.
    let base = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: size))
    bytes.withUnsafeMutableBufferPointer { out in
      var at = base
      @inline(__always) func put(_ value: Int) {
        var v = UInt(bitPattern: value)
        while v >= 0x80 {
          out[at] = UInt8(truncatingIfNeeded: v) | 0x80
          v >>= 7
          at += 1
        }
        out[at] = UInt8(v)
        at += 1
      }
      switch mode {
      case 2:
        put(n * 4 + 2)
        put(first)
        put(spanBytes)
        for k in 0..<n {
          let offset = Int(values[k]) - first
          out[at + offset >> 3] |= UInt8(1 << (offset & 7))
        }
      case 1:
        put(runs * 4 + 1)
        var next = 0
        var k = 0
        while k < n {
          let start = Int(values[k])
          var end = k + 1
          while end < n && Int(values[end]) == start + (end - k) { end += 1 }
          put(start - next)
          put(end - k - 1)
          next = start + (end - k) + 1
          k = end
        }
      default:
        put(n * 4)
        var previous = -1
        for k in 0..<n {
          let v = Int(values[k])
          put(v - previous - 1)
          previous = v
        }
      }
    }
  }

  static func encodeIntSet(_ values: [Int32]) -> [UInt8] {
    var buffer = ByteBuffer()
    buffer.intSet(values)
    return buffer.bytes
  }

  @inline(__always)
  static func varintSize(_ value: Int) -> Int {
    (70 - (UInt(bitPattern: value) | 1).leadingZeroBitCount) / 7
  }
}
