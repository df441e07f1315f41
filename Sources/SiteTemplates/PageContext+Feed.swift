import SiteCore

extension TemplateKey {
  static let feedHref: TemplateKey = "feedHref"
}

/// Atom feeds (RFC 4287) of the latest recommendations: `feed.xml` at the root of each language
/// tree and on every country, theme, affected persons, body and SDG goal page, linked from the
/// page's head with `<link rel="alternate" type="application/atom+xml">`.
extension PageContextBuilder {
  public static let feedTaxonomies: [Taxonomy] = [.country, .theme, .affectedPerson, .body, .sdgGoal]
  public static let feedLength = 50

  /// How many feeds this language tree has: the whole site's, then one per term of `feedTaxonomies`.
  public var feedCount: Int { 1 + Self.feedTaxonomies.reduce(0) { $0 + model.catalog.terms($1).count } }

  /// Feed `n` (see `feedCount`): its path below the output, and its bytes.
  public func feed(_ n: Int) -> (path: String, bytes: [UInt8]) {
    let (folder, members, name) = feedSource(n)
    let latest = members.prefix(Self.feedLength)
    let site = model.config.baseURL.map { $0 + prefix }
    let feedRoot = base(folder)
    func address(_ path: String) -> String { site.map { $0 + path } ?? feedRoot + path }
    func id(_ path: String) -> String { site.map { $0 + path } ?? "urn:hrindex:" + prefix + path }
    let title = name.map { "\(model.config.title): \($0)" } ?? model.config.title
    let updated = latest.first.map { Self.atomDate(model.catalog.recommendations[$0].date) } ?? "2000-01-01T00:00:00Z"
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language)">
      <title>\(Self.xmlText(title))</title>
      <subtitle>\(Self.xmlText(strings["feed_link"]))</subtitle>
      <id>\(Self.xmlText(id(folder + "feed.xml")))</id>
      <updated>\(updated)</updated>
      <link rel="self" type="application/atom+xml" href="\(Self.xmlText(address(folder + "feed.xml")))"/>
      <link rel="alternate" type="text/html" href="\(Self.xmlText(address(folder)))"/>
      <author><name>\(Self.xmlText(model.config.title))</name></author>

      """
    for i in latest { xml += entry(i, address: address, id: id) }
    xml += "</feed>\n"
    return (prefix + folder + "feed.xml", Array(xml.utf8))
  }

  private func entry(_ i: Int, address: (String) -> String, id: (String) -> String) -> String {
    let r = model.catalog.recommendations[i]
    let shown = model.text(i, in: language)
    let page = "recommendations/\(r.id)/"
    let categories = r.themes.map { "<category term=\"\(Self.xmlText($0))\" label=\"\(Self.xmlText(labels.label(.theme, $0)))\"/>\n" }
    let lang = shown.language != language ? " xml:lang=\"\(Self.xmlText(shown.language))\"" : ""
    return """
      <entry\(lang)>
      <title>\(Self.xmlText(shown.text.title))</title>
      <id>\(Self.xmlText(id(page)))</id>
      <updated>\(Self.atomDate(r.date))</updated>
      <link rel="alternate" type="text/html" href="\(Self.xmlText(address(page)))"/>
      <summary>\(Self.xmlText("\(r.document), \(strings["paragraph_short"]) \(r.paragraph) · \(labels.label(.body, r.body))"))</summary>
      <content type="html">\(Self.xmlText(shown.text.html.rawValue))</content>
      \(categories.joined())</entry>

      """
  }

  /// The folder, members and name (nil for the whole site) of feed `n`.
  private func feedSource(_ n: Int) -> (folder: String, members: [Int], name: String?) {
    if n == 0 { return ("", Array(model.catalog.recommendations.indices), nil) }
    var k = n - 1
    for taxonomy in Self.feedTaxonomies {
      let terms = model.catalog.terms(taxonomy)
      if k < terms.count { return (terms[k].path, terms[k].members, labels.label(taxonomy, terms[k].key)) }
      k -= terms.count
    }
    preconditionFailure("no feed \(n)")
  }

  /// The feed a term page links in its head, or false.
  func feedLink(_ taxonomy: Taxonomy, _ group: TermGroup, root: String) -> TemplateValue {
    guard model.config.exports.has(.feeds), Self.feedTaxonomies.contains(taxonomy) else { return false }
    return .text(root + group.path + "feed.xml")
  }

  static func atomDate(_ date: String) -> String { date + "T00:00:00Z" }

  /// Text escaped for XML, without the characters XML 1.0 does not allow (C0 controls but tab and line breaks).
  static func xmlText(_ text: String) -> String {
    let allowed = text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    let clean = allowed ? text : String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    return HTML.escape(clean)
  }
}
