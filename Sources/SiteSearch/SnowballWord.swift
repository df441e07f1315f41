/// A word under a Snowball stemmer of French or Spanish: its letters (Unicode scalars) and the
/// indexes where its regions start. A suffix is "in R2" when it starts at or after `r2`.
struct SnowballWord {
  var letters: [Unicode.Scalar]
  var rv = 0
  var r1 = 0
  var r2 = 0

  init(_ letters: [Unicode.Scalar]) { self.letters = letters }

  var count: Int { letters.count }

  /// The letter at `i`, or nil outside the word.
  func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < letters.count ? letters[i] : nil }

  func ends(with suffix: [Unicode.Scalar]) -> Bool {
    suffix.count <= letters.count && letters[(letters.count - suffix.count)...].elementsEqual(suffix)
  }

  /// True when the word ends with `suffix` and it starts at or after `limit`.
  func ends(with suffix: [Unicode.Scalar], from limit: Int) -> Bool {
    letters.count - suffix.count >= limit && ends(with: suffix)
  }

  /// The index in `suffixes` of the longest one that ends the word and starts at or after `limit`.
  func longest(_ suffixes: [[Unicode.Scalar]], from limit: Int = 0) -> Int? {
    var best: Int?
    for (k, s) in suffixes.enumerated() where s.count > (best.map { suffixes[$0].count } ?? 0) {
      if ends(with: s, from: limit) { best = k }
    }
    return best
  }

  /// Replaces the letters from `start` on with `replacement`.
  mutating func cut(at start: Int, _ replacement: [Unicode.Scalar] = []) {
    letters.removeSubrange(start...)
    letters += replacement
  }

  /// The index after the first non-vowel that follows a vowel, from `from` (R1 from 0, R2 from R1).
  func region(from: Int, _ isVowel: (Unicode.Scalar) -> Bool) -> Int {
    var i = from
    while i < letters.count && !isVowel(letters[i]) { i += 1 }
    while i < letters.count && isVowel(letters[i]) { i += 1 }
    return min(i + 1, letters.count)
  }

  var string: String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: letters)
    return String(out)
  }

  /// Scalars of each string, for suffix tables.
  static func table(_ strings: [String]) -> [[Unicode.Scalar]] { strings.map { Array($0.unicodeScalars) } }

  /// A suffix table of rules: every suffix with the rule it belongs to.
  static func rules<Rule>(_ groups: [(Rule, [String])]) -> (suffixes: [[Unicode.Scalar]], rules: [Rule]) {
    let pairs = groups.flatMap { group in group.1.map { (Array($0.unicodeScalars), group.0) } }
    return (pairs.map(\.0), pairs.map(\.1))
  }
}
