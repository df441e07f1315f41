/// A recommendation's text as the pages show it.
public struct RenderedText: Sendable {
  public let title: String
  public var html: HTML
  public let plainText: String
  /// The Markdown it was rendered from, kept only when the build writes the API (else empty).
  public var markdown: String
  /// Whether the text opens with its title (`Headline.opens`), read once when the text is made:
  /// every edition's page of the recommendation asks.
  public let opensWithTitle: Bool
  public init(title: String, html: HTML, plainText: String, markdown: String = "") {
    self.title = title
    self.html = html
    self.plainText = plainText
    self.markdown = markdown
    opensWithTitle = Headline.opens(plainText, with: title)
  }
}

/// A file of `downloads/`: its path below the site root, its format (`csv`, `xlsx`, `jsonl`, `sqlite`) and size.
public struct DownloadFile: Sendable, Equatable {
  public var path: String
  public var format: String
  public var bytes: Int
  public init(path: String, format: String, bytes: Int) {
    self.path = path
    self.format = format
    self.bytes = bytes
  }
}

/// A free page from `Content/pages/`: written to `<name>/index.html` in every language tree,
/// from `<name>.<language>.md` where the site has that language's version, else from the original.
public struct FreePage: Sendable {
  public var name: String
  public var title: String
  public var html: HTML
  /// The language the original (`<name>.md`) is written in: the site's language.
  public var language: String
  /// The versions in other languages, by language code.
  public var translations: [String: Version]

  public struct Version: Sendable {
    public var title: String
    public var html: HTML
    public init(title: String, html: HTML) {
      self.title = title
      self.html = html
    }
  }

  public init(name: String, title: String, html: HTML, language: String = "en", translations: [String: Version] = [:]) {
    self.name = name
    self.title = title
    self.html = html
    self.language = language
    self.translations = translations
  }

