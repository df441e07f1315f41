/// A UPR State's answer to a recommendation.
public enum UPRResponse: String, CaseIterable, Sendable {
  case supported, noted, pending
}

/// UHRI records both recommendations and observations (concerns) of treaty bodies.
public enum RecommendationKind: String, CaseIterable, Sendable {
  case recommendation, observation
}

/// One recommendation (or observation), its front matter decoded and checked against the vocabularies.
///
/// A class: a catalog of 270,000 is read from every page of a build, and sharing each record
/// (rather than copying its twenty fields) keeps those reads cheap. It is never changed once made.
public final class Recommendation: Sendable {
  public let id: RecommendationID
  /// The file it came from, relative to the site root (`Content/recommendations/ecu/x.md`).
  public let source: String
  public let document: String
  public let paragraph: String
  public let country: CountryCode
  public let mechanism: Mechanism
  public let body: String
  public let date: String
  public let cycle: Int?
  /// The UPR Working Group session that reviewed the State.
  public let session: Int?
  public let recommendingStates: [CountryCode]
  public let response: UPRResponse?
  public let themes: [String]
  public let affectedPersons: [String]
  public let sdgGoals: [String]
  public let sdgTargets: [String]
  public let language: String
  public let kind: RecommendationKind
  /// The title the file gives; when nil the page uses the text's first sentence.
  public let title: String?
  public let followUp: FollowUp?
  /// Where the source document is read: nil for `https://undocs.org/<document>`, empty for none.
  public let sourceURL: String?
  /// The file line the Markdown text starts on (the text itself comes with `RecommendationDecoder.Decoded`).
  public let textLine: Int

  public init(id: RecommendationID, source: String, document: String, paragraph: String, country: CountryCode, mechanism: Mechanism,
              body: String, date: String, cycle: Int?, session: Int? = nil, recommendingStates: [CountryCode], response: UPRResponse?,
              themes: [String], affectedPersons: [String], sdgGoals: [String], sdgTargets: [String], language: String,
              kind: RecommendationKind, title: String?, followUp: FollowUp?, sourceURL: String? = nil, textLine: Int) {
    self.id = id
    self.source = source
    self.document = document
    self.paragraph = paragraph
    self.country = country
    self.mechanism = mechanism
    self.body = body
    self.date = date
    self.cycle = cycle
    self.session = session
    self.recommendingStates = recommendingStates
    self.response = response
    self.themes = themes
    self.affectedPersons = affectedPersons
    self.sdgGoals = sdgGoals
    self.sdgTargets = sdgTargets
    self.language = language
    self.kind = kind
    self.title = title
    self.followUp = followUp
    self.sourceURL = sourceURL
    self.textLine = textLine
  }

  public var year: String { String(date.prefix(4)) }

  /// Where the source document is read: the address the file gives (empty for none), else
  /// undocs.org's for its symbol.
  public var sourceAddress: String { sourceURL ?? Self.undocsAddress(document) }

  /// The address at which undocs.org serves a UN document symbol.
  public static func undocsAddress(_ symbol: String) -> String { "https://undocs.org/" + symbol }
  public var documentSlug: String { Slug.make(document) }

  /// Newest first, then by id: the order of every list.
  public static func listOrder(_ a: Recommendation, _ b: Recommendation) -> Bool {
    a.date != b.date ? a.date > b.date : a.id < b.id
  }
}
