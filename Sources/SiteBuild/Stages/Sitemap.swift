import SiteCore
import SiteTemplates

/// Sitemaps: every page but 404, with absolute URLs when the site has a base URL. A site in one
/// language gets `sitemap.xml`; a site in several gets `sitemap-<language>.xml` for each, listed
/// by a sitemap index at `sitemap.xml`.
enum Sitemap {
  static func files(routes: [Route], model: SiteModel) -> [(String, String)] {
    let languages = model.config.languages
    guard languages.count > 1 else { return [("sitemap.xml", xml(routes: routes, model: model, prefix: ""))] }
    let base = model.config.baseURL ?? ""
    var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    var files: [(String, String)] = []
    for language in languages {
      let name = "sitemap-\(language).xml"
      files.append((name, xml(routes: routes, model: model, prefix: LanguageTree.prefix(of: language, in: model.config))))
      index += "<sitemap><loc>\(HTML.escape(base + name))</loc></sitemap>\n"
    }
    return [("sitemap.xml", index + "</sitemapindex>\n")] + files
  }

  static func xml(routes: [Route], model: SiteModel, prefix: String) -> String {
    let base = model.config.baseURL ?? ""
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for route in routes where route != .notFound {
      xml += "<url><loc>\(HTML.escape(base + prefix + route.path(in: model)))</loc></url>\n"
    }
    return xml + "</urlset>\n"
  }
}
