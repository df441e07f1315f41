import SiteCore
import SiteSearch
import SiteTemplates

extension SiteBuilder {
  /// Hands every recommendation to the search index writer, with the facet values the
  /// contract's filters use and the labels the search page shows for them (in the site's language,
  /// `labels.json`, and in every edition's, `labels.<language>.json`, which its search page reads).
  static func writeSearchIndex(
    _ model: SiteModel, _ strings: UIStrings, _ writer: SitePublisher, threads: Int, editions: [String: UIStrings] = [:]
  ) throws(DiagnosticError) {
    let documents = parallelMap(Array(model.catalog.recommendations.indices), threads: threads) { searchDocument($0, model) }
    var editionLabels: [String: [FacetField: [String: String]]] = [:]
    for language in model.config.languages {
      editionLabels[language] = labels(model, editions[language] ?? strings, language: language)
    }
    try SearchIndexWriter.write(
      documents, labels: labels(model, strings), editionLabels: editionLabels, threads: threads
    ) { (file: SearchFile) throws(DiagnosticError) in
      try writer.write(file.path, file.bytes)
    }
  }

  static func searchDocument(_ i: Int, _ model: SiteModel) -> SearchDocument {
    let r = model.catalog.recommendations[i]
    var facets: [FacetField: [String]] = [
      .country: [r.country.slug], .body: [Slug.make(r.body)], .mechanism: [r.mechanism.rawValue],
      .theme: r.themes, .affectedPersons: r.affectedPersons, .sdgGoal: r.sdgGoals, .sdgTarget: r.sdgTargets,
      .year: [r.year], .language: [r.language], .type: [r.kind.rawValue],
      .recommendingState: r.recommendingStates.map(\.slug),
    ]
    if let region = model.vocabulary.countryByCode[r.country]?.region { facets[.region] = [Slug.make(region)] }
    if let response = r.response { facets[.response] = [response.rawValue] }
    if let cycle = r.cycle { facets[.cycle] = [String(cycle)] }
    return SearchDocument(
      id: r.id.rawValue, url: "recommendations/\(r.id)/", title: model.texts[i].title, text: model.texts[i].plainText,
      document: r.document, paragraph: r.paragraph, language: r.language, date: r.date, facets: facets)
  }

  /// Field → value → the name the search page shows, in the site's language.
  static func labels(_ model: SiteModel, _ strings: UIStrings, language: String? = nil) -> [FacetField: [String: String]] {
    let language = language ?? model.config.language
    let v = model.vocabulary
    var labels: [FacetField: [String: String]] = [:]
    labels[.country] = Dictionary(v.countries.map { ($0.slug, $0.name.text(in: language)) }) { a, _ in a }
    labels[.recommendingState] = labels[.country]
    labels[.region] = Dictionary(v.regions.map { (Slug.make($0), v.regionName($0, in: language)) }) { a, _ in a }
    labels[.body] = Dictionary(v.bodies.map { ($0.slug, $0.code) }) { a, _ in a }
    labels[.mechanism] = Dictionary(Mechanism.allCases.map { ($0.rawValue, strings.label($0)) }) { a, _ in a }
    labels[.theme] = Dictionary(v.themes.map { ($0.slug, $0.name.text(in: language)) }) { a, _ in a }
    labels[.affectedPersons] = Dictionary(v.affectedPersons.map { ($0.slug, $0.name.text(in: language)) }) { a, _ in a }
    labels[.sdgGoal] = Dictionary(v.goals.map { (String($0.number), "\($0.number). \($0.name.text(in: language))") }) { a, _ in a }
    labels[.response] = Dictionary(UPRResponse.allCases.map { ($0.rawValue, strings.label($0)) }) { a, _ in a }
    labels[.type] = Dictionary(RecommendationKind.allCases.map { ($0.rawValue, strings.label($0)) }) { a, _ in a }
    labels[.language] = Dictionary(["en", "fr", "es", "ru", "zh", "ar"].map { ($0, strings.languageName($0)) }) { a, _ in a }
    return labels
  }
}
