/// Finds the accepted value closest to a mistyped one, for `did you mean "children"?`.
public enum Suggestion {
  /// The candidate nearest to `input` by edit distance (case-insensitive), if it is near enough
  /// to be a likely typo; ties go to the earlier candidate.
  public static func nearest(to input: String, in candidates: [String]) -> String? {
    let needle = Array(input.lowercased().unicodeScalars)
    let limit = max(2, needle.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
      let other = Array(candidate.lowercased().unicodeScalars)
      guard abs(other.count - needle.count) <= limit else { continue }
      let distance = editDistance(needle, other)
      if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
  }

  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
