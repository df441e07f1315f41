/// The recommendations with national follow-up, grouped the ways the follow-up pages show them:
/// by country (and, within a country, by report: one mechanism and cycle), and by responsible
/// institution. Made once per build from the catalog, in one pass over its records.
public struct FollowUpIndex: Sendable {
  /// One progress report: a country's follow-up of one review — a UPR cycle, or a treaty body's or
  /// special procedure's recommendations (which have no cycle).
  public struct Report: Sendable {
    /// The folder name: `upr-cycle-3`, `upr`, or the body's slug (`crc`).
    public var key: String
    public var mechanism: Mechanism
    public var cycle: Int?
    /// The body code for a treaty body or special procedure; nil for the UPR.
    public var body: String?
    /// Indexes into `Catalog.recommendations`, in list order.
    public var members: [Int]
  }

  /// A country's follow-up: its group among the catalog's countries, its tracked recommendations, its reports.
  public struct CountryFollowUp: Sendable {
    public var group: Int
    public var members: [Int]
    public var reports: [Report]
  }

  /// Those an institution (a slug of `institutions.yml`, or a free name) is responsible for.
  public struct InstitutionFollowUp: Sendable {
    /// The page's folder name: the vocabulary slug, or the free name slugged.
    public var slug: String
    /// The institution when listed in `institutions.yml`; nil for a free name.
    public var institution: Institution?
    /// The free name as first written (for a listed institution, its slug).
    public var written: String
    /// In the order of its pages: by current status, the most advanced first (implemented, …,
    /// not started, then no status), list order within a status.
    public var members: [Int]
    /// The runs of `members` with one current status, in that order (none empty).
    public var byStatus: [StatusRun] = []
  }

  /// A run of an institution's `members` that share a current status (nil: none given).
  public struct StatusRun: Sendable {
    public var status: FollowUpStatus?
    public var range: Range<Int>
  }

  /// The date against which due dates are overdue: `site.yml`'s `follow_up.as_of`, else the
  /// latest update date of the content, else nil (nothing is overdue). Never the wall clock.
  public let asOf: String?
  /// Every recommendation with a `follow_up` block, in list order.
  public let tracked: [Int]
  /// Countries with at least one tracked recommendation, by country code.
  public let countries: [CountryFollowUp]
  /// Sorted by slug.
  public let institutions: [InstitutionFollowUp]
  private let institutionBySlug: [String: Int]
  private let countryByGroup: [Int: Int]

  public init(catalog: Catalog, vocabulary: Vocabulary, settings: FollowUpSettings) {
    asOf = settings.asOf(catalog.recommendations)
    var tracked: [Int] = []
    var byCountry: [String: [Int]] = [:]
    var byInstitution: [String: InstitutionFollowUp] = [:]
    for (i, r) in catalog.recommendations.enumerated() {
      guard let f = r.followUp else { continue }
      tracked.append(i)
      byCountry[r.country.rawValue, default: []].append(i)
      for name in f.allResponsible {
        let slug = Self.slug(of: name, vocabulary)
        guard !slug.isEmpty else { continue }
        if byInstitution[slug]?.members.last == i { continue }
        byInstitution[slug, default: InstitutionFollowUp(slug: slug, institution: vocabulary.institutionBySlug[slug],
          written: name, members: [])].members.append(i)
      }
    }
    self.tracked = tracked
    countries = byCountry.keys.sorted().compactMap { code in
      guard let group = catalog.position(.country, code) else { return nil }
      let members = byCountry[code]!
      return CountryFollowUp(group: group, members: members, reports: Self.reports(members, catalog))
    }
    institutions = byInstitution.keys.sorted().map { Self.byStatus(byInstitution[$0]!, catalog) }
    institutionBySlug = Dictionary(uniqueKeysWithValues: institutions.enumerated().map { ($1.slug, $0) })
    countryByGroup = Dictionary(uniqueKeysWithValues: countries.enumerated().map { ($1.group, $0) })
  }

  /// The page folder of a responsible name: its vocabulary slug, or the name slugged (empty for a
  /// name without Latin letters or digits, which gets no page).
  public static func slug(of name: String, _ vocabulary: Vocabulary) -> String {
    if vocabulary.institutionBySlug[name] != nil { return name }
    return String(Slug.make(name).prefix(Slug.longest))
  }

  /// The position in `institutions` of a responsible name's page, if it has one.
  public func institution(named name: String, _ vocabulary: Vocabulary) -> Int? { institutionBySlug[Self.slug(of: name, vocabulary)] }

  /// The position in `countries` of the catalog's country group `g`, if it has follow-up.
  public func country(group g: Int) -> Int? { countryByGroup[g] }

  /// Ordered by status (see `InstitutionFollowUp.members`), in one pass over its members.
  static func byStatus(_ institution: InstitutionFollowUp, _ catalog: Catalog) -> InstitutionFollowUp {
    let order: [FollowUpStatus?] = FollowUpStatus.allCases.reversed() + [nil]
    var buckets = [[Int]](repeating: [], count: order.count)
    for i in institution.members {
      let status = catalog.recommendations[i].followUp?.currentStatus
      buckets[status.map { order.count - 2 - $0.ordinal } ?? order.count - 1].append(i)
    }
    var sorted = institution
    sorted.members = buckets.flatMap { $0 }
    var start = 0
    sorted.byStatus = zip(order, buckets).compactMap { status, bucket in
      defer { start += bucket.count }
      return bucket.isEmpty ? nil : StatusRun(status: status, range: start..<start + bucket.count)
    }
    return sorted
  }

  /// A country's reports: UPR cycles newest first, then the other bodies by code.
  static func reports(_ members: [Int], _ catalog: Catalog) -> [Report] {
    var byKey: [String: Report] = [:]
    for i in members {
      let r = catalog.recommendations[i]
      let key = r.mechanism == .upr ? (r.cycle.map { "upr-cycle-\($0)" } ?? "upr") : Slug.make(r.body)
      byKey[key, default: Report(key: key, mechanism: r.mechanism, cycle: r.mechanism == .upr ? r.cycle : nil,
        body: r.mechanism == .upr ? nil : r.body, members: [])].members.append(i)
    }
    return byKey.values.sorted { a, b in
      if a.mechanism != b.mechanism { return a.mechanism < b.mechanism }
      if a.cycle != b.cycle { return (a.cycle ?? 0) > (b.cycle ?? 0) }
      return a.key < b.key
    }
  }
}
