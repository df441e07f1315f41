import SiteCore

/// The interface strings named after a value: the one place each such key is spelled, so that a
/// renamed case or key is found by the compiler or by `ThemeTests`, not by a reader.
extension UIStrings {
  /// "Recommendation", "Observation"…: `type_<kind>`.
  public func label(_ kind: RecommendationKind) -> String { self["type_" + kind.rawValue] }

  /// "Supported", "Noted": `response_<response>`.
  public func label(_ response: UPRResponse) -> String { self["response_" + response.rawValue] }

  /// "Implemented", "In progress"…: `status_<status>`.
  public func label(_ status: FollowUpStatus) -> String { self["status_" + status.rawValue] }

  /// "Universal Periodic Review"…: `mechanism_<mechanism>`.
  public func label(_ mechanism: Mechanism) -> String { self["mechanism_" + mechanism.rawValue] }

  /// A language's name in this interface: `language_<code>`.
  public func languageName(_ code: String) -> String { self["language_" + code] }

  /// The introduction of a taxonomy's hub page: `hub_<taxonomy>`.
  public func hubIntroduction(_ taxonomy: Taxonomy) -> String { self["hub_" + taxonomy.rawValue] }

  /// The caption of a summary table by taxonomy: `summary_by_<taxonomy>`.
  public func summaryCaption(_ taxonomy: Taxonomy) -> String { self["summary_by_" + taxonomy.rawValue] }

  /// A phrase of the search page: `search_<phrase>`.
  public func searchPhrase(_ phrase: String) -> String { self["search_" + phrase] }
}
