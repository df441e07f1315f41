/// How the tokenizer classes characters: compound joiners, spaces, CJK (indexed as bigrams),
/// word characters and punctuation.
extension TokenizerState {
  @inline(__always)
  static func isCompoundJoiner(_ v: UInt32) -> Bool {
    switch v {
    case 0x2F, 0x2E, 0x2D, 0x28, 0x29, 0x5F, 0x3A, 0x2010, 0x2013: return true
    default: return false
    }
  }

  static func isSpace(_ v: UInt32) -> Bool {
    switch v {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  static func isCJK(_ v: UInt32) -> Bool {
    (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0x20000...0x323AF).contains(v) || (0x3040...0x30FF).contains(v)
      || (0x31F0...0x31FF).contains(v) || (0x3005...0x3007).contains(v)
  }

  static func classify(_ scalar: Unicode.Scalar) -> CharacterClass {
    let v = scalar.value
    if v < 0x80 {
      if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) { return .word }
      return isSpace(v) ? .space : .punctuation
    }
    if isCJK(v) { return .cjk }
    if isSpace(v) { return .space }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
      return .word
    default:
      return .punctuation
    }
  }
}
