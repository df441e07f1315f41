/// Orders paragraph numbers as a reader counts them: runs of digits by their value, the rest by
/// their characters, so 118.2 < 118.40 < 118.64 < 118.120 < 119.12 and 47(a) < 47(b).
public enum ParagraphOrder {
  /// Whether paragraph `a` comes before paragraph `b`.
  public static func precedes(_ a: String, _ b: String) -> Bool {
    var x = a.utf8.makeIterator()
    var y = b.utf8.makeIterator()
    var (p, q) = (x.next(), y.next())
    while let c = p, let d = q {
      if isDigit(c) && isDigit(d) {
        let (m, nextP) = number(first: c, &x)
        let (n, nextQ) = number(first: d, &y)
        if m != n { return m.lessThan(n) }
        (p, q) = (nextP, nextQ)
        continue
      }
      if c != d { return c < d }
      (p, q) = (x.next(), y.next())
    }
    return p == nil && q != nil
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// A run of digits, leading zeros dropped (compared by length, then digit by digit, so no
  /// run is too long), and the byte after it.
  private static func number(first: UInt8, _ it: inout String.UTF8View.Iterator) -> (Digits, UInt8?) {
    var digits: [UInt8] = first == 0x30 ? [] : [first]
    var next = it.next()
    while let byte = next, isDigit(byte) {
      if !(digits.isEmpty && byte == 0x30) { digits.append(byte) }
      next = it.next()
    }
    return (Digits(bytes: digits), next)
  }

  private struct Digits: Equatable {
    let bytes: [UInt8]
    func lessThan(_ other: Digits) -> Bool {
      bytes.count != other.bytes.count ? bytes.count < other.bytes.count : bytes.lexicographicallyPrecedes(other.bytes)
    }
  }
}
