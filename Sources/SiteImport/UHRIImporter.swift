import SiteCore

/// Turns annotations of the Universal Human Rights Index's JSON export into recommendations.
///
/// Labels are matched to the vocabularies' codes, names and `aliases`, ignoring leading `- `,
/// stray spaces and case. An annotation addressed to several States becomes one file per State,
/// with ids `uhri-<AnnotationId>-<iso3>`; one addressed to a single State has id `uhri-<AnnotationId>`.
/// `Regions` is not read: a State's region comes from countries.yml.
public struct UHRIImporter: Sendable {
  public static let source = "uhri"

  let vocabulary: Vocabulary
  let language: String
  let countries: LabelIndex
  let bodies: LabelIndex
  let themes: LabelIndex
  let groups: LabelIndex

  public init(vocabulary: Vocabulary, language: String) {
    self.vocabulary = vocabulary
    self.language = language
    countries = LabelIndex.countries(vocabulary)
    bodies = LabelIndex.bodies(vocabulary)
    themes = LabelIndex.terms(vocabulary.themes)
    groups = LabelIndex.terms(vocabulary.affectedPersons)
  }

  /// The recommendations of one annotation (one per State it addresses); problems go to `problems`.
  public func recommendations(_ record: [String: JSONValue], at place: String, problems: inout [ImportProblem]) -> [ImportedRecommendation] {
    var reading = UHRIRecord(record, place: place)
    guard let base = base(&reading) else {
      problems += reading.problems
      return []
    }
    let states = reading.strings("Countries")
    var result: [ImportedRecommendation] = []
    for name in states {
      guard let code = countries.value(for: name) else {
        reading.problem(.country, name, states.count > 1 ? .valueLeftOut : .rowSkipped)
        continue
      }
      var r = base
      r.country = code
      if states.count > 1 { r.id += "-" + code.lowercased() }
      if !result.contains(where: { $0.country == code }) { result.append(r) }
    }
    if states.isEmpty { reading.problem(.country, "(none)", .rowSkipped) }
    if result.isEmpty, states.count > 1 { reading.problem(.country, "(none of \(states.count) mapped)", .rowSkipped) }
    problems += reading.problems
    return result
  }

  /// Every field but the country; nil when a required one is missing or unmapped.
  private func base(_ reading: inout UHRIRecord) -> ImportedRecommendation? {
    let id = reading.id()
    let kind = reading.kind()
    var body: String?
    if let label = reading.label("Body") {
      body = bodies.value(for: label) ?? reading.unmapped(.body, label)
    } else {
      reading.problem(.body, "(none)", .rowSkipped)
    }
    let document = reading.required("Symbol", .document)
    let date = reading.date()
    let (paragraph, text) = reading.paragraphAndText()
    guard let id, let kind, let body, let mechanism = vocabulary.bodyByCode[body.uppercased()]?.mechanism,
      let document, let date, let paragraph, let text
    else { return nil }
    var r = ImportedRecommendation(
      id: id, document: document, paragraph: paragraph, country: "", mechanism: mechanism, body: body, date: date,
      language: language, kind: kind, text: text)
    r.themes = reading.terms("Themes", themes, .theme)
    r.affectedPersons = reading.terms("AffectedPersons", groups, .affectedPerson)
    r.sdgs = reading.sdgs(vocabulary)
    if mechanism == .upr {
      r.cycle = reading.cycle()
      r.response = reading.response()
      for name in reading.strings("UprRecommendingCountry") {
        guard let code = countries.value(for: name) ?? reading.left(.recommendingState, name) else { continue }
        if !r.recommendingStates.contains(code) { r.recommendingStates.append(code) }
      }
    }
    return r
  }
}
