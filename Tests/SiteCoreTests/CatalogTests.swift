import Testing

@testable import SiteCore

@Suite("The catalog")
struct CatalogTests {
  static func rec(_ id: String, date: String, document: String = "A/HRC/1/1", themes: [String] = [], country: String = "ECU") -> Recommendation {
    Recommendation(id: RecommendationID(id), source: "\(id).md", document: document, paragraph: "1", country: CountryCode(country), mechanism: .upr,
      body: "UPR", date: date, cycle: nil, recommendingStates: [], response: nil, themes: themes, affectedPersons: [],
      sdgGoals: [], sdgTargets: [], language: "en", kind: .recommendation, title: nil, followUp: nil, textLine: 1)
  }

  @Test("lists are ordered newest first, then by id")
  func order() {
    let (catalog, problems) = Catalog.build([
      Self.rec("b", date: "2019-01-01"), Self.rec("a", date: "2019-01-01"), Self.rec("c", date: "2020-05-05"),
    ], threads: 2)
    #expect(problems.isEmpty)
    #expect(catalog.recommendations.map(\.id) == ["c", "a", "b"])
    #expect(catalog.group(.country, "ECU")?.members == [0, 1, 2])
  }

  @Test("groups hold their members and their folders")
  func groups() {
    let (catalog, _) = Catalog.build([
      Self.rec("a", date: "2019-01-01", themes: ["x", "y"]), Self.rec("b", date: "2018-01-01", themes: ["y"], country: "FRA"),
    ], threads: 2)
    #expect(catalog.group(.theme, "y")?.members == [0, 1])
    #expect(catalog.group(.country, "FRA")?.path == "countries/fra/")
    #expect(catalog.group(.document, "A/HRC/1/1")?.path == "documents/a-hrc-1-1/")
  }

  @Test("duplicate ids and colliding document slugs are errors")
  func collisions() {
    let (_, problems) = Catalog.build([
      Self.rec("a", date: "2019-01-01"), Self.rec("a", date: "2018-01-01", document: "a-hrc-1-1"),
    ], threads: 2)
    #expect(problems.map(\.message).contains(#"duplicate id "a": a.md has it too"#))
    #expect(problems.contains { $0.message.contains("would both be written to documents/a-hrc-1-1/") })
  }

  @Test("pagination puts page n under page/n/")
  func pagination() {
    let p = Pagination(count: 101, pageSize: 50)
    #expect(p.pageCount == 3 && p.range(ofPage: 3) == 100..<101)
    #expect(Pagination.path("countries/ecu/", page: 1) == "countries/ecu/")
    #expect(Pagination.path("countries/ecu/", page: 2) == "countries/ecu/page/2/")
    #expect(RelativeURL.root(from: "countries/ecu/page/2/") == "../../../../" && RelativeURL.root(from: "") == "./")
  }
}
