/// Parses Mustache text into a tree of nodes.
struct MustacheParser {
  typealias Position = MustacheTemplate.Position

  enum Tag {
    case variable(String, escaped: Bool)
    case open(String, kind: Character)  // # ^ < $
    case close(String)
    /// `indent` is filled in when the tag turns out to stand alone on its line.
    case partial(String, indent: String)
    case comment

    var isStandaloneKind: Bool {
      if case .variable = self { return false }
      return true
    }
  }

  enum Piece {
    case text(String)
    case tag(Tag, Position)
    case lineStart
  }

  static func parse(_ source: String) throws(MustacheSyntaxError) -> MustacheTemplate {
    let pieces = try tokenize(source)
    let standalone = pieces.indices.filter { isStandalone(pieces, $0) }
    let lines = markLineStarts(stripStandaloneLines(pieces, standalone), standalone: Set(standalone))
    var index = 0
    let nodes = try build(lines, &index, closing: nil)
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
        if isLineEnd(c) { line += 1; column = 1 } else { column += 1 }
      }
    }
    while let open = rest.range(of: "{{") {
      let before = rest[..<open.lowerBound]
      if !before.isEmpty { pieces.append(.text(String(before))) }
      advance(over: before)
      let at = Position(line: line, column: column)
      let triple = rest[open.upperBound...].hasPrefix("{")
      let closer = triple ? "}}}" : "}}"
      let start = triple ? rest.index(after: open.upperBound) : open.upperBound
      guard let close = rest[start...].range(of: closer) else {
        throw MustacheSyntaxError(line: at.line, column: at.column, message: "unclosed tag")
      }
      let inside = rest[start..<close.lowerBound].trimmingSpaces
      pieces.append(.tag(try tag(inside, triple: triple, at: at), at))
      advance(over: rest[open.lowerBound..<close.upperBound])
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { pieces.append(.text(String(rest))) }
    return pieces
  }

  private static func tag(_ inside: Substring, triple: Bool, at: Position) throws(MustacheSyntaxError) -> Tag {
    if triple { return .variable(String(inside), escaped: false) }
    guard let first = inside.first else { throw MustacheSyntaxError(line: at.line, column: at.column, message: "empty tag") }
    let name = String(inside.dropFirst().trimmingSpaces)
    switch first {
    case "!": return .comment
    case "&": return .variable(name, escaped: false)
    case "#", "^", "<", "$": return .open(name, kind: first)
    case "/": return .close(name)
    case ">": return .partial(name, indent: "")
    case "=", "%":
      throw MustacheSyntaxError(line: at.line, column: at.column, message: "delimiter changes and pragmas are not supported")
    default: return .variable(String(inside), escaped: true)
    }
  }

  // MARK: - Tree

  private static func build(_ pieces: [Piece], _ i: inout Int, closing: String?,
                            opened: Position? = nil) throws(MustacheSyntaxError) -> [MustacheTemplate.Node] {
    var nodes: [MustacheTemplate.Node] = []
    while i < pieces.count {
      let piece = pieces[i]
      i += 1
      switch piece {
      case .text(let t): if !t.isEmpty { nodes.append(.text(t)) }
      case .lineStart: nodes.append(.lineStart)
      case .tag(let tag, let at):
        switch tag {
        case .comment: continue
        case .variable(let name, let escaped): nodes.append(.variable(path(name), escaped: escaped))
        case .partial(let name, let indent): nodes.append(.partial(name, indent: indent, at: at))
        case .close(let name):
          guard name == closing else {
            throw MustacheSyntaxError(line: at.line, column: at.column,
              message: "{{/\(name)}} closes nothing open" + (closing.map { "; expected {{/\($0)}}" } ?? ""))
          }
          return nodes
        case .open(let name, let kind):
          let children = try build(pieces, &i, closing: name, opened: at)
          nodes.append(node(kind, name, children, at: at))
        }
      }
    }
    if let closing {
      throw MustacheSyntaxError(line: opened?.line ?? 0, column: opened?.column ?? 0,
        message: "the section, parent or block \"\(closing)\" opened here is never closed (expected {{/\(closing)}})")
    }
    return nodes
  }

  private static func node(_ kind: Character, _ name: String, _ children: [MustacheTemplate.Node],
                           at: Position) -> MustacheTemplate.Node {
    switch kind {
    case "#": return .section(path(name), inverted: false, children)
    case "^": return .section(path(name), inverted: true, children)
    case "$": return .block(MustacheTemplate.Block(name: name, nodes: children, position: at))
    default:
      // Inside a parent tag only the blocks count; text and other tags there are ignored.
      let overrides = children.compactMap { node -> MustacheTemplate.Block? in
        if case .block(let block) = node { return block }
        return nil
      }
      return .parent(name, overrides: overrides, at: at)
    }
  }

  private static func path(_ name: String) -> [TemplateKey] {
    name == "." ? [.dot] : name.split(separator: ".").map { TemplateKey(String($0)) }
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    var s = self
    while let f = s.first, f == " " || f == "\t" || f.isNewline { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l.isNewline { s.removeLast() }
    return s
  }
}
