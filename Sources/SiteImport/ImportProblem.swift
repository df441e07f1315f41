/// A value of a source row that an importer could not map, and what it did about it.
public struct ImportProblem: Sendable, Hashable {
  /// The field of the source the value came from.
  public enum Field: String, Sendable, CaseIterable, Comparable {
    case file, record, id
    case duplicateID = "duplicate id"
    case type, body, country, document, date, paragraph, text
    case session, cycle, response
    case recommendingState = "recommending state"
    case issue, theme
    case affectedPerson = "affected person"
    case sdg

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
  }

  /// What the value's failure meant for its row. The cases are in report order.
  public enum Effect: String, Sendable, Comparable, CaseIterable {
    /// The row was not imported: a required field could not be filled.
    case rowSkipped = "rows not imported"
    /// The row was imported without this value.
    case valueLeftOut = "imported without the value"
    /// Nothing is missing, but the row deserves a look (a source that names no State, say).
    case note = "notes"
    /// A label matched by another spelling than the vocabulary's name (an alias, an ISO alpha-2
    /// code, a name with a footnote mark): the value says which.
    case mappedByAlias = "labels mapped by alias"
    /// A row that named no State took it from its document symbol.
    case derivedFromSymbol = "States taken from the document symbol"
    /// A type the importer does not know was given one by its documented rule.
    case typedByRule = "types given by rule"

    /// Whether the row was imported with a value the importer chose (not a problem, but reported).
    public var isAlteration: Bool { self == .mappedByAlias || self == .derivedFromSymbol || self == .typedByRule }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
  }

  public var field: Field
  /// The value as the source gave it (cleaned of stray spaces), or a description when it is absent.
  public var value: String
  public var effect: Effect
  /// Where the row is: `1-5.csv:12` (file and line), or `export.json:340 (record 3)`.
  public var place: String

  public init(_ field: Field, _ value: String, _ effect: Effect, at place: String) {
    self.field = field
    self.value = value
    self.effect = effect
    self.place = place
  }
}
