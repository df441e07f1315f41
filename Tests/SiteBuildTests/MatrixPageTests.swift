import Foundation
import SiteMarkdown
import Testing
import Yams

@testable import SiteBuild

/// The country matrix pages of the six-language sample site, read back and compared with the
/// content files read here on their own (Yams, the files' names), each text rendered again
/// through the project's Markdown stage.
@Suite("The country matrix pages")
struct MatrixPageTests {
  /// A recommendation as its files say it.
  struct Record {
    var id: String
    var fields: [String: Any]
    var language: String
    /// Markdown by language: the original under `language`, and each translation.
    var texts: [String: String]
    func text(_ key: String) -> String? { fields[key] as? String }
    func list(_ key: String) -> [String] { (fields[key] as? [Any])?.compactMap { $0 as? String } ?? [] }
  }

  static let repositoryContent = SiteFixture.repository.appendingPathComponent("Content").path

  /// `A/HRC/36/4-118.2` → `a-hrc-36-4-118-2`, as the content format derives ids (and body slugs).
  static func slug(_ text: String) -> String {
    let folded = text.applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? text.lowercased()
    return folded.replacingOccurrences(of: "[^a-z0-9]+", with: "-", options: .regularExpression)
      .trimmingCharacters(in: CharacterSet(charactersIn: "-"))
  }

  static func split(_ file: String) -> (front: String, body: String) {
    guard file.hasPrefix("---\n"), let end = file.range(of: "\n---\n", range: file.index(file.startIndex, offsetBy: 3)..<file.endIndex)
    else { return ("", file) }
    return (String(file[file.index(file.startIndex, offsetBy: 4)..<end.lowerBound]), String(file[end.upperBound...]))
  }

