/// A growing byte array with the index's encodings: LEB128 varints and integer sets.
struct ByteBuffer {
  var bytes: [UInt8] = []

  var count: Int { bytes.count }

  mutating func varint(_ value: Int) {
    precondition(value >= 0, "varints are unsigned")
    var v = UInt64(value)
    while v >= 0x80 {
      bytes.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  /// A sorted set of distinct integers, in whichever of three forms is smallest:
  /// gaps (mode 0), runs of consecutive values (mode 1) or a bitmap (mode 2).
  /// The header varint is `count * 4 + mode` (for runs, the number of runs).
  mutating func intSet(_ values: [Int32]) {
    let n = values.count
    var gapBytes = Self.varintSize(n * 4)
    var runBytes = 0
    var runs = 0
    var previous = -1
    var runStart = 0
    var next = 0
    for (k, value) in values.enumerated() {
      let v = Int(value)
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
    let bitmapBytes = n > 0 ? Self.varintSize(n * 4 + 2) + Self.varintSize(first) + Self.varintSize(spanBytes) + spanBytes : Int.max
    if bitmapBytes < gapBytes && bitmapBytes < runBytes {
      varint(n * 4 + 2)
      varint(first)
      varint(spanBytes)
      let base = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: spanBytes))
      for value in values {
        let offset = Int(value) - first
        bytes[base + offset >> 3] |= UInt8(1 << (offset & 7))
      }
    } else if runBytes < gapBytes {
      varint(runs * 4 + 1)
      var next = 0
      var k = 0
      while k < n {
        let start = Int(values[k])
        var end = k + 1
        while end < n && Int(values[end]) == start + (end - k) { end += 1 }
        varint(start - next)
        varint(end - k - 1)
        next = start + (end - k) + 1
        k = end
      }
    } else {
      varint(n * 4)
      var previous = -1
      for value in values {
        varint(Int(value) - previous - 1)
        previous = Int(value)
      }
    }
  }

  static func encodeIntSet(_ values: [Int32]) -> [UInt8] {
    var buffer = ByteBuffer()
    buffer.intSet(values)
    return buffer.bytes
  }

  static func varintSize(_ value: Int) -> Int {
    var v = value >> 7
    var size = 1
    while v > 0 {
      v >>= 7
      size += 1
    }
    return size
  }
}
