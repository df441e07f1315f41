/// The suffix steps of `FrenchStemmer` (steps 1, 2a, 2b and 4 of the algorithm).
extension FrenchStemmer {
  /// Step 1: true when it removed or replaced a standard suffix. -amment, -emment and -ment
  /// change the word and still return false, so that the verb steps run.
  static func standardSuffix(_ w: inout SnowballWord) -> Bool {
    guard let k = w.longest(standard.suffixes) else { return false }
    let start = w.count - standard.suffixes[k].count
    let inR2 = start >= w.r2
    switch standard.rules[k] {
    case .r2, .ateur, .logie, .ution, .ence, .ite, .ive:
      guard inR2 else { return false }
      let rule = standard.rules[k]
      w.cut(at: start, s(rule == .logie ? "log" : rule == .ution ? "u" : rule == .ence ? "ent" : ""))
      if rule == .ateur { ic(&w) }
      if rule == .ite { afterIte(&w) }
      if rule == .ive && w.ends(with: s("at"), from: w.r2) {
        w.cut(at: w.count - 2)
        ic(&w)
      }
    case .ement:
      guard start >= w.rv else { return false }
      w.cut(at: start)
      afterEment(&w)
    case .eaux: w.cut(at: start, s("eau"))
    case .aux:
      guard start >= w.r1 else { return false }
      w.cut(at: start, s("al"))
    case .oux:
      guard let c = w.at(start - 1), "bhjlnp".unicodeScalars.contains(c) else { return false }
      w.cut(at: start, s("ou"))
    case .euse:
      guard start >= w.r1 else { return false }
      w.cut(at: start, inR2 ? [] : s("eux"))
    case .issement:
      guard start >= w.r1, let c = w.at(start - 1), !isVowel(c) else { return false }
      w.cut(at: start)
    case .amment, .emment:
      if start >= w.rv { w.cut(at: start, s(standard.rules[k] == .amment ? "ant" : "ent")) }
      return false
    case .ment:
      if start - 1 >= w.rv && isVowel(w.at(start - 1)) { w.cut(at: start) }
      return false
    }
    return true
  }

  /// After a removal: a final "ic" goes in R2, else becomes iqU.
  static func ic(_ w: inout SnowballWord) {
    if w.ends(with: s("ic")) { w.cut(at: w.count - 2, w.count - 2 >= w.r2 ? [] : s("iqU")) }
  }

  /// What may go before a removed -ité: abil (else abl), ic (else iqU), iv, in R2.
  static func afterIte(_ w: inout SnowballWord) {
    guard let k = w.longest(afterIte) else { return }
    let at = w.count - afterIte[k].count
    if at >= w.r2 {
      w.cut(at: at)
    } else if k < 2 {
      w.cut(at: at, s(k == 0 ? "abl" : "iqU"))
    }
  }

  /// What may go before a removed -ement: iv (then at), eus, abl, iqU in R2; eus in R1 becomes eux;
  /// ièr in RV becomes i.
  static func afterEment(_ w: inout SnowballWord) {
    guard let k = w.longest(afterEment) else { return }
    let at = w.count - afterEment[k].count
    switch k {
    case 0:
      guard at >= w.r2 else { return }
      w.cut(at: at)
      if w.ends(with: s("at"), from: w.r2) { w.cut(at: w.count - 2) }
    case 1:
      if at >= w.r2 { w.cut(at: at) } else if at >= w.r1 { w.cut(at: at, s("eux")) }
    case 2, 3:
      if at >= w.r2 { w.cut(at: at) }
    default:
      if at >= w.rv { w.cut(at: at, ["i"]) }
    }
  }

  /// Step 2a: an -ir verb ending in RV after a non-vowel other than H, itself in RV.
  static func iVerbSuffix(_ w: inout SnowballWord) -> Bool {
    guard let k = w.longest(iVerb, from: w.rv) else { return false }
    let start = w.count - iVerb[k].count
    guard start - 1 >= w.rv, let c = w.at(start - 1), c != "H", !isVowel(c) else { return false }
    w.cut(at: start)
    return true
  }

  /// Step 2b: another verb ending in RV (-ions in R2; an e in RV before -a, -ant... goes too;
  /// -ais not after "al" as second and third letters, "auv" or "épl").
  static func verbSuffix(_ w: inout SnowballWord) -> Bool {
    guard let k = w.longest(verb.suffixes, from: w.rv) else { return false }
    var start = w.count - verb.suffixes[k].count
    switch verb.rules[k] {
    case .ions:
      guard start >= w.r2 else { return false }
    case .a:
      if start - 1 >= w.rv && w.at(start - 1) == "e" { start -= 1 }
    case .ais:
      let before = SnowballWord(Array(w.letters[..<start]))
      if let b = before.longest(beforeAis), b != 0 || before.count == 3 { return false }
    case .plain: break
    }
    w.cut(at: start)
    return true
  }

  /// Step 4: a final s (not after a, i, o, u, è, s, unless the i is from ï), then in RV -ion
  /// (in R2, after s or t in RV), -ier, -ière (to i) or -e.
  static func residualSuffix(_ w: inout SnowballWord) {
    if w.count >= 2 && w.letters.last == "s" && (w.ends(with: s("His")) || !"aiouès".unicodeScalars.contains(w.letters[w.count - 2])) {
      w.letters.removeLast()
    }
    guard let k = w.longest(residual, from: w.rv) else { return }
    let start = w.count - residual[k].count
    switch k {
    case 0:
      if start >= w.r2 && start - 1 >= w.rv && (w.at(start - 1) == "s" || w.at(start - 1) == "t") { w.cut(at: start) }
    case 5: w.cut(at: start)
    default: w.cut(at: start, ["i"])
    }
  }
}
