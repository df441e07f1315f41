import Foundation
import SiteCore
import SiteSearch

/// A page ready to render: where it goes, which template, and the values the template reads.
public struct PageContext {
  public var path: String
  public var template: PageTemplate
  public var values: [TemplateKey: TemplateValue]

  /// The output file: `index.html` inside a page's folder, or the file itself (`404.html`).
  public var file: String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }
}

/// Builds the view values of every page kind from the site model; one instance serves all threads.
public struct PageContextBuilder: Sendable {
  public let model: SiteModel
  public let strings: UIStrings
  /// The language of the pages this builder makes, and the folder of its tree (`""` or `fr/`).
  public let language: String
  public let prefix: String
  let labels: TermLabels
  let stringValues: TemplateValue
  /// Every edition's interface text, for the 404 page, which offers each edition in its language.
  let editions: [String: UIStrings]

  /// Every recommendation's list entry, when made up front (`listing(threads:)`; else each list
  /// makes its own).
  private(set) var listEntries: [ListEntry]
  /// The documents hub's orders, made when a page of it is first rendered; one instance serves
  /// every language's builder (`perLanguage`), since the orders do not depend on the language.
  let documentOrders: DocumentOrders

  /// - Parameters:
  ///   - language: one of the site's languages; defaults to its first.
  ///   - editions: every edition's interface text, for the 404 page.
  public init(model: SiteModel, strings: UIStrings, language: String? = nil, editions: [String: UIStrings] = [:]) {
    self.init(model: model, strings: strings, language: language, editions: editions, documentOrders: DocumentOrders())
  }

  init(model: SiteModel, strings: UIStrings, language: String?, editions: [String: UIStrings], documentOrders: DocumentOrders) {
    self.model = model
    self.strings = strings
    self.editions = editions
    self.documentOrders = documentOrders
    self.stringValues = .object(TemplateValue.texts(strings.values))
    self.language = language ?? model.config.language
    self.prefix = LanguageTree.prefix(of: self.language, in: model.config)
    self.labels = TermLabels(vocabulary: model.vocabulary, strings: strings, language: self.language, catalog: model.catalog)
    self.sharedLinks = [:]
    self.listEntries = []
    var shared: [String: SharedLinks] = [:]
    for depth in 0...Self.sharedLinkDepths {
      let root = base(String(repeating: "x/", count: depth))
      shared[root] = sharedLinks(root)
    }
    self.sharedLinks = shared
  }

  /// One builder per site language, in the order of `languages`, with the interface text of
  /// `strings` (`fallback` for a language it lacks) and every edition's text for the 404 page;
  /// made once for a whole build, whose stages share them.
  public static func perLanguage(model: SiteModel, strings: [String: UIStrings], fallback: UIStrings) -> [PageContextBuilder] {
    let orders = DocumentOrders()
    return model.config.languages.map { language in
      PageContextBuilder(model: model, strings: strings[language] ?? fallback, language: language, editions: strings, documentOrders: orders)
    }
  }

  /// This builder with every recommendation's list entry made up front, on `threads` threads,
  /// for a build that renders every list (without them, each list makes its entries, for a
  /// build of a few pages).
  public func listing(threads: Int) -> PageContextBuilder {
    var made = self
    made.listEntries = parallelMap(Array(model.catalog.recommendations.indices), threads: threads, grain: 256) { listEntry($0) }
    return made
  }

  /// The site-wide links of a page (navigation, footer pages), which depend only on the path to the
  /// site's root and the page's section; made once for pages up to this many folders deep.
  static let sharedLinkDepths = 8
  struct SharedLinks {
    /// By the section whose entry is marked current (nil: none).
    let nav: [String?: TemplateValue]
    let pages: TemplateValue
  }
  private(set) var sharedLinks: [String: SharedLinks]

