import SiteCore

/// One recommendation as an importer made it from a source row, ready to be written as a
/// Content file in the contract (`docs/content-format.md`).
public struct ImportedRecommendation: Sendable, Equatable {
  public var id: String
  public var document: String
  public var paragraph: String
  public var country: String
  public var mechanism: Mechanism
  public var body: String
  public var date: String
  public var cycle: Int?
  public var session: Int?
  public var recommendingStates: [String] = []
  public var response: UPRResponse?
  public var themes: [String] = []
  public var affectedPersons: [String] = []
  public var sdgs: [String] = []
  public var language: String
  public var kind: RecommendationKind = .recommendation
  /// `source_url`: `none` for documents with no address online (UPR Info's synthetic symbols).
  public var sourceURL: String? = nil
  /// The text in CommonMark, already escaped.
  public var text: String

  /// `recommendations/<country lower-cased>/<id>.md`, relative to the content folder.
  public var path: String { "recommendations/\(country.lowercased())/\(id).md" }

  /// The whole file: front matter in the contract's field order, then the text.
  public var fileText: String {
    var lines = ["---", "id: \(id)", "document: \(YAMLScalar.quoted(document))", "paragraph: \(YAMLScalar.quoted(paragraph))",
      "country: \(country)", "mechanism: \(mechanism.rawValue)", "body: \(body)", "date: \(date)"]
    if let cycle { lines.append("cycle: \(cycle)") }
    if let session { lines.append("session: \(session)") }
    if !recommendingStates.isEmpty { lines.append("recommending_states: \(YAMLScalar.list(recommendingStates))") }
    if let response { lines.append("response: \(response.rawValue)") }
    if !themes.isEmpty { lines.append("themes: \(YAMLScalar.list(themes))") }
    if !affectedPersons.isEmpty { lines.append("affected_persons: \(YAMLScalar.list(affectedPersons))") }
    if !sdgs.isEmpty { lines.append("sdgs: \(YAMLScalar.list(sdgs.map(YAMLScalar.quoted)))") }
    lines.append("language: \(language)")
    if kind != .recommendation { lines.append("type: \(kind.rawValue)") }
    if let sourceURL { lines.append("source_url: \(YAMLScalar.quoted(sourceURL))") }
    lines.append("---")
    return lines.joined(separator: "\n") + "\n" + text + "\n"
  }
}
