import Testing

@testable import SiteCore

@Suite("Decoding follow_up: updates, actions, institutions")
struct FollowUpDecoderTests {
  static let institutionsYAML = """
    - slug: ministry-of-labour
      name: {en: Ministry of Labour, fr: Ministère du Travail, es: Ministerio del Trabajo, ru: Министерство труда, zh: 劳动部, ar: وزارة العمل}
      type: ministry
    - slug: labour-inspectorate
      name: Labour Inspectorate
      type: agency
      parent: ministry-of-labour
    """

  static let vocabulary: Vocabulary = {
    var files = VocabularyFixture.files
    files[.institutions] = ("vocabularies/institutions.yml", institutionsYAML)
    return try! VocabularyDecoder().decode(files).get()
  }()

  let decoder = RecommendationDecoder(vocabulary: Self.vocabulary, defaultLanguage: "en")

  static let example = """
    ---
    document: A/HRC/39/6
    paragraph: "120.89"
    country: ECU
    mechanism: upr
    body: UPR
    date: 2018-07-06
    cycle: 3
    follow_up:
      status: not-started
      responsible: [ministry-of-labour, "Office of the Ombudsman"]
      cluster: "Labour rights"
      due: 2022-12-31
      updates:
        - date: 2021-03-01
          status: partially-implemented
          note: "Inspections **doubled**."
          indicators: {inspections: 410, fines: "12"}
        - date: 2019-05-10
          status: in-progress
      actions:
        - action: Draft the inspection bill
          due: 2020-06-30
          completed: 2020-05-02
        - action: Train inspectors
          due: 2021-12-31
          responsible: [labour-inspectorate]
    ---
    Strengthen labour inspection.
    """

  func decode(_ text: String) -> RecommendationDecoder.Decoded {
    decoder.decode(SourceFile(path: "Content/recommendations/x.md", text: text))
  }

  /// Line and column (1-based) of the first occurrence of `needle` in `text`: an independent reading of where a value sits.
  func place(of needle: String, in text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let n = lines.firstIndex { $0.contains(needle) }!
    let column = lines[n].distance(from: lines[n].startIndex, to: lines[n].range(of: needle)!.lowerBound) + 1
    return "\(n + 1):\(column)"
  }

