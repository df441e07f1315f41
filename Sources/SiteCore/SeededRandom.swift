import Foundation

/// SplitMix64: small, fast, and the same on every platform.
public struct SeededRandom: Sendable {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
  public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  /// An index in 0..<n, small ones likelier (rank-frequency ~ 1/(rank+1)^exponent).
  public mutating func zipf(_ n: Int, exponent: Double = 1.0) -> Int {
    let u = unit()
    let x = pow(Double(n) + 1, 1 - min(exponent, 0.999) ) - 1
    return min(n - 1, Int(pow(u * x + 1, 1 / (1 - min(exponent, 0.999)))) - 1)
  }
}
