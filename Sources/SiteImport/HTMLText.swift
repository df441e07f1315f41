/// The text of an HTML fragment from an export, as blocks of plain text: tags are dropped,
/// `<p>`, `<br>`, `<div>` and headings end a paragraph, `<li>` items become list items, the
/// content of `<script>` and `<style>` is dropped, and character references are decoded.
///
/// No markup survives: the blocks are plain text, escaped when written as Markdown.
public enum HTMLText {
  public enum Block: Equatable, Sendable {
    case paragraph(String)
    /// A list item; `number` is its position in an ordered list, nil in a bulleted one.
    case item(String, number: Int?)

    public var text: String {
      switch self {
      case .paragraph(let text), .item(let text, _): return text
      }
    }
  }

  public static func blocks(_ html: String) -> [Block] {
    var builder = BlockBuilder()
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      builder.addText(rest[..<open])
      rest = rest[open...]
      guard let tag = Tag(parsing: &rest) else {
        builder.addText(rest.prefix(1))
        rest = rest.dropFirst()
        continue
      }
      if !tag.closing, tag.name == "script" || tag.name == "style" {
        rest = skipRawText(rest, until: tag.name)
        continue
      }
      builder.handle(tag)
    }
    builder.addText(rest)
    builder.endBlock()
    return builder.blocks
  }

  /// The blocks as escaped CommonMark: paragraphs, `- item` and `1. item` lists.
  public static func markdown(_ blocks: [Block]) -> String {
    var parts: [String] = []
    var previousWasItem = false
    for block in blocks {
      switch block {
      case .paragraph(let text):
        parts.append((parts.isEmpty ? "" : "\n") + MarkdownText.escape(text))
        previousWasItem = false
      case .item(let text, let number):
        let marker = number.map { "\($0). " } ?? "- "
        let indent = String(repeating: " ", count: marker.count)
        let body = MarkdownText.escape(text).replacingOccurrences(of: "\n", with: "\n" + indent)
        parts.append((parts.isEmpty || previousWasItem ? "" : "\n") + marker + body)
        previousWasItem = true
      }
    }
    return parts.joined(separator: "\n")
  }

  private static func skipRawText(_ text: Substring, until name: String) -> Substring {
    guard let end = text.range(of: "</" + name, options: .caseInsensitive) else { return text[text.endIndex...] }
    let after = text[end.upperBound...]
    return after.firstIndex(of: ">").map { after[after.index(after: $0)...] } ?? after[after.endIndex...]
  }
}

/// An HTML tag's name and whether it closes, read from `<` to `>`; attributes are skipped.
struct Tag {
  var name: String
  var closing: Bool

  /// Reads a tag at the start of `text` and moves past it; nil (and `text` unchanged) when
  /// the `<` does not start a tag, so it stays text.
  init?(parsing text: inout Substring) {
    var cursor = text.dropFirst()
    if cursor.hasPrefix("!--") {
      guard let end = cursor.range(of: "-->") else { return nil }
      text = cursor[end.upperBound...]
      (name, closing) = ("!--", false)
      return
    }
    closing = cursor.first == "/"
    if closing { cursor = cursor.dropFirst() }
    let nameEnd = cursor.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber)) } ?? cursor.endIndex
    guard nameEnd > cursor.startIndex, cursor[cursor.startIndex].isLetter, let close = Self.end(of: cursor[nameEnd...]) else {
      return nil
    }
    name = cursor[..<nameEnd].lowercased()
    text = cursor[cursor.index(after: close)...]
  }

  /// The `>` that ends the tag, skipping quoted attribute values.
  private static func end(of text: Substring) -> Substring.Index? {
    var quote: Character?
    for index in text.indices {
      let c = text[index]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == ">" {
        return index
      } else if c == "<" {
        return nil
      }
    }
    return nil
  }
}

/// Collects text into blocks as tags open and close them. Nested lists are flattened.
struct BlockBuilder {
  var blocks: [HTMLText.Block] = []
  private var text = ""
  /// The lines of the list item being read, and its number in an ordered list.
  private var item: (lines: [String], number: Int?)?
  /// For each open list: the next item number (ordered) or nil (bulleted).
  private var lists: [Int?] = []

  static let paragraphTags: Set<String> = [
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr", "section", "article", "hr", "pre",
  ]

  mutating func addText<S: StringProtocol>(_ raw: S) {
    text += HTMLEntities.decode(String(raw))
  }

  mutating func handle(_ tag: Tag) {
    switch tag.name {
    case "ul", "ol":
      endItem()
      if tag.closing { _ = lists.popLast() } else { lists.append(tag.name == "ol" ? 1 : nil) }
    case "li":
      endItem()
      guard !tag.closing else { return }
      let number = lists.last ?? nil
      if let number { lists[lists.count - 1] = number + 1 }
      item = ([], number)
    case "td", "th":
      text += " "
    default:
      if Self.paragraphTags.contains(tag.name) { endLine() }
    }
  }

  /// Ends the text so far: a new line of the current list item, or a paragraph.
  mutating func endLine() {
    let line = MarkdownText.collapseSpaces(text)
    text = ""
    guard !line.isEmpty else { return }
    if item != nil { item!.lines.append(line) } else { blocks.append(.paragraph(line)) }
  }

  /// Ends the text and the list item being read.
  mutating func endBlock() { endItem() }

  private mutating func endItem() {
    endLine()
    if let item, !item.lines.isEmpty { blocks.append(.item(item.lines.joined(separator: "\n"), number: item.number)) }
    item = nil
  }
}