  @Test("updates are read oldest first, the latest gives the current status; actions and responsible as written")
  func example() throws {
    let decoded = decode(Self.example)
    #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics)")
    let f = try #require(decoded.recommendation?.followUp)
    #expect(f.updates.map(\.date) == ["2019-05-10", "2021-03-01"])
    #expect(f.status == .notStarted && f.currentStatus == .partiallyImplemented)
    #expect(f.updates[1].indicators == [FollowUpIndicator(name: "inspections", value: "410"), FollowUpIndicator(name: "fines", value: "12")])
    #expect(f.updates[1].note == "Inspections **doubled**.")
    #expect(f.responsible == ["ministry-of-labour", "Office of the Ombudsman"])
    #expect(f.actions == [
      FollowUpAction(action: "Draft the inspection bill", due: "2020-06-30", completed: "2020-05-02"),
      FollowUpAction(action: "Train inspectors", due: "2021-12-31", responsible: ["labour-inspectorate"]),
    ])
    #expect(f.status(on: "2019-01-01") == nil && f.status(on: "2020-01-01") == .inProgress && f.status(on: "2021-03-01") == .partiallyImplemented)
    #expect(!f.isOverdue(asOf: "2021-12-31") && f.isOverdue(asOf: "2023-01-01"))
    #expect(f.overdueActions(asOf: "2022-01-01").map(\.action) == ["Train inspectors"])
    #expect(f.allResponsible == ["ministry-of-labour", "Office of the Ombudsman", "labour-inspectorate"])
  }

  @Test("a note's Markdown goes through the renderer the build passes; without one it is escaped text")
  func note() throws {
    let plain = try #require(decode(Self.example).recommendation?.followUp?.updates[1].noteHTML)
    #expect(plain.rawValue == "Inspections **doubled**.")
    var rendering = decoder
    rendering.renderNote = { HTML(trusted: "[" + HTML.escape($0.uppercased()) + "]") }
    let rendered = try #require(rendering.decode(SourceFile(path: "x.md", text: Self.example)).recommendation?.followUp?.updates[1].noteHTML)
    #expect(rendered.rawValue == "[INSPECTIONS **DOUBLED**.]")
  }

  @Test("each bad follow-up value is reported at its line and column under its path, with what is accepted", arguments: [
    ("status: partially-implemented", "status: done", "done", "follow_up.updates[1].status", "expected one of: not-started, in-progress, partially-implemented, implemented"),
    ("date: 2021-03-01", "date: 2021-02-30", "2021-02-30", "follow_up.updates[1].date", "expected YYYY-MM-DD, such as 2018-07-06"),
    ("due: 2021-12-31", "due: soon", "soon", "follow_up.actions[2].due", "expected YYYY-MM-DD, such as 2018-07-06"),
    ("completed: 2020-05-02", "completed: yes", "yes", "follow_up.actions[1].completed", "expected YYYY-MM-DD, such as 2018-07-06"),
    ("responsible: [labour-inspectorate]", "responsible: [labour-inspectorat]", "labour-inspectorat", "follow_up.actions[2].responsible",
     "expected a slug from vocabularies/institutions.yml, or a free name such as \"Ministry of Labour\""),
    ("responsible: [ministry-of-labour,", "responsible: [Ministry of Labour,", "Ministry of Labour", "follow_up.responsible", "write the slug, not the name"),
    ("responsible: [ministry-of-labour,", "responsible: [ministère du TRAVAIL,", "ministère du TRAVAIL", "follow_up.responsible", "write the slug, not the name"),
    ("responsible: [ministry-of-labour,", "responsible: [МИНИСТЕРСТВО ТРУДА,", "МИНИСТЕРСТВО ТРУДА", "follow_up.responsible", "write the slug, not the name"),
    ("indicators: {inspections: 410, fines: \"12\"}", "indicators: [410]", "[410]", "follow_up.updates[1].indicators", nil),
    ("updates:\n", "updates: soon\n  old_updates:\n", "soon", "follow_up.updates", nil),
  ] as [(String, String, String, String, String?)])
  func badValue(original: String, replacement: String, at needle: String, field: String, accepted: String?) throws {
    let text = Self.example.replacingOccurrences(of: original, with: replacement)
    try #require(text != Self.example)
    let decoded = decode(text)
    #expect(decoded.recommendation == nil)
    let error = try #require(decoded.diagnostics.first { $0.severity == .error }, "\(decoded.diagnostics)")
    #expect(error.location?.description == "Content/recommendations/x.md:" + place(of: needle, in: text))
    #expect(error.field == field)
    if let accepted { #expect(error.notes.contains(accepted), "\(error.notes)") }
  }

  @Test("a missing date or status of an update is reported at the entry, naming what to write; every problem at once")
  func missingRequired() {
    let text = Self.example.replacingOccurrences(of: "    - date: 2019-05-10\n      status: in-progress\n", with: "    - note: nothing\n")
      .replacingOccurrences(of: "    - action: Train inspectors\n", with: "    - actoin: Train inspectors\n")
    let decoded = decode(text)
    let errors = decoded.diagnostics.filter { $0.severity == .error }.map { "\($0.field ?? "") \($0.location!.line):\($0.location!.column)" }
    let entry = place(of: "note: nothing", in: text)
    let action = place(of: "actoin", in: text)
    #expect(errors == ["follow_up.updates[2].date \(entry)", "follow_up.updates[2].status \(entry)", "follow_up.actions[2].action \(action)"])
    #expect(decoded.diagnostics.contains { $0.severity == .warning && $0.field == "follow_up.actions[2].actoin" && $0.notes.first?.hasPrefix("did you mean \"action\"?") == true })
  }

  @Test("without institutions.yml any name or slug is a free name")
  func freeNames() throws {
    let plain = RecommendationDecoder(vocabulary: VocabularyFixture.vocabulary, defaultLanguage: "en")
    let text = Self.example.replacingOccurrences(of: "[labour-inspectorate]", with: "[labour-inspectorat]")
    let f = try #require(plain.decode(SourceFile(path: "x.md", text: text)).recommendation?.followUp)
    #expect(f.actions[1].responsible == ["labour-inspectorat"])
  }

  @Test("institutions.yml: names in six languages, type and parent; a bad type or parent is an error at its place")
  func institutionVocabulary() throws {
    let ministry = try #require(Self.vocabulary.institutionBySlug["ministry-of-labour"])
    #expect(["en", "fr", "es", "ru", "zh", "ar"].allSatisfy { ministry.name.has($0) })
    #expect(Self.vocabulary.institutionBySlug["labour-inspectorate"]?.parent == "ministry-of-labour")
    var files = VocabularyFixture.files
    let bad = Self.institutionsYAML.replacingOccurrences(of: "type: agency", with: "type: agencyy")
      .replacingOccurrences(of: "parent: ministry-of-labour", with: "parent: ministry-of-labor")
    files[.institutions] = ("vocabularies/institutions.yml", bad)
    guard case .failure(let error) = VocabularyDecoder().decode(files) else { Issue.record("decoded"); return }
    let found = error.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.field ?? "")" }
    #expect(found == ["\(place(of: "agencyy", in: bad)) type", "\(place(of: "ministry-of-labor", in: bad)) parent"])
    #expect(error.diagnostics[1].message.contains("did you mean \"ministry-of-labour\""))
  }
}
