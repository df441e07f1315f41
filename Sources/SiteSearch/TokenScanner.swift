/// The tokenizer's loop over normalized scalars (see `Tokenizer`).
struct TokenScanner {
  enum CharacterClass { case space, punctuation, word, cjk }

  let scalars: [Unicode.Scalar]
  var position: Int
  private var group: [String] = []
  private var groupStart = 0

  init(scalars: [Unicode.Scalar], position: Int) {
    self.scalars = scalars
    self.position = position
  }

  mutating func run(into tokens: inout [Token], cache: inout TermCache) {
    let classes = scalars.map(Self.classify)
    var i = 0
    while i < scalars.count {
      switch classes[i] {
      case .word:
        var j = i + 1
        while j < scalars.count && classes[j] == .word { j += 1 }
        let word = Self.string(scalars[i..<j])
        if group.isEmpty { groupStart = position }
        group.append(word)
        if j - i <= Tokenizer.maxTokenLength {
          tokens.append(Token(term: cache.term(for: word), position: position))
        }
        position += 1
        i = j
      case .cjk:
        endGroup(into: &tokens)
        var j = i + 1
        while j < scalars.count && classes[j] == .cjk { j += 1 }
        for k in i..<(j - 1) {
          tokens.append(Token(term: Self.string(scalars[k...(k + 1)]), position: position + k - i))
        }
        tokens.append(Token(term: String(Character(scalars[j - 1])), position: position + j - 1 - i, tail: true))
        position += j - i
        i = j
      case .space:
        endGroup(into: &tokens)
        i += 1
      case .punctuation:
        if !Self.compoundJoiners.contains(scalars[i].value) { endGroup(into: &tokens) }
        i += 1
      }
    }
    endGroup(into: &tokens)
  }

  private mutating func endGroup(into tokens: inout [Token]) {
    defer { group.removeAll(keepingCapacity: true) }
    guard group.count >= 2, group.contains(where: { $0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } })
    else { return }
    let term = group.joined(separator: "-")
    if term.unicodeScalars.count <= Tokenizer.maxTokenLength {
      tokens.append(Token(term: term, position: groupStart, span: group.count))
    }
  }

  /// UTF-8 encodes scalars into a String without the generic scalar-view appends.
  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count * 2)
    for scalar in scalars {
      let v = scalar.value
      if v < 0x80 {
        bytes.append(UInt8(v))
      } else if v < 0x800 {
        bytes.append(UInt8(0xC0 | (v >> 6)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
      } else if v < 0x10000 {
        bytes.append(UInt8(0xE0 | (v >> 12)))
        bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
      } else {
        bytes.append(UInt8(0xF0 | (v >> 18)))
        bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static let compoundJoiners: Set<UInt32> = [0x2F, 0x2E, 0x2D, 0x28, 0x29, 0x5F, 0x3A, 0x2010, 0x2013]
  static let spaces: Set<UInt32> = [
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
  ]

  static func isCJK(_ v: UInt32) -> Bool {
    (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0x20000...0x323AF).contains(v) || (0x3040...0x30FF).contains(v)
      || (0x31F0...0x31FF).contains(v) || (0x3005...0x3007).contains(v)
  }

  static func classify(_ scalar: Unicode.Scalar) -> CharacterClass {
    let v = scalar.value
    if v < 0x80 {
      if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) { return .word }
      return spaces.contains(v) ? .space : .punctuation
    }
    if isCJK(v) { return .cjk }
    if spaces.contains(v) { return .space }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
      return .word
    default:
      return .punctuation
    }
  }
}
