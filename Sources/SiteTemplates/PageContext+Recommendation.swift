import SiteCore
import SiteSearch

extension PageContextBuilder {
  func recommendation(_ i: Int, _ path: String) -> PageContext {
    let r = model.catalog.recommendations[i]
    let (text, textLanguage, isTranslation) = model.text(i, in: language)
    let countryName = labels.label(.country, r.country.rawValue)
    let crumbs: [(String, String?)] = [
      (strings["nav_countries"], "countries/"), (countryName, "countries/\(r.country.slug)/"),
      ("\(r.document), \(strings["paragraph_short"]) \(r.paragraph)", nil),
    ]
    var values = layout(path, title: text.title, crumbs: crumbs, section: nil)
    let root = base(path)
    values["title"] = .text(text.title)
    // A headline the text opens with (its first sentence, made or given) would only be read
    // twice: then the heading names the recommendation and the text follows; the title keeps it.
    values["headline"] = text.opensWithTitle ? false : .text(text.title)
    values["kindLabel"] = .text(strings.label(r.kind))
    values["document"] = .text(r.document)
    values["paragraph"] = .text(r.paragraph)
    values["textHtml"] = .html(text.html)
    values[.pageDescription] = .text(String(text.plainText.prefix(200)))
    values["textLang"] = (textLanguage != language ? textLanguage : nil).templateValue
    values["textDir"] = .text(LanguageFormat.direction(textLanguage))
    values["sourceURL"] = r.sourceAddress.isEmpty ? .flag(false) : .text(r.sourceAddress)
    values["sourceLabel"] = .text(strings.format("source_document", ["document": r.document]))
    let original = isTranslation ? originalLink(i, siteRoot: self.root(for: path)) : nil
    values["fields"] = fields(of: r, root: root, shown: (textLanguage, isTranslation), original: original)
    values["translationNote"] = !isTranslation ? false : .object([
      "text": .text(strings.format("translation_note", ["language": languageName(r.language)])),
      "href": original.templateValue, "hreflang": .text(r.language), "linkText": .text(strings["translation_original_link"]),
    ])
    values["followUp"] = r.followUp.map { followUpSection($0, root: root, language: r.language) } ?? false
    values["citation"] = citation(i, title: text.title)
    values["languageNote"] = textLanguage == language ? false
      : .text(strings.format("language_note", ["language": languageName(textLanguage)]))
    return PageContext(path: path, template: .recommendation, values: values)
  }

  /// The recommendation's fields in reading order; each group links to its page.
  func fields(of r: Recommendation, root: String, shown: (language: String, isTranslation: Bool), original: String?) -> TemplateValue {
    var rows: [(String, [(String, String?)])] = []
    func link(_ t: Taxonomy, _ key: String, short: Bool = false) -> (String, String?) {
      let term = labels.term(t, key)
      return (short ? term.short : term.label, term.path.map { root + $0 })
    }
    rows.append(("field_country", [link(.country, r.country.rawValue)]))
    /// A value with no page of its own leads to the search for it (within the country for UPR fields).
    func search(_ field: FacetField, _ value: String, inCountry: Bool = false) -> String {
      root + "search/?" + (inCountry ? "country=\(r.country.slug)&" : "") + field.rawValue + "=" + value
    }
    if let region = model.vocabulary.countryByCode[r.country]?.region {
      rows.append(("field_region", [(model.vocabulary.regionName(region, in: language), search(.region, Slug.make(region)))]))
    }
    rows.append(("field_mechanism", [link(.mechanism, r.mechanism.rawValue)]))
    rows.append(("field_body", [link(.body, r.body)]))
    rows.append(("field_document", [link(.document, r.document)]))
    rows.append(("field_paragraph", [(r.paragraph, nil)]))
    rows.append(("field_date", [(LanguageFormat.date(r.date, language), nil)]))
    rows.append(("field_type", [(strings.label(r.kind), search(.type, r.kind.rawValue))]))
    if let cycle = r.cycle { rows.append(("field_cycle", [(number(cycle), search(.cycle, String(cycle), inCountry: true))])) }
    if !r.recommendingStates.isEmpty {
      rows.append(("field_recommending_states", r.recommendingStates.map { state in
        let page = link(.country, state.rawValue)
        return page.1 == nil ? (page.0, search(.recommendingState, state.slug)) : page
      }))
    }
    if let response = r.response {
      rows.append(("field_response", [(strings.label(response), search(.response, response.rawValue, inCountry: true))]))
    }
    if !r.themes.isEmpty { rows.append(("field_themes", r.themes.map { link(.theme, $0) })) }
    if !r.affectedPersons.isEmpty { rows.append(("field_affected_persons", r.affectedPersons.map { link(.affectedPerson, $0) })) }
    if !r.sdgGoals.isEmpty { rows.append(("field_sdg_goals", r.sdgGoals.map { link(.sdgGoal, $0) })) }
    if !r.sdgTargets.isEmpty { rows.append(("field_sdg_targets", r.sdgTargets.map { link(.sdgTarget, $0) })) }
    rows.append(("field_language", [(strings.format(shown.isTranslation ? "text_translation" : "text_original",
      ["language": languageName(shown.language)]), search(.language, shown.language))]))
    if shown.isTranslation { rows.append(("field_original_language", [(languageName(r.language), original)])) }
    rows.append(("field_id", [(r.id.rawValue, nil)]))
    return .list(rows.map { key, values in
      let items = values.enumerated().map { n, v -> TemplateValue in
        [.text: .text(v.0), .last: .flag(n == values.count - 1), .href: v.1.templateValue]
      }
      return [.label: .text(strings[key]), .values: .list(items)]
    })
  }

