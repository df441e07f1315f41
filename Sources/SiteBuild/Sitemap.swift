import SiteCore

/// `sitemap.xml`: every page but 404, with absolute URLs when the site has a base URL.
enum Sitemap {
  static func xml(routes: [Route], model: SiteModel) -> String {
    let base = model.config.baseURL ?? ""
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for route in routes where route != .notFound {
      xml += "<url><loc>\(HTML.escape(base + route.path(in: model)))</loc></url>\n"
    }
    return xml + "</urlset>\n"
  }
}
