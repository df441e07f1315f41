import Foundation

/// The ways recommendations are grouped; each has a hub page and a page per term.
public enum Taxonomy: String, CaseIterable, Sendable {
  case country = "countries"
  case theme = "themes"
  case affectedPerson = "affected-persons"
  case body = "bodies"
  case mechanism = "mechanisms"
  case document = "documents"
  case sdgGoal = "sdgs"
  case sdgTarget = "sdg-targets"
  /// The States that made UPR recommendations (`recommending_states`), one page each.
  case recommendingState = "recommending-states"
  /// UPR review cycles (1 to 4).
  case uprCycle = "upr-cycles"
  /// UPR Working Group sessions.
  case uprSession = "upr-sessions"

  /// The terms of one recommendation in this taxonomy, as vocabulary keys.
  /// The taxonomy's place in `allCases`, for tables indexed without hashing its name.
  public var ordinal: Int {
    switch self {
    case .country: return 0
    case .theme: return 1
    case .affectedPerson: return 2
    case .body: return 3
    case .mechanism: return 4
    case .document: return 5
    case .sdgGoal: return 6
    case .sdgTarget: return 7
    case .recommendingState: return 8
    case .uprCycle: return 9
    case .uprSession: return 10
    }
  }

  /// Groupings of UPR recommendations only.
  public var isUPRView: Bool { self == .recommendingState || self == .uprCycle || self == .uprSession }

  public func keys(of r: Recommendation) -> [String] {
    switch self {
    case .country: return [r.country.rawValue]
    case .theme: return r.themes
    case .affectedPerson: return r.affectedPersons
    case .body: return [r.body]
    case .mechanism: return [r.mechanism.rawValue]
    case .document: return [r.document]
    case .sdgGoal: return r.sdgGoals
    case .sdgTarget: return r.sdgTargets
    case .recommendingState: return r.recommendingStates.map(\.rawValue)
    case .uprCycle: return r.cycle.map { [String($0)] } ?? []
    case .uprSession: return r.session.map { [String($0)] } ?? []
    }
  }

  /// The URL segment of a term: lower-cased codes, slugs, `16-a` for targets.
  public func slug(of key: String) -> String {
    switch self {
    case .country, .recommendingState, .body, .document, .sdgTarget: return Slug.make(key)
    case .theme, .affectedPerson, .mechanism, .sdgGoal, .uprCycle, .uprSession: return key
    }
  }
}

/// One term of a taxonomy with the recommendations filed under it, in list order.
public struct TermGroup: Sendable {
  public var taxonomy: Taxonomy
  /// The vocabulary key: country code, slug, body code, mechanism, symbol, goal number, target code.
  public var key: String
  public var slug: String
  /// Indexes into `Catalog.recommendations`, ascending, so newest first.
  public var members: [Int]
  /// The folder of the term's page, relative to the site root, ending in `/`.
  public let path: String

  public init(taxonomy: Taxonomy, key: String, slug: String, members: [Int]) {
    self.taxonomy = taxonomy
    self.key = key
    self.slug = slug
    self.members = members
    switch taxonomy {
    case .sdgTarget:
      let goal = key.split(separator: ".").first.map(String.init) ?? key
      path = "sdgs/\(goal)/\(slug)/"
    default:
      path = "\(taxonomy.rawValue)/\(slug)/"
    }
  }
}

/// Every recommendation in list order (newest first, then id) and every group they form.
public struct Catalog: Sendable {
  public let recommendations: [Recommendation]
  /// By `Taxonomy.ordinal`: the terms, the position of each key, the positions of each record's terms.
  private let lists: [[TermGroup]]
  private let groupIndex: [[String: Int]]
  private let memberships: [Memberships]

