import Testing

@testable import SiteCore

@Suite("Decoding a recommendation file")
struct RecommendationDecoderTests {
  let decoder = RecommendationDecoder(vocabulary: VocabularyFixture.vocabulary, defaultLanguage: "en")

  func decode(_ text: String) -> RecommendationDecoder.Decoded {
    decoder.decode(SourceFile(path: "Content/recommendations/x.md", text: text))
  }

  /// The contract's own example file.
  static let example = """
    ---
    document: A/HRC/39/6            # required: UN document symbol
    paragraph: "120.89"
    country: ECU
    mechanism: upr
    body: UPR
    date: 2018-07-06
    cycle: 3
    recommending_states: [ITA, MEX]
    response: supported
    themes: [international-cooperation, climate-change]
    affected_persons: [children]
    sdgs: ["13", "13.1", "17.9"]
    language: en
    type: recommendation
    follow_up:
      status: in-progress
      responsible: [Ministry of Foreign Affairs]
      cluster: "International cooperation"
      due: 2022-12-31
    ---
    Continue to strengthen international cooperation to address climate change and
    its impact on the promotion and protection of human rights.
    """

  @Test("the contract's example decodes into every field, with derived id, goals and year")
  func contractExample() throws {
    let decoded = decode(Self.example)
    #expect(decoded.diagnostics.isEmpty)
    let r = try #require(decoded.recommendation)
    #expect(r.id == "a-hrc-39-6-120-89")
    #expect(r.document == "A/HRC/39/6" && r.paragraph == "120.89" && r.country == "ECU")
    #expect(r.mechanism == .upr && r.body == "UPR" && r.date == "2018-07-06" && r.year == "2018")
    #expect(r.cycle == 3 && r.recommendingStates == ["ITA", "MEX"] && r.response == .supported)
    #expect(r.themes == ["international-cooperation", "climate-change"] && r.affectedPersons == ["children"])
    #expect(r.sdgGoals == ["13", "17"] && r.sdgTargets == ["13.1", "17.9"])
    #expect(r.kind == .recommendation && r.language == "en" && r.title == nil)
    #expect(r.followUp == FollowUp(status: .inProgress, responsible: ["Ministry of Foreign Affairs"], cluster: "International cooperation", due: "2022-12-31"))
    #expect(decoded.text.hasPrefix("Continue to strengthen") && r.textLine == 22)
  }

