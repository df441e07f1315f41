/// A recommendation's text as the pages show it.
public struct RenderedText: Sendable {
  public var title: String
  public var html: HTML
  public var plainText: String
  public init(title: String, html: HTML, plainText: String) {
    self.title = title
    self.html = html
    self.plainText = plainText
  }
}

/// A free page from `Content/pages/`: written to `<name>/index.html`.
public struct FreePage: Sendable {
  public var name: String
  public var title: String
  public var html: HTML
  public init(name: String, title: String, html: HTML) {
    self.name = name
    self.title = title
    self.html = html
  }
}

/// Everything the pages are made from, after loading, decoding, rendering Markdown and cataloguing.
public struct SiteModel: Sendable {
  public var config: SiteConfig
  public var vocabulary: Vocabulary
  public var catalog: Catalog
  /// Parallel to `catalog.recommendations`.
  public var texts: [RenderedText]
  /// Parallel to `catalog.recommendations`: the translations of each text, by language.
  public var translations: [[String: RenderedText]]
  public var pages: [FreePage]

  public init(config: SiteConfig, vocabulary: Vocabulary, catalog: Catalog, texts: [RenderedText],
              translations: [[String: RenderedText]]? = nil, pages: [FreePage]) {
    self.config = config
    self.vocabulary = vocabulary
    self.catalog = catalog
    self.texts = texts
    self.translations = translations ?? Array(repeating: [:], count: texts.count)
    self.pages = pages
  }

  /// The text of recommendation `i` as a page in `language` shows it: its translation when it
  /// has one, else the original; `isTranslation` tells which.
  public func text(_ i: Int, in language: String) -> (text: RenderedText, language: String, isTranslation: Bool) {
    if let translated = translations[i][language] { return (translated, language, true) }
    return (texts[i], catalog.recommendations[i].language, false)
  }
}

/// Every page of the site, named by what it shows; `path` is its folder (or file) in the output.
public enum Route: Sendable, Hashable {
  case home
  case recommendation(Int)
  case allRecommendations(page: Int)
  case hub(Taxonomy)
  case term(Taxonomy, group: Int, page: Int)
  /// A country's recommendations clustered by theme (`countries/ecu/matrix/`), beside its CSV.
  case countryMatrix(group: Int)
  case freePage(Int)
  case search
  case notFound

  /// The folder of a page relative to the site root (`countries/ecu/page/2/`), or the file for 404.
  public func path(in model: SiteModel) -> String {
    switch self {
    case .home: return ""
    case .recommendation(let i): return "recommendations/\(model.catalog.recommendations[i].id)/"
    case .allRecommendations(let page): return Pagination.path("recommendations/", page: page)
    case .hub(let t): return "\(t == .sdgTarget ? Taxonomy.sdgGoal.rawValue : t.rawValue)/"
    case .term(let t, let g, let page): return Pagination.path(model.catalog.terms(t)[g].path, page: page)
    case .countryMatrix(let g): return model.catalog.terms(.country)[g].path + "matrix/"
    case .freePage(let i): return "\(model.pages[i].name)/"
    case .search: return "search/"
    case .notFound: return "404.html"
    }
  }

  /// Every route of the site in a stable order.
  public static func all(in model: SiteModel) -> [Route] {
    let size = model.config.pageSize
    var routes: [Route] = [.home, .search, .notFound]
    routes += model.catalog.recommendations.indices.map { .recommendation($0) }
    routes += (1...Pagination(count: model.catalog.recommendations.count, pageSize: size).pageCount).map { .allRecommendations(page: $0) }
    for t in Taxonomy.allCases {
      // A site without UPR recommendations has no (empty) hubs of recommending States, cycles or sessions.
      if t != .sdgTarget && !(t.isUPRView && model.catalog.terms(t).isEmpty) { routes.append(.hub(t)) }
      for (g, group) in model.catalog.terms(t).enumerated() {
        let pages = Pagination(count: group.members.count, pageSize: size).pageCount
        routes += (1...pages).map { .term(t, group: g, page: $0) }
      }
      if t == .country { routes += model.catalog.terms(t).indices.map { .countryMatrix(group: $0) } }
    }
    routes += model.pages.indices.map { .freePage($0) }
    return routes
  }

  /// Folder names free pages may not take: the generator writes its own pages there.
  public static let reservedNames: Set<String> = Set(Taxonomy.allCases.map(\.rawValue)).union([
    "recommendations", "search", "assets", "page", "sitemap.xml", "404.html", "index.html",
  ])
}
