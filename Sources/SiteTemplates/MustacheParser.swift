/// Parses Mustache text into a tree of nodes.
struct MustacheParser {
  private enum Tag {
    case variable(String, escaped: Bool)
    case open(String, kind: Character)  // # ^ < $
    case close(String)
    case partial(String)
    case comment

    var isStandaloneKind: Bool {
      if case .variable = self { return false }
      return true
    }
  }

  private enum Piece {
    case text(String)
    case tag(Tag, line: Int, column: Int)
  }

  static func parse(_ source: String) throws(MustacheSyntaxError) -> MustacheTemplate {
    let pieces = try stripStandaloneLines(tokenize(source))
    var index = 0
    let nodes = try build(pieces, &index, closing: nil)
    return MustacheTemplate(nodes: nodes)
  }

  // MARK: - Tokens

  private static func tokenize(_ source: String) throws(MustacheSyntaxError) -> [Piece] {
    var pieces: [Piece] = []
    var rest = Substring(source)
    var line = 1
    var column = 1
    func advance(over text: Substring) {
      for c in text {
        if c == "\n" { line += 1; column = 1 } else { column += 1 }
      }
    }
    while let open = rest.range(of: "{{") {
      let before = rest[..<open.lowerBound]
      if !before.isEmpty { pieces.append(.text(String(before))) }
      advance(over: before)
      let (tagLine, tagColumn) = (line, column)
      let triple = rest[open.upperBound...].hasPrefix("{")
      let closer = triple ? "}}}" : "}}"
      let start = triple ? rest.index(after: open.upperBound) : open.upperBound
      guard let close = rest[start...].range(of: closer) else {
        throw MustacheSyntaxError(line: tagLine, column: tagColumn, message: "unclosed tag")
      }
      let inside = rest[start..<close.lowerBound].trimmingSpaces
      pieces.append(.tag(try tag(inside, triple: triple, line: tagLine, column: tagColumn), line: tagLine, column: tagColumn))
      advance(over: rest[open.lowerBound..<close.upperBound])
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { pieces.append(.text(String(rest))) }
    return pieces
  }

  private static func tag(_ inside: Substring, triple: Bool, line: Int, column: Int) throws(MustacheSyntaxError) -> Tag {
    if triple { return .variable(String(inside), escaped: false) }
    guard let first = inside.first else { throw MustacheSyntaxError(line: line, column: column, message: "empty tag") }
    let name = String(inside.dropFirst().trimmingSpaces)
    switch first {
    case "!": return .comment
    case "&": return .variable(name, escaped: false)
    case "#", "^", "<", "$": return .open(name, kind: first)
    case "/": return .close(name)
    case ">": return .partial(name)
    case "=", "%":
      throw MustacheSyntaxError(line: line, column: column, message: "delimiter changes and pragmas are not supported")
    default: return .variable(String(inside), escaped: true)
    }
  }

  /// Removes the whitespace and newline around a tag that stands alone on its line.
  private static func stripStandaloneLines(_ pieces: [Piece]) -> [Piece] {
    let standalone = pieces.indices.filter { isStandalone(pieces, $0) }
    var out = pieces
    for i in standalone {
      if i > 0, case .text(let before) = out[i - 1] {
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        out[i - 1] = .text(String(before[..<lineStart]))
      }
      if i < out.count - 1, case .text(let after) = out[i + 1] {
        out[i + 1] = .text(after.firstIndex(of: "\n").map { String(after[after.index(after: $0)...]) } ?? "")
      }
    }
    return out
  }

  private static func isStandalone(_ pieces: [Piece], _ i: Int) -> Bool {
    guard case .tag(let tag, _, _) = pieces[i], tag.isStandaloneKind else { return false }
    func text(_ j: Int) -> String? {
      guard pieces.indices.contains(j) else { return "" }
      if case .text(let t) = pieces[j] { return t }
      return nil
    }
    guard let before = text(i - 1), let after = text(i + 1) else { return false }
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    guard before.contains("\n") || i <= 1, before[lineStart...].allSatisfy(blank) else { return false }
    let lineEnd = after.firstIndex(of: "\n")
    guard (lineEnd.map { after[..<$0] } ?? after[...]).allSatisfy(blank) else { return false }
    return lineEnd != nil || i + 1 >= pieces.count - 1
  }

  // MARK: - Tree

  private static func build(_ pieces: [Piece], _ i: inout Int, closing: String?) throws(MustacheSyntaxError) -> [MustacheTemplate.Node] {
    var nodes: [MustacheTemplate.Node] = []
    while i < pieces.count {
      let piece = pieces[i]
      i += 1
      switch piece {
      case .text(let t): if !t.isEmpty { nodes.append(.text(t)) }
      case .tag(let tag, let line, let column):
        switch tag {
        case .comment: continue
        case .variable(let name, let escaped): nodes.append(.variable(path(name), escaped: escaped))
        case .partial(let name): nodes.append(.partial(name))
        case .close(let name):
          guard name == closing else {
            throw MustacheSyntaxError(line: line, column: column, message: "{{/\(name)}} closes nothing open" + (closing.map { "; expected {{/\($0)}}" } ?? ""))
          }
          return nodes
        case .open(let name, let kind):
          let children = try build(pieces, &i, closing: name)
          switch kind {
          case "#": nodes.append(.section(path(name), inverted: false, children))
          case "^": nodes.append(.section(path(name), inverted: true, children))
          case "$": nodes.append(.block(name, children))
          default: nodes.append(.parent(name, blocks: blocks(in: children)))
          }
        }
      }
    }
    if let closing { throw MustacheSyntaxError(line: 0, column: 0, message: "{{#\(closing)}} is never closed") }
    return nodes
  }

  private static func blocks(in nodes: [MustacheTemplate.Node]) -> [String: [MustacheTemplate.Node]] {
    var result: [String: [MustacheTemplate.Node]] = [:]
    for case .block(let name, let children) in nodes { result[name] = children }
    return result
  }

  private static func path(_ name: String) -> [TemplateKey] {
    name == "." ? [.dot] : name.split(separator: ".").map { TemplateKey(String($0)) }
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    var s = self
    while let f = s.first, f == " " || f == "\t" || f == "\n" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\n" { s.removeLast() }
    return s
  }
}
