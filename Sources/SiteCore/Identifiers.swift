/// A recommendation's id: the name of its page's folder, unique in a site, following the
/// contract's rule `^[a-z0-9][a-z0-9-]{0,127}$` (the decoder checks it and reports a file that
/// breaks it).
public struct RecommendationID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// A literal id, as tests and examples write one.
  public init(stringLiteral value: String) { rawValue = value }

  /// `document` + `-` + `paragraph`, slugged: `A/HRC/39/6` + `120.89` → `a-hrc-39-6-120-89`.
  public init(document: String, paragraph: String) { rawValue = Slug.make(document + "-" + paragraph) }

  public var description: String { rawValue }

  /// `^[a-z0-9][a-z0-9-]{0,127}$`, the contract's rule for ids.
  public static func isValid(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, bytes.count <= 128, first != UInt8(ascii: "-") else { return false }
    return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }

  public static func < (a: RecommendationID, b: RecommendationID) -> Bool { a.rawValue < b.rawValue }
}

/// A State's (or territory's) code: ISO 3166-1 alpha-3 in capitals (`ECU`), as `countries.yml`
/// lists it; the country page's folder is its lower-case form.
public struct CountryCode: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// A literal code, as tests and examples write one.
  public init(stringLiteral value: String) { rawValue = value }

  public var description: String { rawValue }

  /// The slug of the country's page (`ecu`): the rule of every country key (`Taxonomy.slug(of:)`).
  public var slug: String { Slug.make(rawValue) }

  public static func < (a: CountryCode, b: CountryCode) -> Bool { a.rawValue < b.rawValue }
}
