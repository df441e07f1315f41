/// A UPR State's answer to a recommendation.
public enum UPRResponse: String, CaseIterable, Sendable {
  case supported, noted, pending
}

/// UHRI records both recommendations and observations (concerns) of treaty bodies.
public enum RecommendationKind: String, CaseIterable, Sendable {
  case recommendation, observation
}

public enum FollowUpStatus: String, CaseIterable, Sendable {
  case notStarted = "not-started"
  case inProgress = "in-progress"
  case partiallyImplemented = "partially-implemented"
  case implemented
}

/// National follow-up of a recommendation, as tracked by a recommendation-tracking database.
public struct FollowUp: Sendable, Hashable {
  public var status: FollowUpStatus?
  public var responsible: [String]
  public var cluster: String?
  public var due: String?
}

/// One recommendation (or observation), its front matter decoded and checked against the vocabularies.
public struct Recommendation: Sendable {
  public var id: String
  /// The file it came from, relative to the site root (`Content/recommendations/ecu/x.md`).
  public var source: String
  public var document: String
  public var paragraph: String
  public var country: String
  public var mechanism: Mechanism
  public var body: String
  public var date: String
  public var cycle: Int?
  public var recommendingStates: [String]
  public var response: UPRResponse?
  public var themes: [String]
  public var affectedPersons: [String]
  public var sdgGoals: [String]
  public var sdgTargets: [String]
  public var language: String
  public var kind: RecommendationKind
  /// The title the file gives; when nil the page uses the text's first sentence.
  public var title: String?
  public var followUp: FollowUp?
  /// Where the source document is read: nil for `https://undocs.org/<document>`, empty for none.
  public var sourceURL: String? = nil
  /// The Markdown body and the file line it starts on.
  public var text: String
  public var textLine: Int

  public var year: String { String(date.prefix(4)) }
  public var documentSlug: String { Slug.make(document) }

  /// `document` + `-` + `paragraph`, slugged: `A/HRC/39/6` + `120.89` → `a-hrc-39-6-120-89`.
  public static func derivedID(document: String, paragraph: String) -> String {
    Slug.make(document + "-" + paragraph)
  }

  /// Newest first, then by id: the order of every list.
  public static func listOrder(_ a: Recommendation, _ b: Recommendation) -> Bool {
    a.date != b.date ? a.date > b.date : a.id < b.id
  }
}
