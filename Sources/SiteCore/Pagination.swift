/// Cuts a list into pages: page 1 is the list's own folder, page n is `<folder>page/<n>/`.
public struct Pagination: Sendable {
  public let count: Int
  public let pageSize: Int

  public init(count: Int, pageSize: Int) {
    self.count = count
    self.pageSize = max(1, pageSize)
  }

  public var pageCount: Int { max(1, (count + pageSize - 1) / pageSize) }

  public func range(ofPage page: Int) -> Range<Int> {
    let start = (page - 1) * pageSize
    return start..<min(count, start + pageSize)
  }

  /// The folder of page `page` of the list whose first page is `folder`.
  public static func path(_ folder: String, page: Int) -> String {
    page == 1 ? folder : "\(folder)page/\(page)/"
  }
}

/// Relative links between pages, so a site works under any host and sub-path.
public enum RelativeURL {
  /// The prefix that leads from a page in `folder` back to the site root: `countries/ecu/` → `../../`.
  public static func root(from folder: String) -> String {
    var depth = 0
    var previous = UInt8(ascii: "/")
    for byte in folder.utf8 {
      if previous == UInt8(ascii: "/"), byte != UInt8(ascii: "/") { depth += 1 }
      previous = byte
    }
    return depth == 0 ? "./" : String(repeating: "../", count: depth)
  }
}
