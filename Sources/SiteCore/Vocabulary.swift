import Foundation

/// The three families of UN human-rights mechanisms.
public enum Mechanism: String, CaseIterable, Sendable, Comparable {
  case upr
  case treatyBody = "treaty-body"
  case specialProcedure = "special-procedure"

  public static func < (a: Self, b: Self) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// What kind of addressee a `countries.yml` entry is: a State or territory (the default), or an
/// intergovernmental organization such as the European Union, which mechanisms also address but
/// which is listed and counted apart from States.
public enum CountryKind: String, Sendable, Hashable, CaseIterable {
  case state
  case organization
}

/// A State, territory or other addressee that mechanisms address.
public struct Country: Sendable, Hashable {
  public var code: CountryCode
  public var name: LocalizedText
  public var region: String?
  public var kind: CountryKind = .state
  /// ISO 3166-1 alpha-2 code (`NL`), as some exports write a State.
  public var alpha2: String?
  /// Other spellings importers accept (`Netherlands`, `Turkey`).
  public var aliases: [String] = []
  /// The UN formal name (`Plurinational State of Bolivia`), in the languages given.
  public var formal: LocalizedText?
  public var slug: String { code.slug }
  public var isState: Bool { kind == .state }
  /// Every name of the entry an export or a search may use: the short names in every language,
  /// the formal names, the aliases.
  public var allNames: [String] { name.all + (formal?.all ?? []) + aliases }

  public init(code: CountryCode, name: LocalizedText, region: String? = nil, kind: CountryKind = .state,
              alpha2: String? = nil, aliases: [String] = [], formal: LocalizedText? = nil) {
    self.code = code
    self.name = name
    self.region = region
    self.kind = kind
    self.alpha2 = alpha2
    self.aliases = aliases
    self.formal = formal
  }
}

/// A treaty body, the UPR, or a special-procedure mandate.
public struct Body: Sendable, Hashable {
  public var code: String
  public var name: LocalizedText
  public var mechanism: Mechanism
  public var aliases: [String]
  public var slug: String { Slug.make(code) }
}

/// A theme or an affected group: a slug and its name.
public struct Term: Sendable, Hashable {
  public var slug: String
  public var name: LocalizedText
  public var aliases: [String]
}

public struct SDGTarget: Sendable, Hashable {
  public var code: String
  public var name: LocalizedText?
  public var goal: Int
  /// `16.a` → `16-a`.
  public var slug: String { Slug.make(code) }
}

public struct SDGGoal: Sendable, Hashable {
  public var number: Int
  public var name: LocalizedText
  public var targets: [SDGTarget]
}

/// Every controlled list a recommendation's front matter is checked against.
public struct Vocabulary: Sendable {
  public var countries: [Country]
  public var bodies: [Body]
  public var themes: [Term]
  public var affectedPersons: [Term]
  public var goals: [SDGGoal]
  /// From the optional `institutions.yml`: those responsible for national follow-up.
  public var institutions: [Institution]

  public let countryByCode: [CountryCode: Country]
  public let bodyByCode: [String: Body]
  public let themeBySlug: [String: Term]
  public let affectedPersonBySlug: [String: Term]
  public let goalByNumber: [Int: SDGGoal]
  public let targetByCode: [String: SDGTarget]
  /// A regional group's names, by its English name (the `region` of countries).
  public let regionNames: [String: LocalizedText]
  public let institutionBySlug: [String: Institution]
  /// Every name of every institution, in every language, case-folded (`Vocabulary.folded`):
  /// the first institution of that name.
  public let institutionByName: [String: Institution]

  public init(
    countries: [Country], bodies: [Body], themes: [Term], affectedPersons: [Term], goals: [SDGGoal],
    regionNames: [String: LocalizedText] = [:], institutions: [Institution] = []
  ) {
    self.regionNames = regionNames
    self.institutions = institutions
    institutionBySlug = Dictionary(institutions.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
    institutionByName = Dictionary(institutions.flatMap { i in i.name.all.map { (Self.folded($0), i) } }, uniquingKeysWith: { a, _ in a })
    self.countries = countries
    self.bodies = bodies
    self.themes = themes
    self.affectedPersons = affectedPersons
    self.goals = goals
    countryByCode = Dictionary(countries.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    bodyByCode = Dictionary(bodies.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
    themeBySlug = Dictionary(themes.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
    affectedPersonBySlug = Dictionary(affectedPersons.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
    goalByNumber = Dictionary(goals.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
    targetByCode = Dictionary(
      goals.flatMap(\.targets).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// A regional group's name in `language` (as written when the vocabulary does not name it).
  public func regionName(_ region: String, in language: String) -> String {
    regionNames[region]?.text(in: language) ?? region
  }

  /// The distinct regions of the countries, in first-seen order.
  public var regions: [String] {
    var seen: Set<String> = []
    return countries.compactMap(\.region).filter { seen.insert($0).inserted }
  }
}

extension Vocabulary {
  /// `name` as `institutionByName` keys it: case-folded, so that names equal but for case
  /// (as `caseInsensitiveCompare` sees them) are one key.
  public static func folded(_ name: String) -> String {
    name.folding(options: .caseInsensitive, locale: nil)
  }
}
