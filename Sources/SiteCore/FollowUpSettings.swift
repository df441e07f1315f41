/// The `follow_up:` settings of `site.yml`.
public struct FollowUpSettings: Sendable, Hashable {
  /// The reference date (YYYY-MM-DD) against which due dates are overdue; nil: the corpus's latest update.
  public var asOf: String?
  /// A notice shown on every follow-up page (such as "fictional sample data"), one text or one per language.
  public var notice: LocalizedText?

  public init(asOf: String? = nil, notice: LocalizedText? = nil) {
    self.asOf = asOf
    self.notice = notice
  }

  static func decode(_ node: FieldNode, _ reader: YAMLReader, _ d: inout [Diagnostic]) -> FollowUpSettings {
    guard case let .mapping(pairs) = node.value else {
      d.append(.error(at: reader.location(node), field: "follow_up", "expected a mapping with as_of, notice, found \(reader.kind(of: node))"))
      return FollowUpSettings()
    }
    var settings = FollowUpSettings()
    for (key, value) in reader.entries(of: pairs, into: &d) {
      switch key {
      case "as_of":
        guard let text = reader.string(value, field: "follow_up.as_of", into: &d) else { continue }
        if let date = CalendarDate(text) { settings.asOf = date.text } else {
          d.append(.error(at: reader.location(value), field: "follow_up.as_of", "\"\(text)\" is not a date",
            notes: ["expected YYYY-MM-DD, such as 2024-06-30: the date against which actions are overdue"]))
        }
      case "notice": settings.notice = reader.localized(value, field: "follow_up.notice", into: &d)
      default:
        d.append(.warning(at: reader.location(value), field: "follow_up.\(key)", "unknown setting \"\(key)\" is ignored",
          notes: ["follow_up takes as_of, notice"]))
      }
    }
    return settings
  }

  /// The date against which due dates are overdue: `as_of`, else the latest update date of
  /// `recommendations`, else nil (nothing is overdue). Never the wall clock.
  public func asOf(_ recommendations: [Recommendation]) -> String? {
    if let asOf { return asOf }
    var latest: String?
    for r in recommendations {
      if let date = r.followUp?.updates.last?.date, latest.map({ date > $0 }) ?? true { latest = date }
    }
    return latest
  }
}
