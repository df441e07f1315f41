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
  mutating func intSet(_ values: some RandomAccessCollection<Int32>) {
    append(Self.encodeIntSet(values))
  }

  static func encodeIntSet(_ values: some RandomAccessCollection<Int32>) -> [UInt8] {
    var gaps = ByteBuffer()
    gaps.varint(values.count * 4)
    var previous = -1
    var runs: [(start: Int, length: Int)] = []
    for value in values {
      let v = Int(value)
      gaps.varint(v - previous - 1)
      if let last = runs.last, last.start + last.length == v {
        runs[runs.count - 1].length += 1
      } else {
        runs.append((v, 1))
      }
      previous = v
    }
    var best = gaps.bytes
    if runs.count * 2 < values.count {
      var ranged = ByteBuffer()
      ranged.varint(runs.count * 4 + 1)
      var next = 0
      for run in runs {
        ranged.varint(run.start - next)
        ranged.varint(run.length - 1)
        next = run.start + run.length + 1
      }
      if ranged.count < best.count { best = ranged.bytes }
    }
    if let first = values.first, let last = values.last {
      let spanBytes = (Int(last) - Int(first)) / 8 + 1
      if spanBytes + 8 < best.count {
        var bitmap = ByteBuffer()
        bitmap.varint(values.count * 4 + 2)
        bitmap.varint(Int(first))
        bitmap.varint(spanBytes)
        var bits = [UInt8](repeating: 0, count: spanBytes)
        for value in values {
          let offset = Int(value) - Int(first)
          bits[offset >> 3] |= UInt8(1 << (offset & 7))
        }
        bitmap.append(bits)
        if bitmap.count < best.count { best = bitmap.bytes }
      }
    }
    return best
  }
}
