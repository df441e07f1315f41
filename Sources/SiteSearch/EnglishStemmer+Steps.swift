// MARK: - The word being stemmed and the Porter2 steps

private let letterY = UInt8(ascii: "y")
private let markedY = UInt8(ascii: "Y")

private func isVowel(_ c: UInt8) -> Bool {
  switch c {
  case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
    UInt8(ascii: "u"), letterY:
    return true
  default: return false
  }
}

extension EnglishStemmer {
  struct Word {
    var bytes: [UInt8]
    var r1 = 0
    var r2 = 0

    var string: String { String(decoding: bytes, as: UTF8.self) }
    var finished: String { String(decoding: bytes.map { $0 == markedY ? letterY : $0 }, as: UTF8.self) }

    mutating func markConsonantY() {
      if bytes.first == UInt8(ascii: "'") { bytes.removeFirst() }
      for i in bytes.indices where bytes[i] == letterY && (i == 0 || isVowel(bytes[i - 1])) {
        bytes[i] = markedY
      }
    }

    func region1() -> Int {
      for prefix in EnglishStemmer.r1Prefixes where bytes.starts(with: prefix) { return prefix.count }
      return region(after: 0)
    }

    func region(after start: Int) -> Int {
      var i = start
      while i < bytes.count && !isVowel(bytes[i]) { i += 1 }
      while i < bytes.count && isVowel(bytes[i]) { i += 1 }
      return i < bytes.count ? i + 1 : bytes.count
    }

    func ends(_ suffix: [UInt8]) -> Bool {
      bytes.count >= suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
    }

    func ends(_ suffix: String) -> Bool { ends(Array(suffix.utf8)) }

    func longest(_ suffixes: [[UInt8]]) -> [UInt8]? {
      suffixes.filter { ends($0) }.max { $0.count < $1.count }
    }

    /// A short syllable ends at `end` (exclusive).
    func endsShortSyllable(at end: Int) -> Bool {
      if end >= 3 {
        let c = bytes[end - 1]
        if !isVowel(c) && c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != markedY
          && isVowel(bytes[end - 2]) && !isVowel(bytes[end - 3])
        {
          return true
        }
      }
      if end == 2 && !isVowel(bytes[1]) && isVowel(bytes[0]) { return true }
      return end == 4 && bytes.starts(with: Array("past".utf8))
    }

    func hasVowel(before end: Int) -> Bool { bytes[..<max(0, end)].contains(where: isVowel) }

    mutating func replaceSuffix(_ length: Int, with replacement: [UInt8]) {
      bytes.removeLast(length)
      bytes.append(contentsOf: replacement)
    }

    mutating func step0() {
      if let suffix = longest([Array("'".utf8), Array("'s".utf8), Array("'s'".utf8)]) {
        bytes.removeLast(suffix.count)
      }
    }

    mutating func step1a() {
      let n = bytes.count
      if ends("sses") {
        bytes.removeLast(2)
      } else if ends("ied") || ends("ies") {
        replaceSuffix(3, with: n - 3 > 1 ? [UInt8(ascii: "i")] : Array("ie".utf8))
      } else if ends("us") || ends("ss") {
        return
      } else if ends("s") && hasVowel(before: n - 2) {
        bytes.removeLast()
      }
    }
  }
}