  static func records(_ content: String, languages: [String], siteLanguage: String) throws -> [String: Record] {
    var found: [String: Record] = [:]
    let root = URL(fileURLWithPath: content + "/recommendations")
    let files = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".md") }.sorted()
    for file in files {
      let name = (file as NSString).lastPathComponent.dropLast(3)
      if name.contains(".") { continue }  // a translation, read with its original
      let (front, body) = split(try String(contentsOfFile: root.path + "/" + file, encoding: .utf8))
      let fields = try #require(try Yams.load(yaml: front, .basic) as? [String: Any])
      let id = (fields["id"] as? String) ?? slug("\(fields["document"]!)-\(fields["paragraph"]!)")
      let language = (fields["language"] as? String) ?? siteLanguage
      var texts = [language: body]
      for other in languages {
        let path = root.path + "/" + (file as NSString).deletingPathExtension + ".\(other).md"
        if let translation = try? String(contentsOfFile: path, encoding: .utf8) { texts[other] = split(translation).body }
      }
      found[id] = Record(id: id, fields: fields, language: language, texts: texts)
    }
    return found
  }

  /// A row of a matrix table: the recommendation it links, its filter attributes, its text cell.
  struct Row {
    var id: String
    var attributes: [String: String]
    var lang: String?
    var dir: String?
    var html: String
  }

  static func rows(_ page: String) throws -> [Row] {
    let pattern = try NSRegularExpression(pattern:
      #"<tr((?: data-[a-z]+="[^"]*")*)><th scope="row"><a href="[^"]*recommendations/([^/"]+)/">.*?</a></th><td class="rec-text"(?: lang="([^"]+)" dir="([^"]+)")?>(.*?)</td><td>"#,
      options: [.dotMatchesLineSeparators])
    let text = page as NSString
    return pattern.matches(in: page, range: NSRange(location: 0, length: text.length)).map { m in
      let group = { (i: Int) in m.range(at: i).location == NSNotFound ? nil : text.substring(with: m.range(at: i)) }
      var attributes: [String: String] = [:]
      for pair in (group(1) ?? "").matches(of: /data-([a-z]+)="([^"]*)"/) { attributes[String(pair.1)] = String(pair.2) }
      return Row(id: group(2)!, attributes: attributes, lang: group(3), dir: group(4), html: group(5)!)
    }
  }

  /// The keys a record is grouped under in each grouping's page (`matrix/<folder>`), deduplicated.
  static func keys(_ r: Record, _ folder: String) -> [String] {
    switch folder {
    case "": return r.list("themes")
    case "sdgs/": return r.list("sdgs").map { String($0.prefix { $0 != "." }) }
    case "affected-persons/": return r.list("affected_persons")
    case "bodies/": return [r.text("body")!]
    case "mechanisms/": return [r.text("mechanism")!]
    case "recommending-states/": return r.list("recommending_states")
    default: return ((r.fields["follow_up"] as? [String: Any])?["cluster"] as? String).map { [$0] } ?? []
    }
  }

  static let folders = ["", "sdgs/", "affected-persons/", "bodies/", "mechanisms/", "recommending-states/", "follow-up-clusters/"]

  static func sample() throws -> (output: String, records: [String: Record], languages: [String]) {
    let site = try #require(try Yams.load(yaml: String(contentsOfFile: repositoryContent + "/site.yml", encoding: .utf8)) as? [String: Any])
    let languages = try #require(site["languages"] as? [String])
    let (output, report) = SiteFixture.build(content: repositoryContent)
    #expect(report.succeeded)
    return (output, try records(repositoryContent, languages: languages, siteLanguage: site["language"] as? String ?? "en"), languages)
  }

  @Test("each row shows its recommendation's full text, rendered from its Markdown, in the edition's language where translated, every grouping, every edition")
  func fullTexts() throws {
    let (output, records, languages) = try Self.sample()
    let countries = Dictionary(grouping: records.values) { $0.text("country")!.lowercased() }
    var checked = 0
    for language in languages {
      let prefix = language == languages[0] ? "" : language + "/"
      for (country, members) in countries {
        for folder in Self.folders {
          let page = try String(contentsOfFile: "\(output)/\(prefix)countries/\(country)/matrix/\(folder)index.html", encoding: .utf8)
          let rows = try Self.rows(page)
          // One row per recommendation and term of the grouping (one under "none" without any).
          #expect(rows.count == members.reduce(0) { $0 + max(1, Set(Self.keys($1, folder)).count) }, "\(prefix)\(country) \(folder)")
          for row in rows {
            let r = try #require(records[row.id], "\(row.id) is no recommendation of the content")
            let shown = r.texts[language] != nil ? language : r.language
            let expected = CMarkRenderer.render(r.texts[shown]!, headingShift: 1).html.rawValue
            #expect(row.html == expected, "\(prefix)\(country)/\(folder): \(row.id)")
            #expect(row.lang == (shown == language ? nil : shown), "\(prefix)\(country)/\(folder): \(row.id)")
            #expect(row.dir == (shown == language ? nil : shown == "ar" ? "rtl" : "ltr"))
            checked += 1
          }
        }
      }
    }
    #expect(checked > 1_000)
  }

  @Test("each row carries its cycle, body and response; every filter link has its note, one per value of the country, and a rule in the stylesheet")
  func filters() throws {
    let (output, records, languages) = try Self.sample()
    let css = try String(contentsOfFile: output + "/assets/matrix-filters.css", encoding: .utf8)
    var rules: [String: String] = [:]  // note id → the attribute selector its rows must match
    for m in css.matches(of: /#(filter-[a-z0-9-]+):target ~ \.matrix-section tbody tr:not\(\[([a-z-]+="[a-z0-9-]+")\]\)/) {
      rules[String(m.1)] = String(m.2)
    }
    let countries = Dictionary(grouping: records.values) { $0.text("country")!.lowercased() }
    for language in languages {
      let prefix = language == languages[0] ? "" : language + "/"
      for (country, members) in countries {
        let file = "\(output)/\(prefix)countries/\(country)/matrix/index.html"
        let page = try String(contentsOfFile: file, encoding: .utf8)
        // The page links the site's one generated stylesheet, which holds the rules.
        let sheet = try #require(page.firstMatch(of: /<link rel="stylesheet" href="([^"]*matrix-filters\.css)">/)).1
        #expect(URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(String(sheet)).standardizedFileURL.path
          == URL(fileURLWithPath: output + "/assets/matrix-filters.css").standardizedFileURL.path, "\(prefix)\(country)")
        for row in try Self.rows(page) {
          let r = try #require(records[row.id])
          var expected = ["body": Self.slug(r.text("body")!)]
          expected["cycle"] = r.text("cycle")
          expected["response"] = r.text("response")
          #expect(row.attributes == expected, "\(prefix)\(country): \(row.id)")
        }
        let filters = try #require(page.components(separatedBy: "<div class=\"matrix-filters\" id=\"matrix-filters\">").dropFirst().first?
          .components(separatedBy: "</div>").first)
        let links = Set(filters.matches(of: /href="#([^"]+)"/).map { String($0.1) })
        var values = Set<String>()
        for r in members {
          values.insert("filter-body-" + Self.slug(r.text("body")!))
          if let cycle = r.text("cycle") { values.insert("filter-cycle-" + cycle) }
          if let response = r.text("response") { values.insert("filter-response-" + response) }
        }
        #expect(links == values, "\(prefix)\(country)")
        let ids = Set(page.matches(of: /<p class="matrix-filter-note" id="([^"]+)"/).map { String($0.1) })
        #expect(ids == values, "\(prefix)\(country): a note for each filter")
        for id in values {
          let parts = id.split(separator: "-", maxSplits: 2)
          #expect(rules[id] == "data-\(parts[1])=\"\(parts[2])\"", "\(id) has no rule hiding the other rows")
        }
        // "Show all" leads back to the filters, an element of the page.
        #expect(page.contains("<a href=\"#matrix-filters\">") && page.contains("id=\"matrix-filters\""))
      }
    }
  }
}