  func sharedLinks(_ root: String) -> SharedLinks {
    if let made = sharedLinks[root] { return made }
    let sections: [String?] = [nil] + Self.navigationItems.map(\.folder)
    let nav = Dictionary(uniqueKeysWithValues: sections.map { ($0, navigation(root, section: $0)) })
    let pages = TemplateValue.list(model.pages.map {
      [.href: .text(root + "\($0.name)/"), .label: .text($0.version(in: language).version.title)]
    })
    return SharedLinks(nav: nav, pages: pages)
  }

  /// The page of `route` in this builder's language; its `path` includes the language's folder.
  public func context(for route: Route) -> PageContext {
    var page = unprefixedContext(for: route)
    page.path = prefix + page.path
    return page
  }

  /// The prefix from a page's folder to the pages of its language tree: `../../fr/`.
  func base(_ path: String) -> String { root(for: path) + prefix }

  func unprefixedContext(for route: Route) -> PageContext {
    let path = route.path(in: model)
    switch route {
    case .home: return home(path)
    case .recommendation(let i): return recommendation(i, path)
    case .allRecommendations(let page): return allRecommendations(page, path)
    case .hub(let taxonomy): return taxonomy == .sdgGoal ? sdgHub(path) : hub(taxonomy, path)
    case .documents(let order, let page): return documentsHub(order, page, path)
    case .term(let taxonomy, let group, let page): return term(taxonomy, group, page, path)
    case .countryMatrix(let group, let grouping): return countryMatrix(group, grouping, path)
    case .freePage(let i): return freePage(i, path)
    case .followUpHub: return followUpHub(path)
    case .countryFollowUp(let c): return countryFollowUp(c, path)
    case .followUpReport(let c, let n): return followUpReport(c, n, path)
    case .institutionHub: return institutionHub(path)
    case .institution(let n, let page): return institution(n, page, path)
    case .search: return searchPage(path)
    case .downloads: return downloadsPage(path)
    case .notFound: return notFound(path)
    }
  }

  // MARK: - Shared by every page

  /// The values the layout reads; `folder` is the page's folder relative to the site root.
  func layout(_ folder: String, title: String?, crumbs: [(String, String?)], section: String?) -> [TemplateKey: TemplateValue] {
    let assets = root(for: folder)
    let root = base(folder)
    let shared = sharedLinks(root)
    let common: KeyValuePairs<TemplateKey, TemplateValue> = [
      .lang: .text(language), .dir: .text(LanguageFormat.direction(language)), .root: .text(assets),
      .home: .text(root), .languages: languageLinks(folder), .hasLanguages: .flag(model.config.languages.count > 1),
      .alternates: alternates(folder),
      .siteTitle: .text(model.config.title), .t: stringValues,
      .nav: shared.nav[section] ?? navigation(root, section: section), .pages: shared.pages,
      .hasPages: .flag(!model.pages.isEmpty), .hasBreadcrumbs: .flag(!crumbs.isEmpty), .pageTitle: title.templateValue,
      .canonical: false, .pageDescription: false, .feedHref: false,
    ]
    // Room for what the page kinds add, so the table is not grown while they do.
    var values = [TemplateKey: TemplateValue](minimumCapacity: 48)
    for (key, value) in common { values[key] = value }
    if let url = model.config.baseURL, folder != "404.html" { values[.canonical] = .text(url + prefix + folder) }
    if !crumbs.isEmpty {
      let home: (String, String?) = (strings["nav_home"], "")
      values[.breadcrumbs] = .list(([home] + crumbs).map { label, href in
        [.label: .text(label), .href: href.map { root + $0 }.templateValue]
      })
    }
    return values
  }

  /// The 404 page is served at any address, so its links start from the site's absolute path.
  func root(for folder: String) -> String {
    guard folder == "404.html" else { return RelativeURL.root(from: prefix + folder) }
    guard let base = model.config.baseURL, let url = URL(string: base) else { return "/" }
    let path = url.path.isEmpty ? "/" : url.path
    return path.hasSuffix("/") ? path : path + "/"
  }

