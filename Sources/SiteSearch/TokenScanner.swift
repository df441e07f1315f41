/// The tokenizer's working state, one per thread: interned terms, the word → term memo
/// (stemming runs once per distinct word) and per-scalar normalization and class caches.
///
/// `tokenize` decodes UTF-8 itself, normalizes scalar by scalar through the caches (falling back to
/// `Tokenizer.normalize` for the whole text when a folded scalar could compose with its
/// neighbour), then scans the scalars into tokens whose terms are ids in `terms`.
struct TokenizerState {
  enum CharacterClass: UInt8 { case space = 1, punctuation, word, cjk }

  /// Every term this state produced.
  var terms = TermTable(capacity: 1 << 14)
  /// The stemmer of the text being read (set by `tokenize`).
  private var stemmer = LatinStemmer.english
  /// Per stemmer: normalized word runs seen so far, and the term each stands for.
  private var words = LatinStemmer.allCases.map { TermTable(capacity: $0 == .english ? 1 << 14 : 1 << 10) }
  private var wordTerms: [[Int32]] = LatinStemmer.allCases.map { _ in [] }
  /// Normalization of BMP scalars, accents folded (from 0) or kept (from 0x10000): -1 = not
  /// computed, -2 = composes; else a start in `foldArena`.
  private var bmpFoldStart = [Int32](repeating: -1, count: 0x20000)
  private var bmpFoldLength = [UInt8](repeating: 0, count: 0x20000)
  private var foldArena: [UInt32] = []
  private var astralFolds: [UInt32: [UInt32]?] = [:]
  /// Class of a normalized BMP scalar (raw value of `CharacterClass`; 0 = not computed).
  private var bmpClass = [UInt8](repeating: 0, count: 0x10000)
  /// Scratch: the normalized scalars of the current text, the bytes of a word, a compound.
  private var scalars: [UInt32] = []
  private var scalarCount = 0
  /// The bytes of the current word are `wordBytes[0 ..< wordLength]`; `groupBytes` holds a
  /// compound's (fixed buffers: no per-word allocation or resizing).
  private var wordBytes = [UInt8](repeating: 0, count: 256)
  private var wordLength = 0
  private var groupBytes = [UInt8](repeating: 0, count: 256)

  init() {
    for v in 0..<0x80 { bmpClass[v] = Self.classify(Unicode.Scalar(UInt8(v))).rawValue }
  }

  /// Appends the tokens of `text` to `tokens`, positions starting at `start`.
  /// - Returns: the position after the last token.
  @discardableResult
  mutating func tokenize(
    _ text: String, startingAt start: Int, into tokens: inout [RawToken], stemmer: LatinStemmer = .english
  ) -> Int {
    self.stemmer = stemmer
    if !normalizeScalars(text) {
      scalars = Tokenizer.normalize(text, keepingAccents: stemmer.keepsAccents).map(\.value)
      scalarCount = scalars.count
      for v in scalars { learnClass(v) }
    }
    return scan(startingAt: Int32(start), into: &tokens)
  }

  /// The normalized scalars of `text` (what `tokenize` indexes), for tests.
  mutating func normalized(_ text: String, stemmer: LatinStemmer = .english) -> [Unicode.Scalar] {
    self.stemmer = stemmer
    if !normalizeScalars(text) { return Tokenizer.normalize(text, keepingAccents: stemmer.keepsAccents) }
    return scalars[0..<scalarCount].map { Unicode.Scalar($0)! }
  }

  // MARK: - Normalization

