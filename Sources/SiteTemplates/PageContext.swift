import Foundation
import SiteCore

/// A page ready to render: where it goes, which template, and the values the template reads.
public struct PageContext {
  public var path: String
  public var template: String
  public var values: [String: Any]

  /// The output file: `index.html` inside a page's folder, or the file itself (`404.html`).
  public var file: String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }
}

/// Builds the view values of every page kind from the site model; one instance serves all threads.
public struct PageContextBuilder: @unchecked Sendable {
  public let model: SiteModel
  public let strings: UIStrings
  let language: String
  let labels: TermLabels

  public init(model: SiteModel, strings: UIStrings) {
    self.model = model
    self.strings = strings
    self.language = model.config.language
    self.labels = TermLabels(vocabulary: model.vocabulary, strings: strings, language: model.config.language)
  }

  public func context(for route: Route) -> PageContext {
    let path = route.path(in: model)
    switch route {
    case .home: return home(path)
    case .recommendation(let i): return recommendation(i, path)
    case .allRecommendations(let page): return allRecommendations(page, path)
    case .hub(let taxonomy): return taxonomy == .sdgGoal ? sdgHub(path) : hub(taxonomy, path)
    case .term(let taxonomy, let group, let page): return term(taxonomy, group, page, path)
    case .freePage(let i): return freePage(i, path)
    case .search: return simple("search", path, title: strings["search_heading"], crumb: strings["nav_search"])
    case .notFound: return simple("404", path, title: strings["not_found_title"], crumb: nil)
    }
  }

  // MARK: - Shared by every page

  /// The values the layout reads; `folder` is the page's folder relative to the site root.
  func layout(_ folder: String, title: String?, crumbs: [(String, String?)], section: String?) -> [String: Any] {
    let root = root(for: folder)
    var values: [String: Any] = [
      "lang": language, "dir": LanguageFormat.direction(language), "root": root,
      "siteTitle": model.config.title, "t": strings.values,
      "nav": navigation(root, section: section),
      "pages": model.pages.map { ["href": root + "\($0.name)/", "label": $0.title] },
      "hasPages": !model.pages.isEmpty, "hasBreadcrumbs": !crumbs.isEmpty, "pageTitle": title ?? false,
      "canonical": false, "description": false,
    ]
    if let base = model.config.baseURL, folder != "404.html" { values["canonical"] = base + folder }
    if !crumbs.isEmpty {
      let home: (String, String?) = (strings["nav_home"], "")
      values["breadcrumbs"] = ([home] + crumbs).map { label, href -> [String: Any] in
        ["label": label, "href": href.map { root + $0 } ?? false]
      }
    }
    return values
  }

  /// The 404 page is served at any address, so its links start from the site's absolute path.
  func root(for folder: String) -> String {
    guard folder == "404.html" else { return RelativeURL.root(from: folder) }
    guard let base = model.config.baseURL, let url = URL(string: base) else { return "/" }
    let path = url.path.isEmpty ? "/" : url.path
    return path.hasSuffix("/") ? path : path + "/"
  }

  func navigation(_ root: String, section: String?) -> [[String: Any]] {
    let items: [(String, String)] = [
      ("countries", "nav_countries"), ("themes", "nav_themes"), ("affected-persons", "nav_affected_persons"),
      ("sdgs", "nav_sdgs"), ("bodies", "nav_bodies"), ("mechanisms", "nav_mechanisms"),
      ("documents", "nav_documents"), ("search", "nav_search"),
    ]
    return items.map { folder, key in
      ["href": root + folder + "/", "label": strings[key], "current": folder == section]
    }
  }

  func simple(_ template: String, _ path: String, title: String, crumb: String?) -> PageContext {
    let values = layout(path, title: title, crumbs: crumb.map { [($0, nil)] } ?? [], section: template == "search" ? "search" : nil)
    return PageContext(path: path, template: template, values: values)
  }

  func freePage(_ i: Int, _ path: String) -> PageContext {
    let page = model.pages[i]
    var values = layout(path, title: page.title, crumbs: [(page.title, nil)], section: nil)
    values["heading"] = page.title
    values["bodyHtml"] = page.html.rawValue
    return PageContext(path: path, template: "page", values: values)
  }

  func count(_ n: Int) -> String {
    n == 1 ? strings["count_one"] : strings.format("count_other", ["count": number(n)])
  }

  func number(_ n: Int) -> String { LanguageFormat.number(n, language) }
}
