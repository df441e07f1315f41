/// How far a State has implemented a recommendation, as a national tracking database records it.
public enum FollowUpStatus: String, CaseIterable, Sendable, Comparable {
  case notStarted = "not-started"
  case inProgress = "in-progress"
  case partiallyImplemented = "partially-implemented"
  case implemented

  public static func < (a: Self, b: Self) -> Bool { a.ordinal < b.ordinal }

  /// The status's place in `allCases`, for tables indexed by status.
  public var ordinal: Int {
    switch self {
    case .notStarted: return 0
    case .inProgress: return 1
    case .partiallyImplemented: return 2
    case .implemented: return 3
    }
  }
}

/// One dated entry of a recommendation's follow-up history.
public struct FollowUpUpdate: Sendable, Hashable {
  public var date: String
  public var status: FollowUpStatus
  /// The note as written (Markdown), and as the pages show it (rendered safely).
  public var note: String?
  public var noteHTML: HTML?
  /// Indicator values as written, in file order: `name: value`.
  public var indicators: [FollowUpIndicator]

  public init(date: String, status: FollowUpStatus, note: String? = nil, noteHTML: HTML? = nil, indicators: [FollowUpIndicator] = []) {
    self.date = date
    self.status = status
    self.note = note
    self.noteHTML = noteHTML
    self.indicators = indicators
  }
}

/// A named measurement reported with an update (`births_registered: 12400`).
public struct FollowUpIndicator: Sendable, Hashable {
  public var name: String
  public var value: String
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// An action the State plans in order to implement a recommendation.
public struct FollowUpAction: Sendable, Hashable {
  public var action: String
  public var due: String
  /// The date it was completed; nil while open.
  public var completed: String?
  public var responsible: [String]

  public init(action: String, due: String, completed: String? = nil, responsible: [String] = []) {
    self.action = action
    self.due = due
    self.completed = completed
    self.responsible = responsible
  }

  /// Open and due before `asOf` (YYYY-MM-DD strings compare as dates).
  public func isOverdue(asOf: String?) -> Bool {
    guard let asOf else { return false }
    return completed == nil && due < asOf
  }
}

/// National follow-up of a recommendation, as tracked by a recommendation-tracking database.
public struct FollowUp: Sendable, Hashable {
  /// The status written as `status:` (kept for files without updates).
  public var status: FollowUpStatus?
  /// Institution slugs (from `vocabularies/institutions.yml`) or free names.
  public var responsible: [String]
  public var cluster: String?
  public var due: String?
  /// Oldest first (by date; entries of one date in file order).
  public var updates: [FollowUpUpdate]
  /// In file order.
  public var actions: [FollowUpAction]

  public init(status: FollowUpStatus? = nil, responsible: [String] = [], cluster: String? = nil, due: String? = nil,
              updates: [FollowUpUpdate] = [], actions: [FollowUpAction] = []) {
    self.status = status
    self.responsible = responsible
    self.cluster = cluster
    self.due = due
    self.updates = updates
    self.actions = actions
  }

  /// The latest update's status, else the `status` written.
  public var currentStatus: FollowUpStatus? { updates.last?.status ?? status }

  public var latestUpdate: FollowUpUpdate? { updates.last }

  /// The status on `date`: the last update on or before it, else nil (not yet tracked), or the
  /// written `status` when there is no history at all.
  public func status(on date: String) -> FollowUpStatus? {
    if updates.isEmpty { return status }
    return updates.last { $0.date <= date }?.status
  }

  /// The actions open past their due date on `asOf`.
  public func overdueActions(asOf: String?) -> [FollowUpAction] { actions.filter { $0.isOverdue(asOf: asOf) } }

  /// Overdue on `asOf`: an overdue action, or the recommendation's own `due` passed while not implemented.
  public func isOverdue(asOf: String?) -> Bool {
    guard let asOf else { return false }
    if let due, due < asOf, currentStatus != .implemented { return true }
    return actions.contains { $0.isOverdue(asOf: asOf) }
  }

  /// Every institution named, the block's own first, then the actions', each once.
  public var allResponsible: [String] {
    var seen: [String] = []
    for name in responsible + actions.flatMap(\.responsible) where !seen.contains(name) { seen.append(name) }
    return seen
  }
}
