import SiteCore
import SiteSearch
import SiteTemplates

extension SiteBuilder {
  /// Hands every recommendation to the search index writer, with the facet values the
  /// contract's filters use and the labels the search page shows for them.
  static func writeSearchIndex(
    _ model: SiteModel, _ strings: UIStrings, _ stringsByLanguage: [String: UIStrings], _ writer: SitePublisher, threads: Int
  ) throws(DiagnosticError) {
    let documents = parallelMap(Array(model.catalog.recommendations.indices), threads: threads) { searchDocument($0, model) }
    let names = names(model.vocabulary, stringsByLanguage)
    let editions = model.config.languages.map { language in
      SearchEdition(
        language: language, prefix: LanguageTree.prefix(of: language, in: model.config),
        labels: labels(model, stringsByLanguage[language] ?? strings, language: language))
    }
    // The default language's edition has its labels already (`strings` is that language's text).
    let siteLabels = editions.first { $0.language == model.config.language && stringsByLanguage[$0.language] != nil }?.labels
      ?? labels(model, strings, language: model.config.language)
    try SearchIndexWriter.write(documents, labels: siteLabels, names: names, editions: editions, threads: threads) { (file: SearchFile) throws(DiagnosticError) in
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
    if let f = r.followUp {
      if let status = f.currentStatus { facets[.status] = [status.rawValue] }
      facets[.responsible] = f.allResponsible.map { FollowUpIndex.slug(of: $0, model.vocabulary) }.filter { !$0.isEmpty }
      facets[.overdue] = [f.isOverdue(asOf: model.followUp.asOf) ? "yes" : "no"]
    }
    return SearchDocument(
      id: r.id.rawValue, url: "recommendations/\(r.id)/", title: model.texts[i].title, text: model.texts[i].plainText,
      document: r.document, paragraph: r.paragraph, language: r.language, date: r.date, facets: facets,
      translations: model.translations[i].keys.sorted().map { language in
        let t = model.translations[i][language]!
        return SearchTranslation(language: language, title: t.title, text: t.plainText)
      })
  }

  /// Field → value → the name the search page shows, in `language`.
  static func labels(_ model: SiteModel, _ strings: UIStrings, language: String) -> [FacetField: [String: String]] {
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
    labels[.sdgTarget] = Dictionary(v.goals.flatMap(\.targets).map { t in (t.code, t.name.map { "\(t.code) \($0.text(in: language))" } ?? t.code) }) { a, _ in a }
    labels[.response] = Dictionary(UPRResponse.allCases.map { ($0.rawValue, strings.label($0)) }) { a, _ in a }
    labels[.type] = Dictionary(RecommendationKind.allCases.map { ($0.rawValue, strings.label($0)) }) { a, _ in a }
    labels[.status] = Dictionary(FollowUpStatus.allCases.map { ($0.rawValue, strings.label($0)) }) { a, _ in a }
    labels[.overdue] = ["yes": strings["follow_up_overdue"], "no": strings["follow_up_not_overdue"]]
    labels[.responsible] = Dictionary(model.followUp.institutions.map { ($0.slug, $0.institution?.name.text(in: language) ?? $0.written) }) { a, _ in a }
    labels[.language] = Dictionary(["en", "fr", "es", "ru", "zh", "ar"].map { ($0, strings.languageName($0)) }) { a, _ in a }
    return labels
  }

  /// Field → value → every name a query word may match: the names in every language and the
  /// aliases of States, themes, groups, bodies (and their codes), mechanisms and SDGs, each with
  /// its language (none for aliases and codes), by which the index stems it. Not the
  /// States' formal names: the words they add are "Republic" (113 States), "Kingdom" (15) or
  /// adjectives ("French Republic", "United Mexican States"), which would make text queries
  /// such as `French language` or `United States` match every record of a State.
  static func names(_ v: Vocabulary, _ stringsByLanguage: [String: UIStrings]) -> [FacetField: [String: [SearchName]]] {
    let uiStrings = stringsByLanguage.keys.sorted().map { stringsByLanguage[$0]! }
    let named = { (name: LocalizedText) in name.translations.map { SearchName($0.text, language: $0.language) } }
    let plain = { (names: [String]) in names.map { SearchName($0) } }
    var names: [FacetField: [String: [SearchName]]] = [:]
    names[.country] = Dictionary(v.countries.map { ($0.slug, named($0.name) + plain($0.aliases)) }) { a, _ in a }
    names[.theme] = Dictionary(v.themes.map { ($0.slug, named($0.name) + plain($0.aliases)) }) { a, _ in a }
    names[.affectedPersons] = Dictionary(v.affectedPersons.map { ($0.slug, named($0.name) + plain($0.aliases)) }) { a, _ in a }
    names[.body] = Dictionary(v.bodies.map { ($0.slug, named($0.name) + plain($0.aliases + [$0.code])) }) { a, _ in a }
    names[.mechanism] = Dictionary(Mechanism.allCases.map { m in (m.rawValue, uiStrings.map { SearchName($0.label(m), language: $0.language) }) }) { a, _ in a }
    names[.sdgGoal] = Dictionary(v.goals.map { (String($0.number), named($0.name)) }) { a, _ in a }
    names[.sdgTarget] = Dictionary(v.goals.flatMap(\.targets).map { ($0.code, $0.name.map(named) ?? []) }) { a, _ in a }
    return names
  }
}
