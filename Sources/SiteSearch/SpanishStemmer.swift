/// The Snowball Spanish stemmer, written from the published algorithm description; the twin of
/// `stemSpanish` in Public/search/search.js. Works on one lower-case NFC word with its accents.
///
/// RV: after the next vowel when the second letter is a consonant, after the next consonant when
/// the first two letters are vowels, else (consonant, vowel) after the third letter. Step 0
/// removes an attached pronoun after -ando, -iendo, -ar, -er, -ir (their accents dropped) or
/// u-yendo in RV; step 1 a standard suffix, else step 2a a y- verb ending after u, else step 2b
/// another verb ending; step 3 a residual -os, -a, -o, -e... in RV; acute accents then go.
enum SpanishStemmer {
  enum Rule { case r2, ador, logia, ucion, encia, amente, mente, idad, iva }

  static let vowels = Set("aeiouáéíóúü".unicodeScalars)
  static let pronouns = SnowballWord.table(["me", "se", "sela", "selo", "selas", "selos", "la", "le", "lo", "las", "les", "los", "nos"])
  static let beforePronoun = SnowballWord.table(["iéndo", "ándo", "ár", "ér", "ír", "iendo", "ando", "ar", "er", "ir", "yendo"])
  static let standard = SnowballWord.rules([
    (Rule.r2, [
      "anza", "anzas", "ico", "ica", "icos", "icas", "ismo", "ismos", "able", "ables", "ible", "ibles", "ista",
      "istas", "oso", "osa", "osos", "osas", "amiento", "amientos", "imiento", "imientos",
    ]),
    (.ador, ["adora", "ador", "ación", "adoras", "adores", "aciones", "ante", "antes", "ancia", "ancias", "acion"]),
    (.logia, ["logía", "logías"]), (.ucion, ["ución", "uciones", "ucion"]), (.encia, ["encia", "encias"]),
    (.amente, ["amente"]), (.mente, ["mente"]), (.idad, ["idad", "idades"]), (.iva, ["iva", "ivo", "ivas", "ivos"]),
  ])
  static let afterAmente = SnowballWord.table(["iv", "os", "ic", "ad"])
  static let afterMente = SnowballWord.table(["ante", "able", "ible"])
  static let afterIdad = SnowballWord.table(["abil", "ic", "iv"])
  static let yVerb = SnowballWord.table(["ya", "ye", "yan", "yen", "yeron", "yendo", "yo", "yó", "yas", "yes", "yais", "yamos"])
  /// Verb endings; the first four take a u after g with them.
  static let verb = SnowballWord.table([
    "en", "es", "éis", "emos",
    "arían", "arías", "arán", "arás", "aríais", "aría", "aréis", "aríamos", "aremos", "ará", "aré",
    "erían", "erías", "erán", "erás", "eríais", "ería", "eréis", "eríamos", "eremos", "erá", "eré",
    "irían", "irías", "irán", "irás", "iríais", "iría", "iréis", "iríamos", "iremos", "irá", "iré",
    "aba", "ada", "ida", "ía", "ara", "iera", "ad", "ed", "id", "ase", "iese", "aste", "iste", "an", "aban", "ían",
    "aran", "ieran", "asen", "iesen", "aron", "ieron", "ado", "ido", "ando", "iendo", "ió", "ar", "er", "ir", "as",
    "abas", "adas", "idas", "ías", "aras", "ieras", "ases", "ieses", "ís", "áis", "abais", "íais", "arais", "ierais",
    "aseis", "ieseis", "asteis", "isteis", "ados", "idos", "amos", "ábamos", "íamos", "imos", "áramos", "iéramos",
    "iésemos", "ásemos",
  ])
  static let residual = SnowballWord.table(["os", "a", "o", "á", "í", "ó", "e", "é"])
  static let unaccented: [Unicode.Scalar: Unicode.Scalar] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"]

  static func isVowel(_ c: Unicode.Scalar) -> Bool { vowels.contains(c) }