  /// The main navigation's entries: a folder of the site and the key of its name.
  static let navigationItems: [(folder: String, key: String)] = [
    ("recommendations", "nav_recommendations"), ("countries", "nav_countries"), ("themes", "nav_themes"),
    ("affected-persons", "nav_affected_persons"), ("sdgs", "nav_sdgs"), ("bodies", "nav_bodies"), ("mechanisms", "nav_mechanisms"),
    ("documents", "nav_documents"), ("search", "nav_search"),
  ]

  func navigation(_ root: String, section: String?) -> TemplateValue {
    .list(Self.navigationItems.map { folder, key in
      [.href: .text(root + folder + "/"), .label: .text(strings[key]), .current: .flag(folder == section)]
    })
  }

  func simple(_ template: PageTemplate, _ path: String, title: String, crumb: String?) -> PageContext {
    let values = layout(path, title: title, crumbs: crumb.map { [($0, nil)] } ?? [], section: template == .search ? "search" : nil)
    return PageContext(path: path, template: template, values: values)
  }

  /// "Page not found", with every other edition's home and search offered in that edition's
  /// language: a host serves one 404 page for any address, whatever the reader's language.
  func notFound(_ path: String) -> PageContext {
    var page = simple(.notFound, path, title: strings["not_found_title"], crumb: nil)
    let siteRoot = root(for: path)
    let others = model.config.languages.filter { $0 != language }
    page.values["editions"] = .list(others.map { other in
      let s = editions[other] ?? strings
      let home = siteRoot + LanguageTree.prefix(of: other, in: model.config)
      return .object(TemplateValue.texts([
        "lang": other, "dir": LanguageFormat.direction(other), "name": LanguageTree.endonym(other),
        "title": s["not_found_title"], "home": home, "homeLabel": s["not_found_home"],
        "search": home + "search/", "searchLabel": s["search_label"],
      ]))
    })
    page.values["hasEditions"] = .flag(!others.isEmpty)
    return page
  }

  /// The search page, with its script's interface text and facet names in the page's language.
  func searchPage(_ path: String) -> PageContext {
    var page = simple(.search, path, title: strings["search_heading"], crumb: strings["nav_search"])
    let phrases = [
      "results", "result", "none", "searching", "error", "more", "pages", "active",
      "remove", "clear", "narrow", "suggest", "sort", "relevance", "newest", "oldest", "years", "from", "to", "filters",
    ]
    var texts = Dictionary(uniqueKeysWithValues: phrases.map { ($0, strings.searchPhrase($0)) })
    texts["previous"] = strings["page_previous"]
    texts["next"] = strings["page_next"]
    let fields = FacetField.allCases.map { ($0.rawValue, strings.name(of: $0)) }
    page.values["searchStrings"] = .text(Self.json(texts))
    page.values["searchFields"] = .text(Self.json(Dictionary(uniqueKeysWithValues: fields)))
    return page
  }

  /// A flat JSON object with sorted keys, for a data attribute (the template escapes it).
  static func json(_ values: [String: String]) -> String {
    let data = try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys, .withoutEscapingSlashes])
    return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  func freePage(_ i: Int, _ path: String) -> PageContext {
    let (page, textLanguage) = model.pages[i].version(in: language)
    var values = layout(path, title: page.title, crumbs: [(page.title, nil)], section: nil)
    values["heading"] = .text(page.title)
    values["bodyHtml"] = .html(page.html)
    // A page not written in this language: the original, marked with the language it is in.
    values["textLang"] = (textLanguage != language ? textLanguage : nil).templateValue
    values["textDir"] = .text(LanguageFormat.direction(textLanguage))
    values["languageNote"] = textLanguage == language ? false
      : .text(strings.format("language_note", ["language": languageName(textLanguage)]))
    return PageContext(path: path, template: .page, values: values)
  }

  func count(_ n: Int) -> String {
    n == 1 ? strings["count_one"] : strings.format("count_other", ["count": number(n)])
  }

  func number(_ n: Int) -> String { LanguageFormat.number(n, language) }
}
