import Foundation
import Testing
import Yams

@testable import SiteBuild

/// The follow-up pages' counts, checked against a brute-force count made straight from the
/// generated files' YAML (read with Yams, not HRIndex's decoder).
@Suite("Follow-up pages against a brute-force count")
struct FollowUpPageTests {
  /// One tracked recommendation as the brute force reads it.
  struct Tracked {
    var id: String
    var country: String
    var themes: [String]
    var status: String
    var overdue: Bool
    var institutions: [String]
    var report: String
  }

  static let statuses = ["not-started", "in-progress", "partially-implemented", "implemented", "none"]

  /// Per status (and "overdue", "total") how many of `records`.
  static func tally(_ records: [Tracked]) -> [String: Int] {
    var counts = Dictionary(uniqueKeysWithValues: (statuses + ["overdue", "total"]).map { ($0, 0) })
    for r in records {
      counts[r.status]! += 1
      counts["total"]! += 1
      if r.overdue { counts["overdue"]! += 1 }
    }
    return counts
  }

  static func slug(_ name: String) -> String {
    var out = ""
    for c in name.lowercased().unicodeScalars {
      if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") { out.unicodeScalars.append(c) } else if !out.isEmpty, !out.hasSuffix("-") { out += "-" }
    }
    return out.hasSuffix("-") ? String(out.dropLast()) : out
  }

  static func text(_ node: Node?) -> String? { node?.scalar?.string }

  /// Every tracked recommendation of the content folder.
  static func bruteForce(_ content: String) throws -> [Tracked] {
    let listed = try Yams.compose(yaml: String(contentsOfFile: content + "/vocabularies/institutions.yml", encoding: .utf8), .basic)
    let known = Set(listed?.sequence?.compactMap { text($0.mapping?["slug"]) } ?? [])
    var raw: [(Node.Mapping, Node.Mapping)] = []
    for (_, data) in SiteFixture.files(in: content + "/recommendations") {
      let file = String(decoding: data, as: UTF8.self)
      let yaml = file.components(separatedBy: "\n---\n")[0].dropFirst(4)
      guard let root = try Yams.compose(yaml: String(yaml), .basic)?.mapping, let f = root["follow_up"]?.mapping else { continue }
      raw.append((root, f))
    }
    let asOf = raw.flatMap { $0.1["updates"]?.sequence?.compactMap { text($0.mapping?["date"]) } ?? [] }.max()!
    return raw.map { root, f in
      let updates = (f["updates"]?.sequence ?? []).compactMap { $0.mapping }.enumerated()
        .sorted { (text($0.1["date"])!, $0.0) < (text($1.1["date"])!, $1.0) }
      let status = updates.last.map { text($0.1["status"])! } ?? text(f["status"]) ?? "none"
      let actions = (f["actions"]?.sequence ?? []).compactMap { $0.mapping }
      let late = actions.contains { text($0["completed"]) == nil && text($0["due"])! < asOf }
      let due = text(f["due"]).map { $0 < asOf && status != "implemented" } ?? false
      var names: [String] = []
      for n in (f["responsible"]?.sequence ?? []) + actions.flatMap({ $0["responsible"]?.sequence ?? [] }) {
        let name = text(n)!
        let page = known.contains(name) ? name : slug(name)
        if !names.contains(page) { names.append(page) }
      }
      let mechanism = text(root["mechanism"])!
      let report = mechanism == "upr" ? "upr-cycle-\(text(root["cycle"])!)" : slug(text(root["body"])!)
      return Tracked(id: text(root["id"])!, country: text(root["country"])!, themes: root["themes"]?.sequence?.compactMap(text) ?? [], status: status,
        overdue: late || due, institutions: names, report: report)
    }
  }

