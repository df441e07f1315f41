/// A facet of the search index: a field of the recommendations whose values filter the results
/// and are counted for them.
///
/// This is the one list of them. The cases are in index order: the order of the manifest's
/// `fields`, from which `Public/search/search.js` and the search page take the list. The raw
/// value is the field's name there, in `labels.json`, in a result's `facets` and in search URLs
/// (`search/?affected_persons=children`).
public enum FacetField: String, CaseIterable, Sendable {
  case country
  case region
  case body
  case mechanism
  case theme
  case affectedPersons = "affected_persons"
  case sdgGoal = "sdg_goal"
  case sdgTarget = "sdg_target"
  case year
  case language
  case response
  case cycle
  case recommendingState = "recommending_state"
  case type
  /// National follow-up: the current status, the responsible institutions (page slugs), and
  /// whether it is overdue (`yes` or `no`); only recommendations with follow-up have them.
  case status
  case responsible
  case overdue

  /// The fields' names in index order, as the manifest lists them.
  public static let names = allCases.map(\.rawValue)

  /// The field's position in index order.
  var ordinal: Int { Self.ordinals[self]! }

  private static let ordinals = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