  /// Fills `scalars[0 ..< scalarCount]`; false when the text needs whole-string normalization.
  private mutating func normalizeScalars(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { utf8 -> Bool in
      let n = utf8.count
      // One byte gives at most one scalar unless it starts a scalar whose folding is longer;
      // those go through `appendFolded`, which grows the buffer.
      if scalars.count < n + 16 { scalars = [UInt32](repeating: 0, count: 2 * n + 64) }
      scalarCount = 0
      var i = 0
      while i < n {
        // ASCII runs: lower-case straight into the buffer (room for every remaining byte).
        if scalars.count - scalarCount < n - i { scalars += [UInt32](repeating: 0, count: n - i + 64) }
        scalars.withUnsafeMutableBufferPointer { out in
          var k = scalarCount
          while i < n {
            let b = utf8[i]
            if b >= 0x80 { break }
            out[k] = UInt32(b >= 0x41 && b <= 0x5A ? b + 32 : b)
            k += 1
            i += 1
          }
          scalarCount = k
        }
        if i >= n { break }
        let b0 = utf8[i]
        let v: UInt32
        if b0 < 0xE0 {
          v = UInt32(b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
          i += 2
        } else if b0 < 0xF0 {
          v = UInt32(b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
          i += 3
        } else {
          v = UInt32(b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
            | UInt32(utf8[i + 3] & 0x3F)
          i += 4
        }
        if !appendFolded(v) { return false }
      }
      return true
    }
  }

  @inline(__always)
  private mutating func push(_ v: UInt32) {
    if scalarCount == scalars.count { scalars += [UInt32](repeating: 0, count: scalars.count + 64) }
    scalars[scalarCount] = v
    scalarCount += 1
  }

  @inline(__always)
  private mutating func appendFolded(_ v: UInt32) -> Bool {
    if v < 0x10000 {
      let slot = Int(v) + (stemmer.keepsAccents ? 0x10000 : 0)
      var start = bmpFoldStart[slot]
      if start == -1 {
        if let folded = Self.fold(v, keepingAccents: stemmer.keepsAccents) {
          start = Int32(foldArena.count)
          foldArena.append(contentsOf: folded)
          bmpFoldLength[slot] = UInt8(folded.count)
          for s in folded { learnClass(s) }
        } else {
          start = -2
        }
        bmpFoldStart[slot] = start
      }
      if start == -2 { return false }
      let length = Int(bmpFoldLength[slot])
      for k in 0..<length { push(foldArena[Int(start) + k]) }
      return true
    }
    let folded: [UInt32]?
    if let known = astralFolds[v] {
      folded = known
    } else {
      folded = Self.fold(v)
      astralFolds[v] = folded
      for s in folded ?? [] { learnClass(s) }
    }
    guard let folded else { return false }
    for s in folded { push(s) }
    return true
  }

  /// Caches the class of a BMP scalar that normalization can produce.
  private mutating func learnClass(_ v: UInt32) {
    if v < 0x10000 && bmpClass[Int(v)] == 0 { bmpClass[Int(v)] = Self.classify(Unicode.Scalar(v)!).rawValue }
  }

  /// The normalized form of one scalar, or nil when it may compose with its neighbours.
  private static func fold(_ v: UInt32, keepingAccents: Bool = false) -> [UInt32]? {
    if keepingAccents {
      if LatinStemmer.composingMarks.contains(v) { return nil }
      if let kept = LatinStemmer.kept(Unicode.Scalar(v)!) { return [kept.value] }
    }
    if v == 0x306 { return nil }  // a breve may belong to the и before it (й): normalize the whole text
    let folded = Tokenizer.normalize(String(Character(Unicode.Scalar(v)!)))
    if folded.contains(where: Tokenizer.composes) { return nil }
    return folded.map(\.value)
  }

  // MARK: - Scanning

  private mutating func scan(startingAt start: Int32, into tokens: inout [RawToken]) -> Int {
    // Local copies: the loop below mutates other parts of `self` (terms, words, scratch).
    let scalarArray = scalars
    let classArray = bmpClass
    return scalarArray.withUnsafeBufferPointer { scalars in
      classArray.withUnsafeBufferPointer { classes in
        scan(scalars, classes, count: scalarCount, startingAt: start, into: &tokens)
      }
    }
  }

  @inline(__always)
  private static func characterClass(_ v: UInt32, _ classes: UnsafeBufferPointer<UInt8>) -> CharacterClass {
    if v < 0x10000 { return CharacterClass(rawValue: classes[Int(v)]) ?? classify(Unicode.Scalar(v)!) }
    return classify(Unicode.Scalar(v)!)
  }

  private mutating func scan(
    _ scalars: UnsafeBufferPointer<UInt32>, _ classes: UnsafeBufferPointer<UInt8>, count n: Int,
    startingAt start: Int32, into tokens: inout [RawToken]
  ) -> Int {
    var position = start
    var group = Group()
    var i = 0
    while i < n {
      let v = scalars[i]
      switch Self.characterClass(v, classes) {
      case .word:
        var j = i + 1
        var ascii = v < 0x80
        while j < n {
          let w = scalars[j]
          if w < 0x80 {
            // ASCII word characters are a-z and 0-9 after lower-casing.
            guard (w >= 0x61 && w <= 0x7A) || (w >= 0x30 && w <= 0x39) else { break }
          } else {
            guard Self.characterClass(w, classes) == .word else { break }
            ascii = false
          }
          j += 1
        }
        if group.runs == 0 {
          group.start = position
          group.first = i
        }
        group.end = j
        group.runs += 1
        if j - i <= Tokenizer.maxTokenLength {
          encode(scalars, i, j, ascii: ascii)
          tokens.append(RawToken(term: wordTerm(), position: position, span: 0, tail: false))
        }
        position += 1
        i = j
      case .cjk:
        endGroup(&group, scalars, classes, &tokens)
        var j = i + 1
        while j < n && Self.characterClass(scalars[j], classes) == .cjk { j += 1 }
        for k in i..<(j - 1) {
          encode(scalars, k, k + 2, ascii: false)
          tokens.append(RawToken(term: internWord(), position: position + Int32(k - i), span: 0, tail: false))
        }
        encode(scalars, j - 1, j, ascii: false)
        let tail = internWord()
        tokens.append(RawToken(term: tail, position: position + Int32(j - 1 - i), span: 0, tail: true))
        position += Int32(j - i)
        i = j
      case .space:
        endGroup(&group, scalars, classes, &tokens)
        i += 1
      case .punctuation:
        if !Self.isCompoundJoiner(v) { endGroup(&group, scalars, classes, &tokens) }
        i += 1
      }
    }
    endGroup(&group, scalars, classes, &tokens)
    return Int(position)
  }

  /// The group of word runs being read: its runs lie in `scalars[first ..< end]`.
  private struct Group {
    var runs: Int32 = 0
    var start: Int32 = 0
    var first = 0
    var end = 0
  }

  /// Emits the group's compound, if it is one, and starts a new group.
  private mutating func endGroup(
    _ group: inout Group, _ scalars: UnsafeBufferPointer<UInt32>, _ classes: UnsafeBufferPointer<UInt8>,
    _ tokens: inout [RawToken]
  ) {
    defer { group.runs = 0 }
    guard group.runs >= 2 else { return }
    // The runs joined by "-": every stretch of joiners between two runs becomes one "-".
    var hasDigit = false
    var length = 0
    var inRun = true
    if (group.end - group.first) * 4 > groupBytes.count {
      groupBytes = [UInt8](repeating: 0, count: (group.end - group.first) * 4 + 64)
    }
    var scalarCount = 0
    for k in group.first..<group.end {
      let v = scalars[k]
      let isWord = v < 0x80 ? ((v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)) : Self.characterClass(v, classes) == .word
      if !isWord {
        inRun = false
        continue
      }
      if !inRun {
        groupBytes[length] = 0x2D
        length += 1
        scalarCount += 1
        inRun = true
      }
      if v >= 0x30 && v <= 0x39 { hasDigit = true }
      scalarCount += 1
      length += Self.utf8(v, into: &groupBytes, at: length)
    }
    guard hasDigit && scalarCount <= Tokenizer.maxTokenLength else { return }
    if stemmer.keepsAccents && groupBytes[0..<length].contains(0xC3) {
      let folded = Array(LatinStemmer.folded(String(decoding: groupBytes[0..<length], as: UTF8.self)).utf8)
      tokens.append(RawToken(term: terms.intern(folded), position: group.start, span: group.runs, tail: false))
      return
    }
    let term = groupBytes.withUnsafeBufferPointer { terms.intern(UnsafeBufferPointer(rebasing: $0[0..<length])) }
    tokens.append(RawToken(term: term, position: group.start, span: group.runs, tail: false))
  }

  /// The term of the word in `wordBytes`: looked up, or stemmed once and remembered (a-z words
  /// in English, Cyrillic and Arabic ones, whose UTF-8 starts with D0 to D9, by their stemmers).
  @inline(__always)
  private mutating func wordTerm() -> Int32 {
    let length = wordLength
    let m = stemmer.rawValue
    let word = wordBytes.withUnsafeBufferPointer { words[m].intern(UnsafeBufferPointer(rebasing: $0[0..<length])) }
    if Int(word) < wordTerms[m].count { return wordTerms[m][Int(word)] }
    let bytes = wordBytes[0..<length]
    let term: Int32
    if stemmer.keepsAccents {
      term = terms.intern(Array(stemmer.term(of: String(decoding: bytes, as: UTF8.self)).utf8))
    } else if bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) || (bytes.first.map { (0xD0...0xD9).contains($0) } ?? false) {
      let stem = Tokenizer.wordTerm(String(decoding: bytes, as: UTF8.self))
      term = terms.intern(Array(stem.utf8))
    } else {
      term = internWord()
    }
    wordTerms[m].append(term)
    return term
  }

  /// The term id of the bytes in `wordBytes`, as they are.
  @inline(__always)
  private mutating func internWord() -> Int32 {
    let length = wordLength
    return wordBytes.withUnsafeBufferPointer { terms.intern(UnsafeBufferPointer(rebasing: $0[0..<length])) }
  }

  /// UTF-8 of `scalars[from..<to]` into `wordBytes`.
  @inline(__always)
  private mutating func encode(_ scalars: UnsafeBufferPointer<UInt32>, _ from: Int, _ to: Int, ascii: Bool) {
    if (to - from) * 4 > wordBytes.count { wordBytes = [UInt8](repeating: 0, count: (to - from) * 4 + 64) }
    wordBytes.withUnsafeMutableBufferPointer { out in
      var n = 0
      if ascii {
        for k in from..<to {
          out[n] = UInt8(truncatingIfNeeded: scalars[k])
          n += 1
        }
      } else {
        for k in from..<to {
          let v = scalars[k]
          if v < 0x80 {
            out[n] = UInt8(v)
            n += 1
          } else if v < 0x800 {
            out[n] = UInt8(0xC0 | (v >> 6))
            out[n + 1] = UInt8(0x80 | (v & 0x3F))
            n += 2
          } else if v < 0x10000 {
            out[n] = UInt8(0xE0 | (v >> 12))
            out[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[n + 2] = UInt8(0x80 | (v & 0x3F))
            n += 3
          } else {
            out[n] = UInt8(0xF0 | (v >> 18))
            out[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            out[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[n + 3] = UInt8(0x80 | (v & 0x3F))
            n += 4
          }
        }
      }
      wordLength = n
    }
  }

  /// Writes the UTF-8 of `v` at `out[at...]`; returns its length.
  @inline(__always)
  static func utf8(_ v: UInt32, into out: inout [UInt8], at n: Int) -> Int {
    if v < 0x80 {
      out[n] = UInt8(v)
      return 1
    } else if v < 0x800 {
      out[n] = UInt8(0xC0 | (v >> 6))
      out[n + 1] = UInt8(0x80 | (v & 0x3F))
      return 2
    } else if v < 0x10000 {
      out[n] = UInt8(0xE0 | (v >> 12))
      out[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
      out[n + 2] = UInt8(0x80 | (v & 0x3F))
      return 3
    }
    out[n] = UInt8(0xF0 | (v >> 18))
    out[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
    out[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
    out[n + 3] = UInt8(0x80 | (v & 0x3F))
    return 4
  }
}