  /// The rows of the status table `id` of a page: row key → status → count.
  static func table(_ html: String, _ id: String) -> [String: [String: Int]] {
    guard let start = html.range(of: "<table class=\"status\" id=\"\(id)\">"), let end = html[start.upperBound...].range(of: "</table>") else { return [:] }
    let body = String(html[start.upperBound..<end.lowerBound])
    var rows: [String: [String: Int]] = [:]
    for row in body.matches(of: /<tr data-key="([^"]*)">(.*?)<\/tr>/) {
      var cells: [String: Int] = [:]
      for cell in String(row.2).matches(of: /<td data-status="([a-z-]+)">([^<]*)<\/td>/) {
        cells[String(cell.1)] = Int(cell.2.filter(\.isNumber))
      }
      rows[String(row.1)] = cells
    }
    return rows
  }

  static func page(_ output: String, _ path: String) -> String {
    (try? String(contentsOfFile: output + "/" + path + "index.html", encoding: .utf8)) ?? ""
  }

  @Test("hub, country, institution and report pages count what the files hold")
  func counts() throws {
    let folder = SiteFixture.temporaryFolder("follow-up-counts")
    try SiteFixture.generate(seed: 11, count: 1_500, into: folder + "/Content")
    let (output, report) = SiteFixture.build(content: folder + "/Content")
    try #require(report.diagnostics.isEmpty, "\(report.diagnostics.prefix(3))")
    let tracked = try Self.bruteForce(folder + "/Content")
    try #require(tracked.count > 300)
    let byCountry = Dictionary(grouping: tracked, by: \.country)

    let hub = Self.page(output, "follow-up/")
    #expect(Self.table(hub, "status-total")["all"] == Self.tally(tracked))
    let hubRows = Self.table(hub, "status-by-country")
    #expect(hubRows.count == byCountry.count)
    for (code, records) in byCountry { #expect(hubRows[code] == Self.tally(records), "hub row \(code)") }

    for (code, records) in byCountry {
      let country = Self.page(output, "countries/\(code.lowercased())/follow-up/")
      #expect(Self.table(country, "status-total")["all"] == Self.tally(records), "\(code)")
      let themes = Self.table(country, "by-theme")
      let expected = Set(records.flatMap(\.themes))
      #expect(Set(themes.keys) == expected, "\(code) themes")
      for theme in expected { #expect(themes[theme] == Self.tally(records.filter { $0.themes.contains(theme) }), "\(code) \(theme)") }
      for (key, members) in Dictionary(grouping: records, by: \.report) {
        let items = Self.page(output, "countries/\(code.lowercased())/follow-up/\(key)/").components(separatedBy: "<article class=\"report-item\">").count - 1
        #expect(items == members.count, "\(code) report \(key)")
      }
    }

    let institutions = Set(tracked.flatMap(\.institutions))
    #expect(Set(Self.table(Self.page(output, "institutions/"), "status-by-institution").keys) == institutions)
    for slug in institutions {
      let members = tracked.filter { $0.institutions.contains(slug) }
      let page = Self.page(output, "institutions/\(slug)/")
      let rows = Self.table(page, "status-by-country")
      for (code, records) in Dictionary(grouping: members, by: \.country) { #expect(rows[code] == Self.tally(records), "\(slug) \(code)") }
      try Self.expectPagedList(output, slug, members)
    }
    #expect(institutions.contains { slug in tracked.filter { $0.institutions.contains(slug) }.count > 2 * Self.pageSize }, "some institution has 3 pages or more")
  }

  /// The page size of the generated site (its `site.yml`).
  static let pageSize = 50

  /// The pages of `institutions/<slug>/` together list each of `members` exactly once, under the
  /// heading of its status; page 1 is the folder, page n `page/<n>/`, each linked to its neighbours.
  static func expectPagedList(_ output: String, _ slug: String, _ members: [Tracked]) throws {
    let folder = "institutions/\(slug)/"
    let pages = (members.count + pageSize - 1) / pageSize
    var listed: [String: [String]] = [:]
    for n in 1...pages {
      let path = n == 1 ? folder : folder + "page/\(n)/"
      let html = page(output, path)
      try #require(!html.isEmpty, "\(path) exists")
      for section in html.components(separatedBy: "<section aria-labelledby=\"status-").dropFirst() {
        let status = String(section.prefix { $0 != "\"" })
        for item in section.matches(of: /<li class="rec">\n<a class="rec-title" href="[^"]*recommendations\/([^\/"]+)\/"/) {
          listed[String(item.1), default: []].append(status)
        }
      }
      let previous = html.firstMatch(of: /<a href="([^"]*)" rel="prev">/).map { String($0.1) }
      let next = html.firstMatch(of: /<a href="([^"]*)" rel="next">/).map { String($0.1) }
      #expect(previous.map { $0.hasSuffix(n == 2 ? "/" + folder : folder + "page/\(n - 1)/") } ?? (n == 1), "\(path) prev")
      #expect(next.map { $0.hasSuffix(folder + "page/\(n + 1)/") } ?? (n == pages), "\(path) next")
      #expect(html.contains("id=\"status-by-country\"") == (n == 1), "\(path): the status by country on page 1 only")
    }
    #expect(page(output, folder + "page/\(pages + 1)/").isEmpty, "\(slug) has no page after the last")
    #expect(listed.count == members.count, "\(slug): \(listed.count) listed, \(members.count) expected")
    for r in members { #expect(listed[r.id] == [r.status], "\(slug) lists \(r.id) once, under \(r.status)") }
  }

  @Test("an edited text of a recommendation with follow-up is a text edit that rewrites its progress report and equals a clean build",
        arguments: [true, false])
  func textEditOfTrackedRecommendation(asOfInSiteYML: Bool) throws {
    let site = try TextEditTests.sampleCopy()
    if !asOfInSiteYML {  // overdue then counts against the content's latest update, which the edit does not read again
      let yml = try String(contentsOfFile: site.content + "/site.yml", encoding: .utf8)
      try yml.replacingOccurrences(of: "  as_of: 2024-12-31\n", with: "").write(toFile: site.content + "/site.yml", atomically: true, encoding: .utf8)
    }
    #expect(TextEditTests.build(site).succeeded)
    try TextEditTests.edit(site, "col/a-hrc-39-6-120-91.md") { $0.replacingOccurrences(of: "rights of the child.", with: "rights of the child and a newword.") }
    let report = TextEditTests.build(site)
    #expect(report.succeeded && report.textEdits == 1, "\(report.diagnostics)")
    IncrementalBuildTests.expectSameAsClean(site)
    let folder = site.output + "/fr/countries/col/follow-up/upr-cycle-3/"
    #expect(try String(contentsOfFile: folder + "index.html", encoding: .utf8).contains("newword"))
    #expect(try String(contentsOfFile: folder + "report.csv", encoding: .utf8).contains("newword"))
  }
}
