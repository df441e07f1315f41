/// Porter2 (Snowball English) stemming, written from the published algorithm description.
///
/// The twin of `stemEnglish` in Public/search/search.js. Works on lower-case a-z words only;
/// the tokenizer never passes anything else.
enum EnglishStemmer {
  /// The stem of a lower-case a-z word.
  static func stem(_ word: String) -> String {
    let bytes = Array(word.utf8)
    if bytes.count <= 2 { return word }
    if let exception = exceptions1[word] { return exception }
    var w = Word(bytes: bytes)
    w.markConsonantY()
    w.r1 = w.region1()
    w.r2 = w.region(after: w.r1)
    w.step0()
    w.step1a()
    if exceptions2.contains(w.string) { return w.finished }
    w.step1b()
    w.step1c()
    w.step2()
    w.step3()
    w.step4()
    w.step5()
    return w.finished
  }

  static let exceptions1: [String: String] = [
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
    "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
    "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
    "cosmos": "cosmos", "bias": "bias", "andes": "andes",
  ]
  static let exceptions2: Set<String> = [
    "inning", "outing", "canning", "herring", "earring", "evening", "proceed", "exceed", "succeed",
  ]
  static let r1Prefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"]
    .map { Array($0.utf8) }
  static let step2Rules: [([UInt8], [UInt8])] = [
    ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
    ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
    ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
    ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
    ("ogi", "og"), ("ogist", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
  static let step3Rules: [([UInt8], [UInt8])] = [
    ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
    ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
  static let step4Suffixes = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
    "ism", "ate", "iti", "ous", "ive", "ize", "ion",
  ].map { Array($0.utf8) }
}
