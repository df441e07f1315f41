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

  /// What a pager shows on page `page` of `count`: the first and last pages, the current one and
  /// two on each side, in order; nil marks a gap of two or more pages (an ellipsis), and a gap of
  /// one page shows that page instead.
  public static func pagerItems(page: Int, of count: Int) -> [Int?] {
    guard count > 1 else { return [] }
    let shown = Set([1, count]).union(max(1, page - 2)...min(count, max(1, page + 2))).sorted()
    var items: [Int?] = []
    for n in shown {
      if let previous = items.last, let last = previous {
        if n - last == 2 { items.append(last + 1) } else if n - last > 2 { items.append(nil) }
      }
      items.append(n)
    }
    return items
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
