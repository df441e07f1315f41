import Foundation
import SiteDefaults
import Testing

@testable import SiteBuild
@testable import SiteCore
@testable import SiteTemplates

@Suite("The default theme")
struct ThemeTests {
  static let templates = SiteFixture.repository.appendingPathComponent("Templates")

  static func templateTexts() -> [String: String] {
    SiteFixture.files(in: templates.path).filter { $0.key.hasSuffix(".mustache") }
      .mapValues { String(decoding: $0, as: UTF8.self) }
  }

  @Test("the theme compiled into hrindex is the one in Templates/, Public/ and Vocabularies/")
  func embeddedCopyIsCurrent() {
    for (folder, embedded) in [("Templates", DefaultFiles.templates), ("Public", DefaultFiles.assets), ("Vocabularies", DefaultFiles.vocabularies)] {
      let onDisk = SiteFixture.files(in: SiteFixture.repository.appendingPathComponent(folder).path)
        .filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        .mapValues { String(decoding: $0, as: UTF8.self) }
      #expect(onDisk == embedded, "\(folder) changed: run scripts/embed-defaults")
    }
  }

  @Test("the theme prints raw markup only for HTML values: every name bound to text comes out escaped, raw tags included")
  func rawOutputOnlyForHTML() throws {
    let texts = Self.templateTexts()
    let renderer = try TemplateRenderer(templates: Dictionary(uniqueKeysWithValues: texts.map {
      (String($0.key.dropLast(".mustache".count)), (path: $0.key, text: $0.value))
    }))
    let probe = "<i>probe</i>"
    let names = Set(texts.values.flatMap { $0.matches(of: #/\{\{[{&#^]?\s*([A-Za-z][A-Za-z0-9_]*)\s*\}/#).map { String($0.1) } })
    let rawNames = Set(texts.values.flatMap { $0.matches(of: #/\{\{(?:\{|&)\s*([A-Za-z][A-Za-z0-9_]*)\s*\}/#).map { String($0.1) } })
    #expect(!rawNames.isEmpty)
    let asText = TemplateValue.object(Dictionary(uniqueKeysWithValues: names.map { (TemplateKey($0), TemplateValue.text(probe)) }))
    var asHTML = Dictionary(uniqueKeysWithValues: names.map { (TemplateKey($0), TemplateValue.text(probe)) })
    for name in rawNames { asHTML[TemplateKey(name)] = .html(HTML(trusted: probe)) }
    var rawSeen = 0
    for template in renderer.names.sorted() where !template.hasPrefix("partials/") {
      let escaped = renderer.render(template, asText)
      #expect(!escaped.contains(probe), "\(template) prints text unescaped")
      #expect(escaped.contains(HTML.escape(probe)), "\(template) prints no probe at all")
      rawSeen += renderer.render(template, .object(asHTML)).components(separatedBy: probe).count - 1
    }
    #expect(rawSeen >= rawNames.count, "the HTML values bound to the raw tags' names print raw")
  }

  @Test("every strings file has every key the templates and HRIndex use, and no other")
  func stringsAreComplete() throws {
    let stringsFolder = Self.templates.appendingPathComponent("strings").path
    let files = try FileManager.default.contentsOfDirectory(atPath: stringsFolder).filter { $0.hasSuffix(".yml") }
    #expect(files.contains("en.yml"))
    let english = try Self.keys(stringsFolder + "/en.yml")
    let used = Self.usedKeys()
    let templateKeys = Set(Self.templateTexts().values.flatMap { $0.matches(of: #/\{\{[#^\/]?t\.([a-z_\-]+)/#).map { String($0.1) } })
    #expect(templateKeys.subtracting(english).sorted() == [], "keys the templates use but en.yml lacks")
    #expect(english.subtracting(used).sorted() == [], "keys of en.yml that nothing uses")
    for file in files where file != "en.yml" {
      #expect(try Self.keys(stringsFolder + "/" + file) == english, "\(file) has other keys than en.yml")
    }
  }

  static func keys(_ path: String) throws -> Set<String> {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return Set(text.split(separator: "\n").compactMap { line -> String? in
      guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
      return String(line[..<colon])
    })
  }

  /// `{{t.key}}` in templates, any string literal in HRIndex's sources, and keys built from a
  /// prefix and a value of a closed set.
  static func usedKeys() -> Set<String> {
    var keys: Set<String> = []
    for text in templateTexts().values {
      for match in text.matches(of: #/\{\{[#^\/]?t\.([a-z_\-]+)/#) { keys.insert(String(match.1)) }
    }
    let sources = SiteFixture.repository.appendingPathComponent("Sources")
    for (path, data) in SiteFixture.files(in: sources.path) where path.hasSuffix(".swift") && !path.contains("generated") {
      let text = String(decoding: data, as: UTF8.self)
      for match in text.matches(of: #/"([a-z][a-z_\-]*)"/#) { keys.insert(String(match.1)) }
    }
    // Keys built from a prefix and a value of a closed set.
    for m in Mechanism.allCases { keys.insert("mechanism_\(m.rawValue)") }
    for m in Mechanism.allCases { keys.insert("document_type_\(m.rawValue)") }
    for order in DocumentOrder.allCases { keys.insert("documents_by_\(order.rawValue)") }
    for r in UPRResponse.allCases { keys.insert("response_\(r.rawValue)") }
    for k in RecommendationKind.allCases { keys.insert("type_\(k.rawValue)") }
    for s in FollowUpStatus.allCases { keys.insert("status_\(s.rawValue)") }
    for t in InstitutionType.allCases { keys.insert("institution_type_\(t.rawValue)") }
    for t in Taxonomy.allCases where t != .sdgTarget { keys.insert("hub_\(t.rawValue)") }
    for t in [Taxonomy.country, .theme, .body, .sdgGoal, .affectedPerson, .mechanism, .recommendingState] { keys.insert("summary_by_\(t.rawValue)") }
    for language in ["en", "fr", "es", "ru", "zh", "ar"] { keys.insert("language_\(language)") }
    for phrase in [
      "results", "result", "none", "searching", "error", "more", "pages", "active",
      "remove", "clear", "narrow", "suggest", "sort", "relevance", "newest", "oldest", "years", "from", "to", "filters",
    ] {
      keys.insert("search_\(phrase)")
    }
    return keys
  }
}
