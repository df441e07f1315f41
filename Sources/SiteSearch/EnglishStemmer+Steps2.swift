extension EnglishStemmer.Word {
  private static let step1bSuffixes = ["eed", "eedly", "ed", "edly", "ing", "ingly"].map { Array($0.utf8) }
  private static let doubles = Array("bdfgmnprt".utf8)
  private static let liEndings = Array("cdeghkmnrt".utf8)

  mutating func step1b() {
    guard let suffix = longest(Self.step1bSuffixes) else { return }
    let stemEnd = bytes.count - suffix.count
    let stem = Array(bytes[..<stemEnd])
    if suffix == Array("eed".utf8) || suffix == Array("eedly".utf8) {
      guard stemEnd >= r1 else { return }
      let keep = stem == Array("proc".utf8) || stem == Array("exc".utf8) || stem == Array("succ".utf8)
      bytes = stem + Array((keep ? "eed" : "ee").utf8)
      return
    }
    if suffix == Array("ing".utf8) && stem.count == 2 && stem[1] == UInt8(ascii: "y")
      && !Self.isVowelByte(stem[0])
    {
      bytes = [stem[0]] + Array("ie".utf8)
      return
    }
    guard stem.contains(where: Self.isVowelByte) else { return }
    bytes = stem
    if ends("at") || ends("bl") || ends("iz") {
      bytes.append(UInt8(ascii: "e"))
    } else if bytes.count >= 2 && bytes[bytes.count - 1] == bytes[bytes.count - 2]
      && Self.doubles.contains(bytes[bytes.count - 1])
    {
      let aeo = Array("aeo".utf8)
      if !(bytes.count == 3 && aeo.contains(bytes[0])) { bytes.removeLast() }
    } else if r1 >= bytes.count && endsShortSyllable(at: bytes.count) {
      bytes.append(UInt8(ascii: "e"))
    }
  }

  mutating func step1c() {
    let n = bytes.count
    if n > 2 && (bytes[n - 1] == UInt8(ascii: "y") || bytes[n - 1] == UInt8(ascii: "Y"))
      && !Self.isVowelByte(bytes[n - 2])
    {
      bytes[n - 1] = UInt8(ascii: "i")
    }
  }

  mutating func step2() {
    guard let rule = longestRule(EnglishStemmer.step2Rules) else { return }
    let start = bytes.count - rule.0.count
    guard start >= r1 else { return }
    if rule.0 == Array("ogi".utf8) && bytes[start - 1] != UInt8(ascii: "l") { return }
    if rule.0 == Array("li".utf8) && !Self.liEndings.contains(bytes[start - 1]) { return }
    replaceSuffix(rule.0.count, with: rule.1)
  }

  mutating func step3() {
    guard let rule = longestRule(EnglishStemmer.step3Rules) else { return }
    let start = bytes.count - rule.0.count
    guard start >= r1 else { return }
    if rule.0 == Array("ative".utf8) && start < r2 { return }
    replaceSuffix(rule.0.count, with: rule.1)
  }

  mutating func step4() {
    guard let suffix = longest(EnglishStemmer.step4Suffixes) else { return }
    let start = bytes.count - suffix.count
    guard start >= r2 else { return }
    if suffix == Array("ion".utf8) && bytes[start - 1] != UInt8(ascii: "s")
      && bytes[start - 1] != UInt8(ascii: "t")
    {
      return
    }
    bytes.removeLast(suffix.count)
  }

  mutating func step5() {
    let n = bytes.count
    guard n >= 2 else { return }
    if bytes[n - 1] == UInt8(ascii: "e") {
      let k = n - 1
      if k >= r2 || (k >= r1 && !endsShortSyllable(at: k)) { bytes.removeLast() }
    } else if bytes[n - 1] == UInt8(ascii: "l") {
      if n - 1 >= r2 && bytes[n - 2] == UInt8(ascii: "l") { bytes.removeLast() }
    }
  }

  private func longestRule(_ rules: [([UInt8], [UInt8])]) -> ([UInt8], [UInt8])? {
    rules.filter { ends($0.0) }.max { $0.0.count < $1.0.count }
  }

  private static func isVowelByte(_ c: UInt8) -> Bool {
    Array("aeiouy".utf8).contains(c)
  }
}
