import SiteCore

/// Turns rows of UPR Info's CSV export (columns To, Text, From, Response, Issue, Session) into
/// UPR recommendations.
///
/// UPR Info gives neither a document symbol nor a paragraph, so both are synthetic and say so:
/// the document is `UPR-INFO/S<session>/<ISO3>` (one per review), the paragraph the row's
/// running number among that review's rows in file order, and the id `upr-info-s<session>-<iso3>-<n>`.
/// Every row of a review takes a number, imported or not, so that mapping a value later does
/// not renumber the others.
public struct UPRInfoImporter {
  public static let source = "upr-info"

  let mappings: UPRInfoMappings
  let countries: CountryLabels
  let noState: Set<String>
  let issues: [String: IssueTerms]
  /// `session|To` → rows of that review seen so far.
  private var rowsPerReview: [String: Int] = [:]

  public init(mappings: UPRInfoMappings, vocabulary: Vocabulary) {
    self.mappings = mappings
    countries = CountryLabels(vocabulary, moreNames: mappings.countryNames.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    noState = Set(mappings.noState.map(LabelKey.make))
    issues = Dictionary(mappings.issues.map { (LabelKey.make($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
  }

  /// The columns read, found by their header names.
  public struct Columns: Sendable {
    var to, text, from, response, issue, session: Int

    public init(header: [String]) throws {
      let names = header.map { LabelKey.make($0) }
      func column(_ name: String) throws -> Int {
        guard let index = names.firstIndex(of: LabelKey.make(name)) else {
          throw ImportFailure("no \"\(name)\" column (found: \(header.joined(separator: ", ")))")
        }
        return index
      }
      (to, text, from, response) = (try column("To"), try column("Text"), try column("From"), try column("Response"))
      (issue, session) = (try column("Issue"), try column("Session"))
    }
  }

  /// What one row gave: a recommendation, or the reason it was left out on purpose.
  public enum Row: Equatable {
    case recommendation(ImportedRecommendation)
    case ignored(reason: String)
    case skipped
  }

  /// Maps one row; problems go to `problems`, each naming `place`.
  public mutating func row(_ fields: [String], _ columns: Columns, at place: String, problems: inout [ImportProblem]) -> Row {
    func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
    let response = HTMLEntities.decode(field(columns.response))
    if LabelKey.make(response) == "voluntary pledge" { return .ignored(reason: "voluntary pledges (not recommendations)") }
    let toName = LabelKey.clean(HTMLEntities.decode(field(columns.to)))
    let sessionText = LabelKey.clean(field(columns.session))
    let reviewKey = sessionText + "|" + LabelKey.make(toName)
    let number = (rowsPerReview[reviewKey] ?? 0) + 1
    rowsPerReview[reviewKey] = number
    var skipped = false
    func skip(_ problemField: ImportProblem.Field, _ value: String) {
      problems.append(ImportProblem(problemField, value, .rowSkipped, at: place))
      skipped = true
    }
    let country = self.country(toName, .country, place, &problems)
    if country == nil { skip(.country, toName.isEmpty ? "(empty)" : toName) }
    let session = Int(sessionText).flatMap { mappings.sessions[$0] }
    if session == nil { skip(.session, sessionText.isEmpty ? "(empty)" : sessionText) }
    let text = MarkdownText.escape(field(columns.text))
    if text.isEmpty { skip(.text, "(empty)") }
    guard !skipped, let country, let session else { return .skipped }
    var r = ImportedRecommendation(
      id: "", document: "UPR-INFO/S\(session.number)/\(country)", paragraph: "\(number)", country: country,
      mechanism: .upr, body: "UPR", date: session.start, cycle: UPRSession.cycle(ofSession: session.number),
      language: "en", text: text)
    r.id = RecommendationID(document: r.document, paragraph: r.paragraph).rawValue
    r.session = session.number
    r.sourceURL = "none"  // the symbol is ours: undocs.org has no such document
    r.response = responseValue(response, place, &problems)
    r.recommendingStates = states(field(columns.from), place, &problems)
    (r.themes, r.affectedPersons) = terms(field(columns.issue), place, &problems)
    return .recommendation(r)
  }

  private func responseValue(_ raw: String, _ place: String, _ problems: inout [ImportProblem]) -> UPRResponse? {
    if let response = UPRPosition.response(for: raw) { return response }
    let label = LabelKey.clean(raw)
    problems.append(ImportProblem(.response, label.isEmpty ? "(empty)" : label, .valueLeftOut, at: place))
    return nil
  }

  /// The code `name` names, as `CountryLabels` reads it; a name read otherwise than as a name
  /// (a formal name, an alias…) is recorded as mapped by alias.
  private func country(_ name: String, _ field: ImportProblem.Field, _ place: String, _ problems: inout [ImportProblem]) -> String? {
    guard let (code, how) = countries.match(name) else { return nil }
    if how != .name { problems.append(ImportProblem(field, "\(name) → \(code) (\(how.rawValue))", .mappedByAlias, at: place)) }
    return code
  }

  /// The recommending States of the From column (comma-separated names).
  private func states(_ raw: String, _ place: String, _ problems: inout [ImportProblem]) -> [String] {
    var codes: [String] = []
    for name in HTMLEntities.decode(raw).split(separator: ",").map({ LabelKey.clean(String($0)) }) where !name.isEmpty {
      if let code = country(name, .recommendingState, place, &problems) {
        if !codes.contains(code) { codes.append(code) }
      } else if noState.contains(LabelKey.make(name)) {
        problems.append(ImportProblem(.recommendingState, name, .note, at: place))
      } else {
        problems.append(ImportProblem(.recommendingState, name, .valueLeftOut, at: place))
      }
    }
    return codes
  }

  /// The themes and groups of the Issue column (comma-separated labels).
  private func terms(_ raw: String, _ place: String, _ problems: inout [ImportProblem]) -> ([String], [String]) {
    var themes: [String] = []
    var groups: [String] = []
    for label in HTMLEntities.decode(raw).split(separator: ",").map({ LabelKey.clean(String($0)) }) where !label.isEmpty {
      guard let terms = issues[LabelKey.make(label)] else {
        problems.append(ImportProblem(.issue, label, .valueLeftOut, at: place))
        continue
      }
      for slug in terms.themes where !themes.contains(slug) { themes.append(slug) }
      for slug in terms.affectedPersons where !groups.contains(slug) { groups.append(slug) }
    }
    return (themes, groups)
  }
}
