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
    let form = IntSetForm(values)
    // The chosen form is written in place, into bytes reserved for its exact size.
    let base = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: form.size))
    bytes.withUnsafeMutableBufferPointer { out in
      var writer = InPlaceWriter(out: out, at: base)
      switch form.mode {
      case .bitmap: writer.bitmap(values, first: form.first, spanBytes: form.spanBytes)
      case .runs: writer.runs(values, count: form.runs)
      case .gaps: writer.gaps(values)
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

/// The smallest of an integer set's three forms, and its size: measured in one pass.
private struct IntSetForm {
  enum Mode: Int {
    case gaps = 0, runs = 1, bitmap = 2
  }

  var mode: Mode
  var size: Int
  /// The number of runs of consecutive values.
  var runs: Int
  /// The bitmap's first value and its length in bytes.
  var first: Int
  var spanBytes: Int

  @inline(__always)
  init(_ values: UnsafeBufferPointer<Int32>) {
    let n = values.count
    var gapBytes = ByteBuffer.varintSize(n * 4)
    var runBytes = 0
    var runs = 0
    var previous = -1
    var runStart = 0
    var next = 0
    for k in 0..<n {
      let v = Int(values[k])
      gapBytes += ByteBuffer.varintSize(v - previous - 1)
      if k == 0 || v != previous + 1 {
        if k > 0 {
          runBytes += ByteBuffer.varintSize(runStart - next) + ByteBuffer.varintSize(previous - runStart)
          next = previous + 2
        }
        runStart = v
        runs += 1
      }
      previous = v
    }
    if n > 0 { runBytes += ByteBuffer.varintSize(runStart - next) + ByteBuffer.varintSize(previous - runStart) }
    runBytes += ByteBuffer.varintSize(runs * 4 + 1)
    first = n > 0 ? Int(values[0]) : 0
    spanBytes = n > 0 ? (previous - first) / 8 + 1 : 0
    let bitmapBytes =
      n > 0 ? ByteBuffer.varintSize(n * 4 + 2) + ByteBuffer.varintSize(first) + ByteBuffer.varintSize(spanBytes) + spanBytes : Int.max
    mode = bitmapBytes < gapBytes && bitmapBytes < runBytes ? .bitmap : runBytes < gapBytes ? .runs : .gaps
    size = mode == .bitmap ? bitmapBytes : mode == .runs ? runBytes : gapBytes
    self.runs = runs
  }
}

/// Writes an integer set's chosen form into bytes already reserved for it.
private struct InPlaceWriter {
  let out: UnsafeMutableBufferPointer<UInt8>
  var at: Int

  @inline(__always)
  mutating func put(_ value: Int) {
    var v = UInt(bitPattern: value)
    while v >= 0x80 {
      out[at] = UInt8(truncatingIfNeeded: v) | 0x80
      v >>= 7
      at += 1
    }
    out[at] = UInt8(v)
    at += 1
  }

  @inline(__always)
  mutating func bitmap(_ values: UnsafeBufferPointer<Int32>, first: Int, spanBytes: Int) {
    put(values.count * 4 + IntSetForm.Mode.bitmap.rawValue)
    put(first)
    put(spanBytes)
    for k in 0..<values.count {
      let offset = Int(values[k]) - first
      out[at + (offset >> 3)] |= UInt8(1 << (offset & 7))
    }
  }

  @inline(__always)
  mutating func runs(_ values: UnsafeBufferPointer<Int32>, count runs: Int) {
    let n = values.count
    put(runs * 4 + IntSetForm.Mode.runs.rawValue)
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
  }

  @inline(__always)
  mutating func gaps(_ values: UnsafeBufferPointer<Int32>) {
    put(values.count * 4 + IntSetForm.Mode.gaps.rawValue)
    var previous = -1
    for k in 0..<values.count {
      let v = Int(values[k])
      put(v - previous - 1)
      previous = v
    }
  }
}
