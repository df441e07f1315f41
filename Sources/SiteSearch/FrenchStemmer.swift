/// The Snowball French stemmer, written from the published algorithm description; the twin of
/// `stemFrench` in Public/search/search.js. Works on one lower-case NFC word with its accents.
///
/// An elided l', d', qu'... goes; the prelude writes u, i and y that act as consonants as U, I, Y
/// and ë, ï as He, Hi. RV starts after the third letter when the word starts with two vowels
/// (or par, col, tap, ni + vowel), else after the first vowel past the first letter. Step 1
/// removes a standard suffix, else step 2a an -ir verb ending, else step 2b another verb ending;
/// after any of them a final Y becomes i and ç becomes c; when none removed anything, step 4 takes
/// off a residual s, ion, ier or e. Then a doubled final consonant (enn onn ett ell eill) is
/// undoubled, an é or è before the final consonants loses its accent, and the marks are undone.
enum FrenchStemmer {
  enum Rule { case r2, ateur, logie, ution, ence, ement, ite, ive, eaux, aux, oux, euse, issement, amment, emment, ment }
  enum VerbRule { case ions, plain, a, ais }

  static let vowels = Set("aeiouyâàëéêèïîôûù".unicodeScalars)
  static let standard = SnowballWord.rules([
    (Rule.r2, ["ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes"]),
    (.ateur, ["atrice", "ateur", "ation", "atrices", "ateurs", "ations"]), (.logie, ["logie", "logies"]),
    (.ution, ["usion", "ution", "usions", "utions"]), (.ence, ["ence", "ences"]), (.ement, ["ement", "ements"]),
    (.ite, ["ité", "ités"]), (.ive, ["if", "ive", "ifs", "ives"]), (.eaux, ["eaux"]), (.aux, ["aux"]), (.oux, ["oux"]),
    (.euse, ["euse", "euses"]), (.issement, ["issement", "issements"]), (.amment, ["amment"]), (.emment, ["emment"]),
    (.ment, ["ment", "ments"]),
  ])
  static let iVerb = SnowballWord.table([
    "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras", "irent", "irez",
    "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait", "issant", "issante", "issantes",
    "issants", "isse", "issent", "isses", "issez", "issiez", "issions", "issons", "it",
  ])
  static let verb = SnowballWord.rules([
    (VerbRule.ions, ["ions"]),
    (.plain, [
      "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras", "erez", "eriez",
      "erions", "erons", "eront", "ez", "iez", "eais",
    ]),
    (.a, [
      "âmes", "ât", "âtes", "a", "ai", "aIent", "ait", "ant", "ante", "antes", "ants", "as", "asse", "assent",
      "asses", "assiez", "assions",
    ]),
    (.ais, ["ais", "aise", "aises"]),
  ])
  static let afterEment = SnowballWord.table(["iv", "eus", "abl", "iqU", "ièr", "Ièr"])
  static let afterIte = SnowballWord.table(["abil", "ic", "iv"])
  static let beforeAis = SnowballWord.table(["al", "auv", "épl"])
  static let residual = SnowballWord.table(["ion", "ier", "ière", "Ier", "Ière", "e"])
  static let doubles = SnowballWord.table(["enn", "onn", "ett", "ell", "eill"])

  static func isVowel(_ c: Unicode.Scalar) -> Bool { vowels.contains(c) }
  static func isVowel(_ c: Unicode.Scalar?) -> Bool { c.map(isVowel) ?? false }
  static func s(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

  static func stem(_ word: String) -> String {
    var w = SnowballWord(marked(elided(Array(word.unicodeScalars))))
    w.rv = w.count
    let l = w.letters
    if w.count >= 3 && isVowel(l[0]) && isVowel(l[1]) {
      w.rv = 3
    } else if w.count >= 3 && (["par", "col", "tap"].contains { l.starts(with: s($0)) } || (l.starts(with: s("ni")) && isVowel(l[2]))) {
      w.rv = 3
    } else if let i = l.indices.dropFirst().first(where: { isVowel(l[$0]) }) {
      w.rv = i + 1
    }
    w.r1 = w.region(from: 0, isVowel)
    w.r2 = w.region(from: w.r1, isVowel)
    if standardSuffix(&w) || iVerbSuffix(&w) || verbSuffix(&w) {
      if w.letters.last == "Y" { w.cut(at: w.count - 1, ["i"]) } else if w.letters.last == "ç" { w.cut(at: w.count - 1, ["c"]) }
    } else {
      residualSuffix(&w)
    }
    if doubles.contains(where: { w.ends(with: $0) }) { w.letters.removeLast() }
    var i = w.count
    while i > 0 && !isVowel(w.letters[i - 1]) { i -= 1 }
    if i < w.count && (w.at(i - 1) == "é" || w.at(i - 1) == "è") { w.letters[i - 1] = "e" }
    return postlude(w.letters)
  }

  /// The word without an elided article or pronoun (l', d', qu'...) when letters follow it.
  static func elided(_ l: [Unicode.Scalar]) -> [Unicode.Scalar] {
    guard let apostrophe = l.firstIndex(of: "'"), apostrophe + 1 < l.count else { return l }
    let elision = apostrophe == 1 ? "cdjlmnstz".unicodeScalars.contains(l[0]) : apostrophe == 2 && l[0] == "q" && l[1] == "u"
    return elision ? Array(l[(apostrophe + 1)...]) : l
  }

  /// The prelude: u or i between vowels, y next to a vowel and u after q in upper case; ë, ï as He, Hi.
  static func marked(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var l = word
    var i = 0
    while i < l.count {
      let c = l[i]
      let d: Unicode.Scalar? = i + 1 < l.count ? l[i + 1] : nil
      if isVowel(c), let d, ((d == "u" || d == "i") && isVowel(i + 2 < l.count ? l[i + 2] : nil)) || d == "y" {
        l[i + 1] = d == "u" ? "U" : d == "i" ? "I" : "Y"
      } else if c == "ë" || c == "ï" {
        l.replaceSubrange(i...i, with: ["H", c == "ë" ? "e" : "i"])
      } else if c == "y" && isVowel(d) {
        l[i] = "Y"
      } else if c == "q" && d == "u" {
        l[i + 1] = "U"
      } else {
        i += 1
      }
    }
    return l
  }

  /// Undoes the prelude's marks: I U Y to i u y, He Hi to ë ï, another H dropped.
  static func postlude(_ l: [Unicode.Scalar]) -> String {
    var out = String.UnicodeScalarView()
    var i = 0
    while i < l.count {
      switch l[i] {
      case "I": out.append("i")
      case "U": out.append("u")
      case "Y": out.append("y")
      case "H":
        if i + 1 < l.count && (l[i + 1] == "e" || l[i + 1] == "i") {
          out.append(l[i + 1] == "e" ? "ë" : "ï")
          i += 1
        }
      default: out.append(l[i])
      }
      i += 1
    }
    return String(out)
  }
}