  /// Where the original of a translated recommendation can be read: its page in the edition of
  /// its language when that edition shows the original, else the document it comes from.
  func originalLink(_ i: Int, siteRoot: String) -> String? {
    let r = model.catalog.recommendations[i]
    if model.config.languages.contains(r.language), model.translations[i][r.language] == nil {
      return siteRoot + LanguageTree.prefix(of: r.language, in: model.config) + "recommendations/\(r.id)/"
    }
    let url = r.sourceAddress
    return url.isEmpty ? nil : url
  }

  /// The follow-up block; its free text is in the record's `language`, marked as such.
  func followUpRows(_ f: FollowUp, language textLanguage: String) -> TemplateValue {
    var rows: [[String: String]] = []
    let lang = textLanguage != language ? ["valueLang": textLanguage, "valueDir": LanguageFormat.direction(textLanguage)] : [:]
    if let status = f.currentStatus { rows.append(["label": strings["field_status"], "value": strings.label(status)]) }
    if !f.responsible.isEmpty {
      rows.append(["label": strings["field_responsible"], "value": f.responsible.map(institutionName).joined(separator: "; ")].merging(lang) { a, _ in a })
    }
    if let cluster = f.cluster { rows.append(["label": strings["field_cluster"], "value": cluster].merging(lang) { a, _ in a }) }
    if let due = f.due { rows.append(["label": strings["field_due"], "value": LanguageFormat.date(due, language)]) }
    return .list(rows.map { .object(TemplateValue.texts($0)) })
  }

  /// A language's name in the page's language (`language_fr`), else in itself.
  func languageName(_ code: String) -> String {
    let key = "language_\(code)"
    return strings.values[key] ?? LanguageTree.endonym(code)
  }

  /// One entry of a recommendation list, linked relative to the page at `root`.
  func listItem(_ i: Int, root: String) -> TemplateValue {
    let entry = listEntries.isEmpty ? listEntry(i) : listEntries[i]
    var pairs: [(TemplateKey, TemplateValue)] = []
    pairs.reserveCapacity(entry.fields.count + 1)
    pairs.append((.href, .text(root + entry.path)))
    // One by one: fewer instructions than `append(contentsOf:)` here (callgrind, term pages).
    for pair in entry.fields { pairs.append(pair) }
    return .fields(pairs)
  }

  /// What a list shows of one recommendation in this builder's language: every field of its entry
  /// but the link, which depends on the page. A recommendation is listed on a dozen term pages.
  func listEntry(_ i: Int) -> ListEntry {
    let r = model.catalog.recommendations[i]
    let (text, textLanguage, _) = model.text(i, in: language)
    return ListEntry(path: "recommendations/\(r.id)/", fields: [
      (.title, .text(text.title)), (.document, .text(r.document)),
      (.paragraph, .text(r.paragraph)), (.country, .text(labels.label(.country, r.country.rawValue))), (.body, .text(r.body)),
      (.date, .text(r.date)), (.dateText, .text(LanguageFormat.date(r.date, language))),
      (.lang, (textLanguage != language ? textLanguage : nil).templateValue),
      (.kind, (r.kind != .recommendation ? strings.label(r.kind) : nil).templateValue),
    ])
  }
}

/// A recommendation's list entry without its link (`path` is the link from the language's root).
struct ListEntry: Sendable {
  let path: String
  let fields: [(TemplateKey, TemplateValue)]
}
