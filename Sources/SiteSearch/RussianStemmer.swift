/// The Snowball Russian stemmer, written from the published algorithm description; the twin of
/// `stemRussian` in Public/search/search.js. Works on lower-case Cyrillic (ё folded into е).
///
/// RV is the part after the first vowel, R2 the part after the second "vowel then non-vowel".
/// Step 1 removes a perfective gerund, or else a reflexive ending and then an adjectival
/// (adjective, possibly after a participle), verb or noun ending; step 2 a final и; step 3 a
/// derivational ост/ость in R2; step 4 a superlative ейш/ейше, a doubled н or a final ь. Every
/// ending must lie in RV; "group 1" endings must also follow а or я in RV.
enum RussianStemmer {
  static let vowels: Set<Character> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]
  static let gerund1 = ["в", "вши", "вшись"]
  static let gerund2 = ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"]
  static let adjective = [
    "ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого",
    "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
  ]
  static let participle1 = ["ем", "нн", "вш", "ющ", "щ"]
  static let participle2 = ["ивш", "ывш", "ующ"]
  static let reflexive = ["ся", "сь"]
  static let verb1 = ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"]
  static let verb2 = [
    "ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ило",
    "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю",
  ]
  static let noun = [
    "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й", "иям",
    "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я",
  ]

  /// True for the lower-case Cyrillic words this stemmer takes (а to я).
  static func takes(_ word: String) -> Bool {
    !word.isEmpty && word.unicodeScalars.allSatisfy { (0x430...0x44F).contains($0.value) }
  }

  static func stem(_ word: String) -> String {
    var w = Array(word.replacingOccurrences(of: "ё", with: "е"))
    let rv = (w.firstIndex { vowels.contains($0) } ?? w.count - 1) + 1
    let r2 = regionAfter(w, regionAfter(w, 0) - 1)
    var n = ending(w, rv, gerund1, gerund2)
    if n > 0 {
      w.removeLast(n)
    } else {
      w.removeLast(ending(w, rv, [], reflexive))
      n = ending(w, rv, [], adjective)
      if n > 0 {
        w.removeLast(n)
        w.removeLast(ending(w, rv, participle1, participle2))
      } else {
        n = ending(w, rv, verb1, verb2)
        if n == 0 { n = ending(w, rv, [], noun) }
        w.removeLast(n)
      }
    }
    if w.count - 1 >= rv && w.last == "и" { w.removeLast() }
    w.removeLast(ending(w, max(rv, r2), [], ["ост", "ость"]))
    n = ending(w, rv, [], ["ейш", "ейше"])
    if n > 0 {
      w.removeLast(n)
      if w.count - 2 >= rv && w.suffix(2) == ["н", "н"] { w.removeLast() }
    } else if w.count - 2 >= rv && w.suffix(2) == ["н", "н"] {
      w.removeLast()
    } else if w.count - 1 >= rv && w.last == "ь" {
      w.removeLast()
    }
    return String(w)
  }

  /// The start of the region after the first non-vowel that follows a vowel after `from`.
  private static func regionAfter(_ w: [Character], _ from: Int) -> Int {
    var i = from + 1
    while i < w.count {
      if i >= 1 && !vowels.contains(w[i]) && vowels.contains(w[i - 1]) { return i + 1 }
      i += 1
    }
    return w.count
  }

  /// The length of the longest ending of `w` in RV (from `rv`): of `group1` when it follows а or
  /// я in RV, or of `group2`; 0 for none.
  private static func ending(_ w: [Character], _ rv: Int, _ group1: [String], _ group2: [String]) -> Int {
    var best = 0
    for e in group1 {
      let n = e.count
      let start = w.count - n
      if n > best, start - 1 >= rv, w[start...].elementsEqual(e), w[start - 1] == "а" || w[start - 1] == "я" { best = n }
    }
    for e in group2 {
      let n = e.count
      if n > best, w.count - n >= rv, w.suffix(n).elementsEqual(e) { best = n }
    }
    return best
  }
}
