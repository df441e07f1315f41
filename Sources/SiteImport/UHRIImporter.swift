import SiteCore

/// Turns annotations of a Universal Human Rights Index export (JSON, xlsx or CSV: `UHRIInput`
/// reads each into the JSON export's fields) into recommendations.
///
/// Labels are matched to the vocabularies' codes, names and `aliases`, ignoring leading `- `,
/// stray spaces and case; countries as `CountryLabels` reads them (ISO alpha-2 codes, footnote
/// marks), a missing State from the document symbol; an unknown type by `AnnotationTypeRule`. An annotation addressed to several States becomes one file per State,
/// with ids `uhri-<AnnotationId>-<iso3>`; one addressed to a single State has id `uhri-<AnnotationId>`.
/// `Regions` is not read: a State's region comes from countries.yml.
public struct UHRIImporter: Sendable {
  public static let source = "uhri"

  let vocabulary: Vocabulary
  let language: String
  let countries: CountryLabels
  let bodies: LabelIndex
  let themes: LabelIndex
  let groups: LabelIndex

  public init(vocabulary: Vocabulary, language: String) {
    self.vocabulary = vocabulary
    self.language = language
    countries = CountryLabels(vocabulary)
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
    let names = reading.strings("Countries")
    let codes = addressees(&reading, names, symbol: base.document)
    // Ids depend on what the source lists, not on what mapped, so a later mapping keeps them.
    let several = names.count > 1
    var result: [ImportedRecommendation] = []
    for code in codes {
      var r = base
      r.country = code
      if several { r.id += "-" + code.lowercased() }
      result.append(r)
    }
    problems += reading.problems
    return result
  }

  /// The distinct codes of the States a record addresses: its `Countries` (`names`) as
  /// `CountryLabels` reads them, else the State its document symbol names. Every label read by
  /// another spelling than a name, and every State taken from the symbol, is recorded.
  private func addressees(_ reading: inout UHRIRecord, _ names: [String], symbol: String) -> [String] {
    guard !names.isEmpty else {
      guard let code = countries.state(inSymbol: symbol) else { return reading.unmapped(.country, "(none)") ?? [] }
      reading.problem(.country, "(none) → \(code) (symbol \(symbol))", .derivedFromSymbol)
      return [code]
    }
    var codes: [String] = []
    for name in names {
      guard let (code, how) = countries.match(name) else {
        reading.problem(.country, name, names.count > 1 ? .valueLeftOut : .rowSkipped)
        continue
      }
      if how != .name { reading.problem(.country, "\(name) → \(code) (\(how.rawValue))", .mappedByAlias) }
      if !codes.contains(code) { codes.append(code) }
    }
    if codes.isEmpty, names.count > 1 { reading.problem(.country, "(none of \(names.count) mapped)", .rowSkipped) }
    return codes
  }

  /// Every field but the country; nil when a required one is missing or unmapped.
  private func base(_ reading: inout UHRIRecord) -> ImportedRecommendation? {
    let id = reading.id()
    var body: String?
    if let label = reading.label("Body") {
      body = bodies.value(for: label) ?? reading.unmapped(.body, label)
    } else {
      reading.problem(.body, "(none)", .rowSkipped)
    }
    let mechanism = body.flatMap { vocabulary.bodyByCode[$0.uppercased()]?.mechanism }
    let document = reading.required("Symbol", .document)
    let date = reading.date()
    let (paragraph, text) = reading.paragraphAndText()
    guard let id, let body, let mechanism, let document, let date, let paragraph, let text else { return nil }
    var r = ImportedRecommendation(
      id: id, document: document, paragraph: paragraph, country: "", mechanism: mechanism, body: body, date: date,
      language: language, kind: reading.kind(mechanism: mechanism), text: text)
    r.themes = reading.terms("Themes", themes, .theme)
    r.affectedPersons = reading.terms("AffectedPersons", groups, .affectedPerson)
    r.sdgs = reading.sdgs(vocabulary)
    if mechanism == .upr {
      r.cycle = reading.cycle()
      r.session = reading.session()
      r.response = reading.response()
      for name in reading.strings("UprRecommendingCountry") {
        guard let (code, how) = countries.match(name) ?? reading.left(.recommendingState, name) else { continue }
        if how != .name { reading.problem(.recommendingState, "\(name) → \(code) (\(how.rawValue))", .mappedByAlias) }
        if !r.recommendingStates.contains(code) { r.recommendingStates.append(code) }
      }
    }
    return r
  }
}
