/// Arabic light stemming after Larkey, Ballesteros and Connell's "light10", written from its
/// published description; the twin of `stemArabic` in Public/search/search.js. Works on
/// normalized Arabic (marks removed, ة as ه, ى as ي, alef forms as ا): a leading و when three
/// letters stay, then the first of the articles وال بال كال فال ال لل, then each suffix in turn
/// (ها ان ات ون ين يه ه ي), every removal only when at least two letters stay.
enum ArabicStemmer {
  static let articles = ["وال", "بال", "كال", "فال", "ال", "لل"].map { Array($0.unicodeScalars) }
  static let suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"].map { Array($0.unicodeScalars) }

  /// True for the words this stemmer takes: Arabic letters (U+0621 to U+064A) only.
  static func takes(_ word: String) -> Bool {
    !word.isEmpty && word.unicodeScalars.allSatisfy { (0x621...0x64A).contains($0.value) }
  }

  static func stem(_ word: String) -> String {
    var w = Array(word.unicodeScalars)
    if w.first == "\u{648}" && w.count >= 4 { w.removeFirst() }
    for a in articles where w.starts(with: a) && w.count - a.count >= 2 {
      w.removeFirst(a.count)
      break
    }
    for x in suffixes where w.count - x.count >= 2 && w.suffix(x.count).elementsEqual(x) {
      w.removeLast(x.count)
    }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: w)
    return String(out)
  }
}