  /// Builds the catalog; duplicate ids and terms whose pages would share a folder are errors.
  public static func build(_ input: [Recommendation], threads: Int) -> (Catalog, [Diagnostic]) {
    let sorted = listOrder(input)
    var diagnostics = duplicateIDs(sorted)
    // The taxonomies are grouped independently, on `threads` threads.
    let groupings = parallelMap(Taxonomy.allCases, threads: threads, grain: 1) {
      Grouping($0, sorted)
    }
    for (t, taxonomy) in Taxonomy.allCases.enumerated() {
      precondition(taxonomy.ordinal == t)
      diagnostics += groupings[t].problems
    }
    let catalog = Catalog(recommendations: sorted, lists: groupings.map(\.list),
      groupIndex: groupings.map(\.index), memberships: groupings.map(\.memberships))
    return (catalog, diagnostics)
  }

  /// A catalog of a few records of a larger site, for rendering those records' own pages: it
  /// knows their terms and, as the whole site's would, every country that has a page (`countries`),
  /// since a page links each recommending State that has one. Its other lists are incomplete.
  public static func partial(_ records: [Recommendation], countries: [String]) -> Catalog {
    let sorted = listOrder(records)
    var groupings = Taxonomy.allCases.map { Grouping($0, sorted) }
    let country = Taxonomy.country.ordinal
    var list = groupings[country].list
    for key in countries where groupings[country].index[key] == nil {
      list.append(TermGroup(taxonomy: .country, key: key, slug: Taxonomy.country.slug(of: key), members: []))
    }
    list.sort { $0.key < $1.key }
    let index = Dictionary(list.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
    groupings[country].memberships.renumber(groupings[country].list.map { index[$0.key]! })
    groupings[country].list = list
    groupings[country].index = index
    return Catalog(recommendations: sorted, lists: groupings.map(\.list), groupIndex: groupings.map(\.index),
      memberships: groupings.map(\.memberships))
  }

  /// The terms of one taxonomy, sorted by key, with their members.
  private struct Grouping: Sendable {
    var list: [TermGroup]
    var memberships: Memberships
    var index: [String: Int]
    var problems: [Diagnostic]

    init(_ taxonomy: Taxonomy, _ sorted: [Recommendation]) {
      var list: [TermGroup] = []
      var byKey: [String: Int] = [:]
      var found = Memberships(count: sorted.count)
      for (i, r) in sorted.enumerated() {
        for key in taxonomy.keys(of: r) {
          if let at = byKey[key] {
            if list[at].members.last != i {
              list[at].members.append(i)
              found.add(at)
            }
          } else {
            byKey[key] = list.count
            found.add(list.count)
            list.append(TermGroup(taxonomy: taxonomy, key: key, slug: taxonomy.slug(of: key), members: [i]))
          }
        }
        found.close()
      }
      let order = list.indices.sorted { list[$0].key < list[$1].key }
      var position = [Int](repeating: 0, count: list.count)
      for (p, g) in order.enumerated() { position[g] = p }
      found.renumber(position)
      list = order.map { list[$0] }
      // A document's page lists its paragraphs in the order the document numbers them.
      if taxonomy == .document {
        for g in list.indices { list[g].members = Self.inParagraphOrder(list[g].members, sorted) }
      }
      self.list = list
      memberships = found
      problems = Catalog.slugCollisions(list, sorted)
      index = Dictionary(list.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// `members` by paragraph number; records with the same number keep their list order.
    static func inParagraphOrder(_ members: [Int], _ sorted: [Recommendation]) -> [Int] {
      guard members.count > 1 else { return members }
      let paragraphs = members.map { sorted[$0].paragraph }
      func before(_ a: Int, _ b: Int) -> Bool {
        let (p, q) = (paragraphs[a], paragraphs[b])
        if p == q { return a < b }
        if ParagraphOrder.precedes(p, q) { return true }
        if ParagraphOrder.precedes(q, p) { return false }
        return p.utf8.lexicographicallyPrecedes(q.utf8)  // "1.5" and "1.05": equal numbers, still an order
      }
      // Most documents come in order already (one paragraph, or files named in order).
      if (1..<members.count).allSatisfy({ before($0 - 1, $0) }) { return members }
      return members.indices.sorted(by: before).map { members[$0] }
    }
  }

  public func group(_ taxonomy: Taxonomy, _ key: String) -> TermGroup? {
    groupIndex[taxonomy.ordinal][key].map { lists[taxonomy.ordinal][$0] }
  }

  public func terms(_ taxonomy: Taxonomy) -> [TermGroup] { lists[taxonomy.ordinal] }

  /// Where the term `key` stands in `terms(taxonomy)`.
  public func position(_ taxonomy: Taxonomy, _ key: String) -> Int? { groupIndex[taxonomy.ordinal][key] }

  /// Where the terms of recommendation `i` stand in `terms(taxonomy)`, in the order the file gives them.
  public func positions(_ taxonomy: Taxonomy, of i: Int) -> ArraySlice<Int32> {
    memberships[taxonomy.ordinal].positions(of: i)
  }

  /// `Recommendation.listOrder`, comparing dates as numbers first.
  private static func listOrder(_ input: [Recommendation]) -> [Recommendation] {
    let days = input.map { r -> Int in
      let d = CalendarDate(r.date)
      return d.map { $0.year * 10_000 + $0.month * 100 + $0.day } ?? -1
    }
    guard !days.contains(-1) else { return input.sorted(by: Recommendation.listOrder) }
    let order = input.indices.sorted { a, b in
      days[a] != days[b] ? days[a] > days[b] : input[a].id < input[b].id
    }
    return order.map { input[$0] }
  }

  private static func duplicateIDs(_ recs: [Recommendation]) -> [Diagnostic] {
    var seen = Set<RecommendationID>(minimumCapacity: recs.count)
    guard !recs.allSatisfy({ seen.insert($0.id).inserted }) else { return [] }
    var first: [RecommendationID: Recommendation] = [:]
    var d: [Diagnostic] = []
    for r in recs.sorted(by: { $0.source < $1.source }) {
      if let earlier = first[r.id] {
        d.append(.error(at: SourceLocation(path: r.source, line: 1), field: "id",
          "duplicate id \"\(r.id)\": \(earlier.source) has it too",
          notes: ["ids come from document + paragraph unless given; give one of them a distinct id"]))
      } else {
        first[r.id] = r
      }
    }
    return d
  }

  /// Two different terms with one slug would write one folder: `A/HRC/39/6` and `A-HRC-39-6`.
  private static func slugCollisions(_ groups: [TermGroup], _ recs: [Recommendation]) -> [Diagnostic] {
    var first: [String: TermGroup] = [:]
    var d: [Diagnostic] = []
    for g in groups {
      if g.slug.isEmpty {
        let r = recs[g.members[0]]
        d.append(.error(at: SourceLocation(path: r.source, line: 1), field: g.taxonomy == .document ? "document" : nil,
          "\"\(g.key)\" has no letters or digits to name its page"))
      } else if let other = first[g.path] {
        let r = recs[g.members[0]]
        d.append(.error(at: SourceLocation(path: r.source, line: 1), field: g.taxonomy == .document ? "document" : nil,
          "\"\(g.key)\" and \"\(other.key)\" would both be written to \(g.path)",
          notes: ["\(recs[other.members[0]].source) uses \"\(other.key)\"; write the symbol the same way in both"]))
      } else {
        first[g.path] = g
      }
    }
    return d
  }
}

/// For each recommendation of a catalog, the positions of its terms in one taxonomy, kept flat
/// (one array of positions and one of offsets) so that 270,000 records cost two allocations.
struct Memberships: Sendable {
  private var offsets: [Int32]
  private var values: [Int32] = []

  init(count: Int) {
    offsets = [0]
    offsets.reserveCapacity(count + 1)
  }

  /// Adds a term position to the recommendation being read.
  mutating func add(_ position: Int) { values.append(Int32(position)) }

  /// Ends the recommendation being read.
  mutating func close() { offsets.append(Int32(values.count)) }

  mutating func renumber(_ position: [Int]) {
    for i in values.indices { values[i] = Int32(position[Int(values[i])]) }
  }

  func positions(of i: Int) -> ArraySlice<Int32> { values[Int(offsets[i])..<Int(offsets[i + 1])] }
}
