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

/// YAML text for the few value shapes the importers write.
enum YAMLScalar {
  /// A double-quoted scalar: always read back as the same text, whatever it contains.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
          || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
        {
          out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A flow list of items that are already valid YAML (codes, slugs, quoted scalars).
  static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
