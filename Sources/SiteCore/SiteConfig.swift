
/// Settings from `Content/site.yml`.
public struct SiteConfig: Sendable {
  public var title: String
  /// Absolute URL of the site's root, ending in `/`; nil when neither site.yml nor `--base-url` gives one.
  public var baseURL: String?
  public var language: String
  /// Every language the site is published in; the first is the default, at the site's root,
  /// and each other one gets its own tree (`fr/…`). Defaults to `[language]`.
  public var languages: [String]
  public var pageSize: Int
  /// The data exports the build writes (`exports:`); all by default.
  public var exports = ExportSettings()
  /// `follow_up:` settings: the reference date for "overdue" and a notice shown on follow-up pages.
  public var followUp = FollowUpSettings()

  public init(title: String, baseURL: String? = nil, language: String = "en", pageSize: Int = 50) {
    self.title = title
    self.baseURL = baseURL.map(SiteConfig.normalized)
    self.language = language
    self.languages = [language]
    self.pageSize = pageSize
  }

  static func normalized(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }

  /// The settings, or nil when any is in error; warnings (unknown settings) come either way.
  public static func decode(path: String, text: String) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
    let reader = YAMLReader(path: path, lineOffset: 0)
    var d: [Diagnostic] = []
    let root: FieldNode?
    switch reader.parse(text) {
    case .failure(let problem): return (nil, [problem])
    case .success(let node): root = node
    }
    guard case let .mapping(mapping)? = root?.value else {
      return (nil, [.error(at: reader.location(root), "site.yml must be a mapping such as title: …")])
    }
    let fields = Dictionary(reader.entries(of: mapping, into: &d).map { ($0.key, $0.node) }) { a, _ in a }
    guard let titleNode = fields["title"] else {
      return (nil, d + [.error(at: reader.location(root), field: "title", "missing required field \"title\"")])
    }
    let title = reader.string(titleNode, field: "title", into: &d) ?? ""
    var config = SiteConfig(title: title)
    if let node = fields["base_url"], let url = reader.string(node, field: "base_url", into: &d) {
      if url.hasPrefix("https://") || url.hasPrefix("http://") {
        config.baseURL = normalized(url)
      } else {
        d.append(.error(at: reader.location(node), field: "base_url", "\"\(url)\" is not an absolute http(s) URL",
          notes: ["such as https://example.org/uhri/"]))
      }
    }
    if let node = fields["language"], let language = reader.string(node, field: "language", into: &d) {
      config.language = language
    }
    if let node = fields["languages"] {
      let list = reader.list(node, field: "languages", into: &d) ?? []
      for (code, item) in list where !LanguageCode.isValid(code) {
        d.append(.error(at: reader.location(item), field: "languages", "\"\(code)\" is not a language code",
          notes: ["expected BCP 47 codes such as [en, fr, es, ru, zh, ar]"]))
      }
      var seen: Set<String> = []
      let codes = list.map(\.0).filter { seen.insert($0).inserted }
      if !codes.isEmpty {
        config.languages = codes
        if fields["language"] == nil { config.language = codes[0] }
        if config.language != codes[0] {
          d.append(.error(at: reader.location(node), field: "languages",
            "the first language (\(codes[0])) must be the site's language (\(config.language))",
            notes: ["the first language is the default one, published at the site's root"]))
        }
      }
    }
    if let node = fields["page_size"], let text = reader.string(node, field: "page_size", into: &d) {
      if let size = Int(text), size >= 1, size <= 10_000 { config.pageSize = size } else {
        d.append(.error(at: reader.location(node), field: "page_size", "\"\(text)\" is not a page size",
          notes: ["expected a whole number from 1 to 10000"]))
      }
    }
    if let node = fields["exports"] { config.exports = ExportSettings.decode(node, reader, into: &d) }
    if let node = fields["follow_up"] { config.followUp = FollowUpSettings.decode(node, reader, &d) }
    for key in fields.keys.sorted() where !["title", "base_url", "language", "page_size", "languages", "exports", "follow_up"].contains(key) {
      d.append(.warning(at: reader.location(fields[key]), field: key, "unknown setting \"\(key)\" is ignored"))
    }
    return (d.errorCount > 0 ? nil : config, d)
  }
}
