/// Which data exports a build writes, from `site.yml`'s `exports:`; every kind is on by default.
///
/// ```yaml
/// exports: false          # none at all
/// exports:                # or each kind on its own
///   csv: false            # downloads/recommendations.csv
///   xlsx: false           # downloads/recommendations.xlsx
///   jsonl: false          # downloads/recommendations.jsonl
///   sqlite: false         # downloads/recommendations.sqlite
///   group_files: false    # <group>/recommendations.csv (and .xlsx) on group pages, countries' matrix.csv
///   api: false            # the static JSON API, api/v1/
///   feeds: false          # Atom feed.xml at the root and on country, theme, group, body and SDG pages
/// ```
public struct ExportSettings: Sendable, Equatable {
  public enum Kind: String, CaseIterable, Sendable {
    case csv, xlsx, jsonl, sqlite
    case groupFiles = "group_files"
    case api, feeds
  }

  public private(set) var enabled: Set<Kind>

  public init(enabled: Set<Kind> = Set(Kind.allCases)) { self.enabled = enabled }

  public static let none = ExportSettings(enabled: [])

  public func has(_ kind: Kind) -> Bool { enabled.contains(kind) }

  /// Whether any file the build writes carries every recommendation's text (then a text edit
  /// cannot be published alone: the files would keep the old text).
  public var hasDatasetFiles: Bool { !enabled.isEmpty }

  /// Whether the `downloads/` page has anything to list.
  public var hasDownloads: Bool { !enabled.subtracting([.api, .feeds]).isEmpty }

  /// Reads `exports:`: `true`/`false` for every kind, or a mapping of kinds to `true`/`false`.
  static func decode(_ node: FieldNode, _ reader: YAMLReader, into d: inout [Diagnostic]) -> ExportSettings {
    let accepted = "expected true or false, or a mapping such as {csv: true, xlsx: false} with the kinds "
      + Kind.allCases.map(\.rawValue).joined(separator: ", ")
    if case .scalar = node.value {
      switch reader.string(node, field: "exports", into: &d) {
      case "true"?: return ExportSettings()
      case "false"?: return .none
      case let text?:
        d.append(.error(at: reader.location(node), field: "exports", "\"\(text)\" is not a choice of exports", notes: [accepted]))
      case nil: break
      }
      return ExportSettings()
    }
    guard case let .mapping(mapping) = node.value else {
      d.append(.error(at: reader.location(node), field: "exports", "exports must be true, false or a mapping, not \(reader.kind(of: node))",
        notes: [accepted]))
      return ExportSettings()
    }
    var settings = ExportSettings()
    for (key, value) in reader.entries(of: mapping, into: &d) {
      let field = "exports." + key
      guard let kind = Kind(rawValue: key) else {
        d.append(.error(at: reader.location(value), field: field, "unknown export \"\(key)\"", notes: [accepted]))
        continue
      }
      switch reader.string(value, field: field, into: &d) {
      case "true"?: settings.enabled.insert(kind)
      case "false"?: settings.enabled.remove(kind)
      case let text?:
        d.append(.error(at: reader.location(value), field: field, "\"\(text)\" is not true or false", notes: ["expected true or false"]))
      case nil: break
      }
    }
    return settings
  }
}
