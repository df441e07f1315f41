/// A `YYYY-MM-DD` date checked against the calendar (no time zones: the text is the date).
public struct CalendarDate: Sendable, Hashable {
  public let year: Int
  public let month: Int
  public let day: Int

  public init?(_ text: String) {
    var bytes = text.utf8.makeIterator()
    func number(_ digits: Int) -> Int? {
      var n = 0
      for _ in 0..<digits {
        guard let b = bytes.next(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
        n = n * 10 + Int(b - UInt8(ascii: "0"))
      }
      return n
    }
    guard let y = number(4), bytes.next() == UInt8(ascii: "-"), let m = number(2), bytes.next() == UInt8(ascii: "-"),
      let d = number(2), bytes.next() == nil,
      (1...12).contains(m), d >= 1, d <= CalendarDate.days(in: m, of: y)
    else { return nil }
    year = y
    month = m
    day = d
  }

  public var text: String {
    String(format4: year) + "-" + String(format2: month) + "-" + String(format2: day)
  }

  static func days(in month: Int, of year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

extension String {
  init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
  init(format4 n: Int) {
    let digits = "\(n)"
    self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
  }
}
