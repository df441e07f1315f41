import SiteCore
import SiteSearch

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

  /// A facet field's name, as its search filter and the recommendation page show it: `field_<…>`.
  public func name(of field: FacetField) -> String { self[Self.nameKey(field)] }

  private static func nameKey(_ field: FacetField) -> String {
    switch field {
    case .country: "field_country"
    case .region: "field_region"
    case .body: "field_body"
    case .mechanism: "field_mechanism"
    case .theme: "field_themes"
    case .affectedPersons: "field_affected_persons"
    case .sdgGoal: "field_sdg_goals"
    case .sdgTarget: "field_sdg_targets"
    case .year: "field_year"
    case .language: "field_language"
    case .response: "field_response"
    case .cycle: "field_cycle"
    case .recommendingState: "field_recommending_states"
    case .type: "field_type"
    case .status: "field_status"
    case .responsible: "field_responsible"
    case .overdue: "follow_up_overdue"
    }
  }
}