  static func stem(_ word: String) -> String {
    var w = SnowballWord(Array(word.unicodeScalars))
    let l = w.letters
    w.rv = w.count
    if l.count >= 2 {
      if isVowel(l[0]) == isVowel(l[1]) {
        // Two vowels: RV after the next non-vowel; two non-vowels: after the next vowel.
        if let i = l.indices.dropFirst(2).first(where: { isVowel(l[$0]) != isVowel(l[0]) }) { w.rv = i + 1 }
      } else if isVowel(l[0]) {
        if let i = l.indices.dropFirst(2).first(where: { isVowel(l[$0]) }) { w.rv = i + 1 }
      } else if l.count >= 3 {
        w.rv = 3
      }
    }
    w.r1 = w.region(from: 0, isVowel)
    w.r2 = w.region(from: w.r1, isVowel)
    attachedPronoun(&w)
    if !standardSuffix(&w) { verbSuffix(&w) }
    if let k = w.longest(residual), w.count - residual[k].count >= w.rv {
      w.cut(at: w.count - residual[k].count)
      if k >= 6 && w.ends(with: ["g", "u"]) && w.count - 1 >= w.rv { w.letters.removeLast() }
    }
    return String(String.UnicodeScalarView(w.letters.map { unaccented[$0] ?? $0 }))
  }

  /// Step 0: an attached pronoun after a verb form in RV (-ándo, -iéndo, -ár... lose their accent).
  static func attachedPronoun(_ w: inout SnowballWord) {
    guard let p = w.longest(pronouns) else { return }
    var before = SnowballWord(Array(w.letters.dropLast(pronouns[p].count)))
    guard let k = before.longest(beforePronoun) else { return }
    let start = before.count - beforePronoun[k].count
    guard start >= w.rv, k != 10 || before.at(start - 1) == "u" else { return }
    if k < 5 { before.cut(at: start, beforePronoun[k + 5]) }
    w.letters = before.letters
  }

  /// Step 1: true when it removed or replaced a standard suffix.
  static func standardSuffix(_ w: inout SnowballWord) -> Bool {
    guard let k = w.longest(standard.suffixes) else { return false }
    let rule = standard.rules[k]
    let start = w.count - standard.suffixes[k].count
    guard start >= (rule == .amente ? w.r1 : w.r2) else { return false }
    w.cut(at: start, Array((rule == .logia ? "log" : rule == .ucion ? "u" : rule == .encia ? "ente" : "").unicodeScalars))
    switch rule {
    case .ador: cutInR2(&w, [["i", "c"]])
    case .amente: if cutInR2(&w, afterAmente) == 0 { cutInR2(&w, [["a", "t"]]) }
    case .mente: cutInR2(&w, afterMente)
    case .idad: cutInR2(&w, afterIdad)
    case .iva: cutInR2(&w, [["a", "t"]])
    default: break
    }
    return true
  }

  /// Removes the longest of `suffixes` that ends the word if it lies in R2; returns its index.
  @discardableResult
  static func cutInR2(_ w: inout SnowballWord, _ suffixes: [[Unicode.Scalar]]) -> Int? {
    guard let k = w.longest(suffixes), w.count - suffixes[k].count >= w.r2 else { return nil }
    w.cut(at: w.count - suffixes[k].count)
    return k
  }

  /// Step 2: a y- verb ending in RV after u, else another verb ending in RV (-en, -es, -éis,
  /// -emos take a u after g with them).
  static func verbSuffix(_ w: inout SnowballWord) {
    if let k = w.longest(yVerb, from: w.rv), w.at(w.count - yVerb[k].count - 1) == "u" {
      w.cut(at: w.count - yVerb[k].count)
      return
    }
    guard let k = w.longest(verb, from: w.rv) else { return }
    var start = w.count - verb[k].count
    if k < 4 && w.at(start - 1) == "u" && w.at(start - 2) == "g" { start -= 1 }
    w.cut(at: start)
  }
}