  @Test("a target brings its goal: 16.a gives goal 16")
  func targetGivesGoal() throws {
    let text = Self.example.replacingOccurrences(of: #"sdgs: ["13", "13.1", "17.9"]"#, with: #"sdgs: ["16.a"]"#)
    let r = try #require(decode(text).recommendation)
    #expect(r.sdgGoals == ["16"] && r.sdgTargets == ["16.a"])
  }

  @Test("a UTF-8 byte-order mark and CRLF line ends are accepted")
  func bomAndCRLF() throws {
    let text = "\u{FEFF}" + Self.example.replacingOccurrences(of: "\n", with: "\r\n")
    let decoded = decode(text)
    #expect(decoded.diagnostics.isEmpty)
    #expect(decoded.recommendation?.textLine == 22)
  }

  @Test("each bad value gets the exact message, at its line and column", arguments: [
    ("affected_persons: [children]", "affected_persons: [childrn]",
     #"Content/recommendations/x.md:12:20: error: [affected_persons] unknown affected group "childrn": did you mean "children"?"#),
    ("country: ECU", "country: ECX",
     #"Content/recommendations/x.md:4:10: error: [country] unknown country "ECX": did you mean "ECU" (Ecuador)?"#),
    ("country: ECU", "country: REPUBLICA DEL ECUADOR",
     #"Content/recommendations/x.md:4:10: error: [country] unknown country "REPUBLICA DEL ECUADOR": did you mean "ECU" (Ecuador)?"#),
    ("date: 2018-07-06", "date: 2018-02-30",
     #"Content/recommendations/x.md:7:7: error: [date] "2018-02-30" is not a date"#),
    ("cycle: 3", "cycle: 5",
     #"Content/recommendations/x.md:8:8: error: [cycle] "5" is not a UPR cycle"#),
    ("cycle: 3", "cycle: 3\nsession: 0",
     #"Content/recommendations/x.md:9:10: error: [session] "0" is not a UPR session"#),
    ("response: supported", "response: accepted",
     #"Content/recommendations/x.md:10:11: error: [response] unknown value "accepted""#),
    (#"sdgs: ["13", "13.1", "17.9"]"#, #"sdgs: ["18"]"#,
     #"Content/recommendations/x.md:13:8: error: [sdgs] unknown SDG "18""#),
    ("mechanism: upr", "mechanism: treaty-body",
     #"Content/recommendations/x.md:6:7: error: [body] body UPR belongs to mechanism upr, but mechanism is treaty-body"#),
    ("themes: [international-cooperation, climate-change]", "themes: climate-change",
     #"Content/recommendations/x.md:11:9: error: [themes] expected a list such as [a, b], found "climate-change""#),
    ("type: recommendation", "type: concern",
     #"Content/recommendations/x.md:15:7: error: [type] unknown value "concern""#),
  ])
  func badValue(original: String, replacement: String, message: String) {
    let decoded = decode(Self.example.replacingOccurrences(of: original, with: replacement))
    #expect(decoded.recommendation == nil)
    #expect(decoded.diagnostics.first.map { $0.description.split(separator: "\n")[0] } == Substring(message))
  }

  @Test("a UPR session is read as its number, and only UPR recommendations may have one")
  func session() throws {
    let r = try #require(decode(Self.example.replacingOccurrences(of: "cycle: 3", with: "cycle: 3\nsession: 27")).recommendation)
    #expect(r.session == 27)
    let notUPR = Self.example.replacingOccurrences(of: "cycle: 3", with: "session: 27")
      .replacingOccurrences(of: "mechanism: upr", with: "mechanism: treaty-body").replacingOccurrences(of: "body: UPR", with: "body: CRC")
    #expect(decode(notUPR).diagnostics.contains { $0.field == "session" })
  }

  @Test("every missing required field is reported, not only the first")
  func missingFields() {
    let text = "---\nparagraph: \"1\"\nmechanism: upr\nbody: UPR\n---\nText.\n"
    let fields = decode(text).diagnostics.compactMap(\.field)
    #expect(fields == ["country", "date", "document"])
  }

  @Test("an unknown field is a warning with a suggestion, and the file still decodes")
  func unknownField() throws {
    let decoded = decode(Self.example.replacingOccurrences(of: "type: recommendation", with: "tpye: recommendation"))
    #expect(decoded.recommendation != nil)
    #expect(decoded.diagnostics.map(\.severity) == [.warning])
    #expect(decoded.diagnostics.first?.notes == [#"did you mean "type"?"#])
  }

  @Test("a repeated key is an error")
  func repeatedKey() {
    let decoded = decode(Self.example.replacingOccurrences(of: "body: UPR", with: "body: UPR\nbody: CRC"))
    #expect(decoded.diagnostics.contains { $0.message == #""body" is given twice"# }, "\(decoded.diagnostics)")
  }

  @Test("source_url gives the document's address, none hides it, anything else is an error")
  func sourceURL() {
    let base = Self.example.replacingOccurrences(of: "type: recommendation", with: "type: recommendation\nsource_url: X")
    #expect(decode(base.replacingOccurrences(of: "source_url: X", with: "source_url: https://example.org/a.pdf")).recommendation?.sourceURL == "https://example.org/a.pdf")
    #expect(decode(base.replacingOccurrences(of: "source_url: X", with: "source_url: none")).recommendation?.sourceURL == "")
    #expect(decode(Self.example).recommendation?.sourceURL == nil)
    let bad = decode(base.replacingOccurrences(of: "source_url: X", with: "source_url: javascript:alert(1)"))
    #expect(bad.recommendation == nil && bad.diagnostics.first?.field == "source_url")
  }

  @Test("vocabulary slugs may be derived from names")
  func derivedSlugs() {
    #expect(VocabularyFixture.vocabulary.themeBySlug["right-to-education"] != nil)
    #expect(VocabularyFixture.vocabulary.affectedPersonBySlug["persons-living-with-hiv-aids"] != nil)
    #expect(VocabularyFixture.vocabulary.countryByCode["CHN"]?.name.text(in: "zh") == "中国")
  }
}
