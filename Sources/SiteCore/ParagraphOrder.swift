/// Orders paragraph numbers as a reader counts them: runs of digits by their value, the rest by
/// their characters, so 118.2 < 118.40 < 118.64 < 118.120 < 119.12 and 47(a) < 47(b).
public enum ParagraphOrder {
  /// Whether paragraph `a` comes before paragraph `b`.
  public static func precedes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in precedes(x, y) } }
  }

  private static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    var (i, j) = (0, 0)
    while i < x.count && j < y.count {
      if isDigit(x[i]) && isDigit(y[j]) {
        let (m, n) = (digitRun(x, from: i), digitRun(y, from: j))
        if let order = compare(x, m, y, n) { return order }
        (i, j) = (m.upperBound, n.upperBound)
        continue
      }
      if x[i] != y[j] { return x[i] < y[j] }
      (i, j) = (i + 1, j + 1)
    }
    return i == x.count && j < y.count
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// The digits of the run that starts at `start`, leading zeros left out (so they compare by
  /// length, then digit by digit, and no run is too long to compare).
  private static func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
    var first = start
    while first < bytes.count && bytes[first] == 0x30 { first += 1 }
    var end = first
    while end < bytes.count && isDigit(bytes[end]) { end += 1 }
    return first..<end
  }

  /// Whether run `m` of `x` is smaller than run `n` of `y` (nil when they are the same number).
  private static func compare(_ x: UnsafeBufferPointer<UInt8>, _ m: Range<Int>, _ y: UnsafeBufferPointer<UInt8>, _ n: Range<Int>) -> Bool? {
    if m.count != n.count { return m.count < n.count }
    for (c, d) in zip(x[m], y[n]) where c != d { return c < d }
    return nil
  }
}
