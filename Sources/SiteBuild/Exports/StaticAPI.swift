import SiteCore
import SiteTemplates

/// The static JSON API under `api/v1/` (docs/api.md): `index.json` (what exists),
/// `recommendations/<id>.json` (every field, the text as Markdown, HTML and plain text) and
/// `<taxonomy>/<slug>.json` (the term's names in every language, counts, member ids).
struct StaticAPI {
  static let root = "api/v1/"
  let model: SiteModel
  /// One page-context builder per site language: the names pages show.
  let builders: [PageContextBuilder]

  init(_ model: SiteModel, builders: [PageContextBuilder]) {
    self.model = model
    self.builders = builders
  }

  func write(_ publisher: SitePublisher, threads: Int) throws(DiagnosticError) {
    try publisher.write(Self.root + "index.json", index().bytes)
    let failures = FailureList()
    let records = model.catalog.recommendations
    parallelForEach(records.count, threads: threads) { i in
      do throws(DiagnosticError) {
        try publisher.write(Self.root + "recommendations/\(records[i].id).json", recommendation(i).bytes)
      } catch {
        failures.add(error)
      }
    }
    let terms = Taxonomy.allCases.flatMap { taxonomy in model.catalog.terms(taxonomy).indices.map { (taxonomy, $0) } }
    parallelForEach(terms.count, threads: threads) { n in
      let group = model.catalog.terms(terms[n].0)[terms[n].1]
      do throws(DiagnosticError) {
        try publisher.write(Self.root + termFile(group), term(group).bytes)
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }

  func termFile(_ group: TermGroup) -> String { "\(group.taxonomy.rawValue)/\(group.slug).json" }

  func index() -> JSONValue {
    let config = model.config
    return .object([
      "api_version": .number(1), "title": .string(config.title), "language": .string(config.language),
      "languages": .strings(config.languages), "base_url": .optional(config.baseURL),
      "recommendations": .object([
        "count": .number(model.catalog.recommendations.count), "file": .string("recommendations/{id}.json"),
      ]),
      "taxonomies": .array(Taxonomy.allCases.map { taxonomy in
        let terms = model.catalog.terms(taxonomy)
        return .object([
          "name": .string(taxonomy.rawValue), "count": .number(terms.count),
          "terms": .array(terms.map { group in
            .object([
              "key": .string(group.key), "slug": .string(group.slug), "name": .string(name(group)),
              "count": .number(group.members.count), "file": .string(termFile(group)),
            ])
          }),
        ])
      }),
      "downloads": .array(model.downloads.map { .object(["path": .string($0.path), "format": .string($0.format), "bytes": .number($0.bytes)]) }),
    ])
  }

  func recommendation(_ i: Int) -> JSONValue {
    let r = model.catalog.recommendations[i]
    let text = model.texts[i]
    let followUp: JSONValue = r.followUp.map { f in
      .object([
        "status": .optional(f.currentStatus?.rawValue), "responsible": .strings(f.responsible),
        "cluster": .optional(f.cluster), "due": .optional(f.due),
      ])
    } ?? .null
    let translations = model.translations[i].keys.sorted().map { language -> JSONValue in
      let t = model.translations[i][language]!
      return .object(["language": .string(language), "title": .string(t.title), "html": .string(t.html.rawValue), "plain": .string(t.plainText)])
    }
    return .object([
      "id": .string(r.id.rawValue), "page": .string("recommendations/\(r.id)/"),
      "document": .string(r.document), "paragraph": .string(r.paragraph), "country": .string(r.country.rawValue),
      "mechanism": .string(r.mechanism.rawValue), "body": .string(r.body), "date": .string(r.date),
      "cycle": r.cycle.map { .number($0) } ?? .null, "recommending_states": .strings(r.recommendingStates.map(\.rawValue)),
      "response": .optional(r.response?.rawValue), "themes": .strings(r.themes), "affected_persons": .strings(r.affectedPersons),
      "sdg_goals": .strings(r.sdgGoals), "sdg_targets": .strings(r.sdgTargets), "language": .string(r.language),
      "type": .string(r.kind.rawValue), "title": .string(text.title),
      "text": .object(["markdown": .string(text.markdown), "html": .string(text.html.rawValue), "plain": .string(text.plainText)]),
      "translations": .array(translations), "follow_up": followUp, "source_url": .string(DatasetRow.sourceURL(r)),
    ])
  }

  func term(_ group: TermGroup) -> JSONValue {
    var byMechanism: [String: Int] = [:]
    var byYear: [String: Int] = [:]
    for i in group.members {
      let r = model.catalog.recommendations[i]
      byMechanism[r.mechanism.rawValue, default: 0] += 1
      byYear[r.year, default: 0] += 1
    }
    let tally = { (counts: [String: Int]) in JSONValue.fields(counts.keys.sorted().map { ($0, .number(counts[$0]!)) }) }
    return .object([
      "taxonomy": .string(group.taxonomy.rawValue), "key": .string(group.key), "slug": .string(group.slug),
      "name": .string(name(group)), "names": .fields(names(group).map { ($0, .string($1)) }), "page": .string(group.path),
      "count": .number(group.members.count),
      "counts": .object(["by_mechanism": tally(byMechanism), "by_year": tally(byYear)]),
      "members": .strings(group.members.map { model.catalog.recommendations[$0].id.rawValue }),
    ])
  }

  private func name(_ group: TermGroup) -> String { builders.first?.termName(group.taxonomy, group.key) ?? group.key }

  /// The term's name in every language the vocabulary gives it, and in each of the site's
  /// languages as its pages show it; by language code.
  func names(_ group: TermGroup) -> [(String, String)] {
    var names: [String: String] = [:]
    for (language, text) in vocabularyName(group)?.translations ?? [] where !language.isEmpty { names[language] = text }
    for builder in builders where names[builder.language] == nil { names[builder.language] = builder.termName(group.taxonomy, group.key) }
    return names.keys.sorted().map { ($0, names[$0]!) }
  }

  private func vocabularyName(_ group: TermGroup) -> LocalizedText? {
    let v = model.vocabulary
    switch group.taxonomy {
    case .country, .recommendingState: return v.countryByCode[CountryCode(group.key)]?.name
    case .theme: return v.themeBySlug[group.key]?.name
    case .affectedPerson: return v.affectedPersonBySlug[group.key]?.name
    case .body: return v.bodyByCode[group.key.uppercased()]?.name
    case .sdgGoal: return Int(group.key).flatMap { v.goalByNumber[$0] }?.name
    case .sdgTarget: return v.targetByCode[group.key]?.name
    case .mechanism, .document, .uprCycle, .uprSession: return nil
    }
  }
}
