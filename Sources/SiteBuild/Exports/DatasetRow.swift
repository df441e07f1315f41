import SiteCore

/// One recommendation as a row of the downloads: every field of its front matter, the names of
/// its country, and its full text as plain text (rendered from its Markdown). Lists are joined
/// with "; ", in the order the file gives them.
struct DatasetRow {
  /// The columns of every tabular download (CSV, XLSX), in order.
  static let columns = [
    "id", "document", "paragraph", "country", "country_name", "mechanism", "body", "date", "cycle",
    "recommending_states", "response", "themes", "affected_persons", "sdg_goals", "sdg_targets", "language", "type",
    "title", "text", "follow_up_status", "follow_up_responsible", "follow_up_cluster", "follow_up_due", "source_url", "url",
  ]

  static let separator = "; "

  let cells: [String]

  init(_ i: Int, _ model: SiteModel) {
    let r = model.catalog.recommendations[i]
    let language = model.config.language
    let join = { (list: [String]) in list.joined(separator: Self.separator) }
    cells = [
      r.id.rawValue, r.document, r.paragraph, r.country.rawValue,
      model.vocabulary.countryByCode[r.country]?.name.text(in: language) ?? r.country.rawValue,
      r.mechanism.rawValue, r.body, r.date, r.cycle.map(String.init) ?? "",
      join(r.recommendingStates.map(\.rawValue)), r.response?.rawValue ?? "", join(r.themes), join(r.affectedPersons),
      join(r.sdgGoals), join(r.sdgTargets), r.language, r.kind.rawValue,
      model.texts[i].title, model.texts[i].plainText,
      r.followUp?.currentStatus?.rawValue ?? "", join(r.followUp?.responsible ?? []), r.followUp?.cluster ?? "", r.followUp?.due ?? "",
      r.sourceAddress, (model.config.baseURL ?? "") + "recommendations/\(r.id)/",
    ]
  }

  /// Where the source document is read (`Recommendation.sourceAddress`); the API and SQLite exports call it too.
  static func sourceURL(_ r: Recommendation) -> String { r.sourceAddress }
}
