/// The spec's line rules: a tag standing alone on its line takes the line with it, and a
/// standalone partial is indented as its tag was.
extension MustacheParser {
  /// Removes the whitespace and newline around each tag in `standalone` (indices of tags that stand
  /// alone on their line), and keeps a standalone partial's indentation in its tag.
  static func stripStandaloneLines(_ pieces: [Piece], _ standalone: [Int]) -> [Piece] {
    var out = pieces
    for i in standalone {
      var indent = ""
      if i > 0, case .text(let before) = out[i - 1] {
        let lineStart = before.lastIndex(where: isLineEnd).map { before.index(after: $0) } ?? before.startIndex
        indent = String(before[lineStart...].filter { $0 == " " || $0 == "\t" })
        out[i - 1] = .text(String(before[..<lineStart]))
      }
      if i < out.count - 1, case .text(let after) = out[i + 1] {
        out[i + 1] = .text(after.firstIndex(where: isLineEnd).map { String(after[after.index(after: $0)...]) } ?? "")
      }
      if case .tag(.partial(let name, _), let at) = out[i] { out[i] = .tag(.partial(name, indent: indent), at) }
    }
    return out
  }

  /// A newline: `\n`, or `\r\n`, which Swift reads as one character.
  static func isLineEnd(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

  static func isStandalone(_ pieces: [Piece], _ i: Int) -> Bool {
    guard case .tag(let tag, _) = pieces[i], tag.isStandaloneKind else { return false }
    func text(_ j: Int) -> String? {
      guard pieces.indices.contains(j) else { return "" }
      if case .text(let t) = pieces[j] { return t }
      return nil
    }
    guard let before = text(i - 1), let after = text(i + 1) else { return false }
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    let lineStart = before.lastIndex(where: isLineEnd).map { before.index(after: $0) } ?? before.startIndex
    guard before.contains(where: isLineEnd) || i <= 1, before[lineStart...].allSatisfy(blank) else { return false }
    let lineEnd = after.firstIndex(where: isLineEnd)
    guard (lineEnd.map { after[..<$0] } ?? after[...]).allSatisfy(blank) else { return false }
    return lineEnd != nil || i + 1 >= pieces.count - 1
  }

  /// Puts a `.lineStart` where each non-empty line of the template's own text begins, as it reads
  /// once standalone lines are gone (`standalone` holds their tags' indices in `pieces`); text is
  /// cut at its newlines so that each line begins a piece.
  static func markLineStarts(_ pieces: [Piece], standalone: Set<Int>) -> [Piece] {
    var out: [Piece] = []
    out.reserveCapacity(pieces.count * 2)
    var atLineStart = true
    for (i, piece) in pieces.enumerated() {
      switch piece {
      case .text(let text):
        appendLines(of: text, to: &out, atLineStart: &atLineStart)
      case .tag where standalone.contains(i):
        // Its line is gone with it, newline included: what follows starts a line.
        out.append(piece)
        atLineStart = true
      case .tag, .lineStart:
        if atLineStart { out.append(.lineStart) }
        out.append(piece)
        atLineStart = false
      }
    }
    return out
  }

  private static func appendLines(of text: String, to out: inout [Piece], atLineStart: inout Bool) {
    var rest = Substring(text)
    while !rest.isEmpty {
      let end = rest.firstIndex(where: isLineEnd).map { rest.index(after: $0) } ?? rest.endIndex
      let line = rest[..<end]
      if atLineStart, let first = line.first, !isLineEnd(first) { out.append(.lineStart) }
      out.append(.text(String(line)))
      atLineStart = line.last.map(isLineEnd) ?? false
      rest = rest[end...]
    }
  }
}
