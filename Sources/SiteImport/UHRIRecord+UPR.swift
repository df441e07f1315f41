import SiteCore

/// The UPR-only fields of a UHRI annotation.
extension UHRIRecord {
  static let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4]

  /// `UprCycle` (`4`, `"Cycle 4"`, `"- Fourth cycle"`), else the cycle of `UprSession`.
  mutating func cycle() -> Int? {
    if let raw = label("UprCycle") {
      let key = LabelKey.make(raw)
      let number = Int(key.filter(\.isNumber)) ?? Self.ordinals.first { key.contains($0.key) }?.value
      guard let number, (1...4).contains(number) else { return left(.cycle, raw) }
      return number
    }
    guard let raw = label("UprSession") else { return nil }
    guard let session = session(), let cycle = UPRSession.cycle(ofSession: session) else {
      return left(.session, raw)
    }
    return cycle
  }

  /// `UprSession` (`"- 31"`, `"Session 31"`) as a number from 1 to 99; anything else is left out
  /// (and, without a `UprCycle`, reported by `cycle()`).
  mutating func session() -> Int? {
    guard let raw = label("UprSession"), let session = Int(raw.filter(\.isNumber)), (1...99).contains(session) else { return nil }
    return session
  }

  /// `UprPositions`: one position, or several that agree; anything else is left out and reported.
  mutating func response() -> UPRResponse? {
    let labels = strings("UprPositions")
    guard !labels.isEmpty else { return nil }
    let responses = labels.map(UPRPosition.response(for:))
    guard let first = responses[0], responses.allSatisfy({ $0 == first }) else {
      return left(.response, labels.joined(separator: ", "))
    }
    return first
  }
}
