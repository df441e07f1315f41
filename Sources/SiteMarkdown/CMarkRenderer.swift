import CCMark
import SiteCore

#if canImport(Glibc)
  import Glibc
#endif

/// A recommendation's Markdown turned into safe HTML and into plain text (for titles and search).
public struct RenderedMarkdown: Sendable {
  public var html: HTML
  public var plainText: String
}

/// The only place that touches cmark.
///
/// cmark runs in its safe mode (`CMARK_OPT_UNSAFE` is never set): raw HTML becomes a comment and
/// `javascript:`, `vbscript:`, `file:` and non-image `data:` links become empty. Smart punctuation
/// is on. Every node and string cmark allocates is freed before the function returns.
public enum CMarkRenderer {
  static let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8

  /// - Parameter headingShift: added to every heading's level (capped at 6), so a `#` in a
  ///   recommendation's text does not compete with the page's own `<h1>`.
  public static func render(_ markdown: String, headingShift: Int32 = 0) -> RenderedMarkdown {
    let document: OpaquePointer? = markdown.withCString { cmark_parse_document($0, strlen($0), options) }
    guard let document else { return RenderedMarkdown(html: HTML.empty, plainText: "") }
    defer { cmark_node_free(document) }
    let plain = walk(document, headingShift: headingShift)
    guard let cString = cmark_render_html(document, options) else {
      return RenderedMarkdown(html: HTML.empty, plainText: plain)
    }
    defer { free(cString) }
    return RenderedMarkdown(html: HTML(trusted: String(cString: cString)), plainText: plain)
  }

  /// Collects the text a reader sees, one space between blocks, and shifts heading levels.
  private static func walk(_ document: OpaquePointer, headingShift: Int32) -> String {
    guard let iterator = cmark_iter_new(document) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text = ""
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      switch (event, type) {
      case (CMARK_EVENT_ENTER, CMARK_NODE_TEXT), (CMARK_EVENT_ENTER, CMARK_NODE_CODE),
        (CMARK_EVENT_ENTER, CMARK_NODE_CODE_BLOCK):
        if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
      case (CMARK_EVENT_ENTER, CMARK_NODE_SOFTBREAK), (CMARK_EVENT_ENTER, CMARK_NODE_LINEBREAK):
        text += " "
      case (CMARK_EVENT_ENTER, CMARK_NODE_HEADING) where headingShift != 0:
        cmark_node_set_heading_level(node, min(6, cmark_node_get_heading_level(node) + headingShift))
      case (CMARK_EVENT_EXIT, CMARK_NODE_PARAGRAPH), (CMARK_EVENT_EXIT, CMARK_NODE_HEADING),
        (CMARK_EVENT_EXIT, CMARK_NODE_ITEM):
        if !text.isEmpty && text.last != " " { text += " " }
      default:
        break
      }
    }
    let bytes = text.utf8
    let start = bytes.firstIndex { $0 != 0x20 } ?? bytes.endIndex
    let end = bytes.lastIndex { $0 != 0x20 }.map { bytes.index(after: $0) } ?? start
    return start < end ? String(text[start..<end]) : ""
  }
}