  /// The page as a reader of `language` sees it: the version in that language, else the
  /// original, with the language it is written in.
  public func version(in language: String) -> (version: Version, language: String) {
    if language != self.language, let translated = translations[language] { return (translated, language) }
    return (Version(title: title, html: html), self.language)
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
  /// The whole-dataset downloads the build wrote, with their sizes, for the downloads page;
  /// filled in once they are written.
  public var downloads: [DownloadFile] = []
  /// The recommendations with national follow-up, grouped for the follow-up pages.
  public let followUp: FollowUpIndex

  public init(config: SiteConfig, vocabulary: Vocabulary, catalog: Catalog, texts: [RenderedText],
              translations: [[String: RenderedText]]? = nil, pages: [FreePage]) {
    self.followUp = FollowUpIndex(catalog: catalog, vocabulary: vocabulary, settings: config.followUp)
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

/// What a country's matrix clusters its recommendations by: a page each, at
/// `countries/<code>/matrix/` (theme) and `countries/<code>/matrix/<grouping>/`.
public enum MatrixGrouping: String, CaseIterable, Sendable {
  case theme = "themes"
  case sdgGoal = "sdgs"
  case affectedPerson = "affected-persons"
  case body = "bodies"
  case mechanism = "mechanisms"
  case recommendingState = "recommending-states"
  case cluster = "follow-up-clusters"
}

/// Every page of the site, named by what it shows; `path` is its folder (or file) in the output.
public enum Route: Sendable, Hashable {
  case home
  case recommendation(Int)
  case allRecommendations(page: Int)
  case hub(Taxonomy)
  /// The documents hub, one page of it in one order (`documents/`, `documents/by-symbol/page/2/`).
  case documents(DocumentOrder, page: Int)
  case term(Taxonomy, group: Int, page: Int)
  /// A country's recommendations clustered by theme (`countries/ecu/matrix/`), beside its CSV.
  case countryMatrix(group: Int, grouping: MatrixGrouping = .theme)
  case freePage(Int)
  /// `follow-up/`: status by country, overdue actions, latest updates.
  case followUpHub
  /// `countries/ecu/follow-up/`, for the country at this position of `FollowUpIndex.countries`.
  case countryFollowUp(Int)
  /// `countries/ecu/follow-up/upr-cycle-3/`: a printable progress report.
  case followUpReport(country: Int, report: Int)
  /// `institutions/` and `institutions/<slug>/` (a position of `FollowUpIndex.institutions`), one
  /// page of its list (`institutions/<slug>/page/2/`).
  case institutionHub
  case institution(Int, page: Int)
  case search
  /// The list of the whole-dataset downloads (`downloads/`), when site.yml's `exports:` leaves any on.
  case downloads
  case notFound

  /// The folder of a page relative to the site root (`countries/ecu/page/2/`), or the file for 404.
  public func path(in model: SiteModel) -> String {
    switch self {
    case .home: return ""
    case .recommendation(let i): return "recommendations/\(model.catalog.recommendations[i].id)/"
    case .allRecommendations(let page): return Pagination.path("recommendations/", page: page)
    case .hub(let t): return "\(t == .sdgTarget ? Taxonomy.sdgGoal.rawValue : t.rawValue)/"
    case .documents(let order, let page): return Pagination.path(order.folder, page: page)
    case .term(let t, let g, let page): return Pagination.path(model.catalog.terms(t)[g].path, page: page)
    case .countryMatrix(let g, let grouping):
      return model.catalog.terms(.country)[g].path + "matrix/" + (grouping == .theme ? "" : grouping.rawValue + "/")
    case .freePage(let i): return "\(model.pages[i].name)/"
    case .followUpHub: return "follow-up/"
    case .countryFollowUp(let c): return model.catalog.terms(.country)[model.followUp.countries[c].group].path + "follow-up/"
    case .followUpReport(let c, let n):
      let country = model.followUp.countries[c]
      return model.catalog.terms(.country)[country.group].path + "follow-up/\(country.reports[n].key)/"
    case .institutionHub: return "institutions/"
    case .institution(let n, let page): return Pagination.path("institutions/\(model.followUp.institutions[n].slug)/", page: page)
    case .search: return "search/"
    case .downloads: return "downloads/"
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
      if t == .document {
        let pages = Pagination(count: model.catalog.terms(t).count, pageSize: size).pageCount
        for order in DocumentOrder.allCases { routes += (1...pages).map { .documents(order, page: $0) } }
      } else if t != .sdgTarget && !(t.isUPRView && model.catalog.terms(t).isEmpty) {
        routes.append(.hub(t))
      }
      for (g, group) in model.catalog.terms(t).enumerated() {
        let pages = Pagination(count: group.members.count, pageSize: size).pageCount
        routes += (1...pages).map { .term(t, group: g, page: $0) }
      }
      if t == .country {
        routes += model.catalog.terms(t).indices.flatMap { g in MatrixGrouping.allCases.map { .countryMatrix(group: g, grouping: $0) } }
      }
    }
    routes += model.pages.indices.map { .freePage($0) }
    if model.config.exports.hasDownloads { routes.append(.downloads) }
    if !model.followUp.tracked.isEmpty {
      routes.append(.followUpHub)
      for (c, country) in model.followUp.countries.enumerated() {
        routes.append(.countryFollowUp(c))
        routes += country.reports.indices.map { .followUpReport(country: c, report: $0) }
      }
      routes.append(.institutionHub)
      for (n, institution) in model.followUp.institutions.enumerated() {
        routes += (1...Pagination(count: institution.members.count, pageSize: size).pageCount).map { .institution(n, page: $0) }
      }
    }
    return routes
  }

  /// Folder names free pages may not take: the generator writes its own pages there.
  public static let reservedNames: Set<String> = Set(Taxonomy.allCases.map(\.rawValue)).union([
    "recommendations", "search", "assets", "page", "follow-up", "institutions", "sitemap.xml", "404.html", "index.html", "downloads", "api",
  ])
}

/// The orders of the documents hub, each a list of pages of its own.
public enum DocumentOrder: String, Sendable, CaseIterable {
  /// Newest first (the hub's first page).
  case date
  /// By symbol, numbers in a symbol read as numbers (A/HRC/9/… before A/HRC/36/…).
  case symbol

  /// The folder of the order's first page.
  public var folder: String { self == .date ? "documents/" : "documents/by-symbol/" }
}
