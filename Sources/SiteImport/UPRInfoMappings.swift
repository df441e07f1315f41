import SiteCore
import Yams

/// The text of a mapping file and the path its messages name.
public struct MappingFile: Sendable {
  public var path: String
  public var text: String
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// A session of the UPR Working Group.
public struct UPRSession: Sendable, Equatable {
  public var number: Int
  /// First day, `YYYY-MM-DD`: the date given to the recommendations made in the session.
  public var start: String
  public var end: String

  /// 1–12 → 1, 13–26 → 2, 27–40 → 3, 41–54 → 4; nil outside the four cycles HRIndex knows.
  public static func cycle(ofSession session: Int) -> Int? {
    switch session {
    case 1...12: return 1
    case 13...26: return 2
    case 27...40: return 3
    case 41...54: return 4
    default: return nil
    }
  }
}

/// UPR responses as exports word them.
public enum UPRPosition {
  /// A State's position as exports word it: Accepted or Supported → supported, Noted or
  /// Rejected (the word of early UPR reports) → noted, Pending → pending.
  public static func response(for label: String) -> UPRResponse? {
    switch LabelKey.make(label) {
    case "accepted", "supported": return .supported
    case "noted", "rejected": return .noted
    case "pending": return .pending
    default: return nil
    }
  }
}

/// The themes and affected groups one UPR Info issue label stands for.
public struct IssueTerms: Sendable, Equatable {
  public var themes: [String]
  public var affectedPersons: [String]
}

/// The tables that turn UPR Info's labels into HRIndex codes, read from
/// `Vocabularies/mappings/` and checked against the vocabulary they point into.
public struct UPRInfoMappings: Sendable {
  /// UPR Info spelling → alpha-3, for names that are not a name in `countries.yml`.
  public var countryNames: [String: String] = [:]
  /// Labels that name no State ("(Unknown)").
  public var noState: [String] = []
  /// Issue label → terms.
  public var issues: [String: IssueTerms] = [:]
  public var sessions: [Int: UPRSession] = [:]

  public init() {}

  /// Reads `upr-info-countries.yml`, `upr-info-issues.yml` and `upr-sessions.yml`; every code or
  /// slug must exist in `vocabulary`.
  public init(countries: MappingFile, issues: MappingFile, sessions: MappingFile, vocabulary: Vocabulary) throws(DiagnosticError) {
    var problems: [Diagnostic] = []
    readCountries(countries, vocabulary, &problems)
    readIssues(issues, vocabulary, &problems)
    readSessions(sessions, &problems)
    if !problems.isEmpty { throw DiagnosticError(problems.sortedByLocation()) }
  }

  private mutating func readCountries(_ file: MappingFile, _ vocabulary: Vocabulary, _ problems: inout [Diagnostic]) {
    var reader = MappingReader(file: file)
    if let root = reader.mapping(reader.root) {
      for (name, node) in reader.mapping(root["names"]) ?? [:] {
        guard let code = reader.scalar(node) else { continue }
        if vocabulary.countryByCode[CountryCode(code)] == nil { reader.fail(node, "\"\(code)\" is not a code in countries.yml") }
        countryNames[name] = code
      }
      noState = reader.strings(root["no_state"])
    }
    problems += reader.problems
  }

  private mutating func readIssues(_ file: MappingFile, _ vocabulary: Vocabulary, _ problems: inout [Diagnostic]) {
    var reader = MappingReader(file: file)
    for (label, node) in reader.mapping(reader.root) ?? [:] {
      guard let fields = reader.mapping(node) else { continue }
      issues[label] = IssueTerms(
        themes: reader.slugs(fields["themes"], in: vocabulary.themeBySlug, file: "themes.yml"),
        affectedPersons: reader.slugs(fields["affected_persons"], in: vocabulary.affectedPersonBySlug, file: "affected-persons.yml"))
      for key in fields.keys.sorted() where key != "themes" && key != "affected_persons" {
        reader.fail(fields[key], "unknown key \"\(key)\": expected themes and affected_persons")
      }
    }
    problems += reader.problems
  }

  private mutating func readSessions(_ file: MappingFile, _ problems: inout [Diagnostic]) {
    var reader = MappingReader(file: file)
    for node in reader.list(reader.root) {
      guard let fields = reader.mapping(node), let number = reader.scalar(fields["session"]).flatMap({ Int($0) }),
        let start = reader.date(fields["start"]), let end = reader.date(fields["end"])
      else {
        reader.fail(node, "expected {session: N, start: YYYY-MM-DD, end: YYYY-MM-DD}")
        continue
      }
      sessions[number] = UPRSession(number: number, start: start, end: end)
    }
    problems += reader.problems
  }
}

/// Reads the plain YAML shapes of the mapping files, recording each problem with its line.
struct MappingReader {
  let file: MappingFile
  var problems: [Diagnostic] = []
  var root: Node?

  init(file: MappingFile) {
    self.file = file
    do {
      root = try Yams.compose(yaml: file.text, .basic, .default, .utf8)
    } catch {
      self.problems.append(.error(at: SourceLocation(path: file.path), "malformed YAML: \(error)"))
    }
  }

  mutating func fail(_ node: Node?, _ message: String) {
    let mark = node?.mark
    problems.append(.error(at: SourceLocation(path: file.path, line: mark?.line ?? 1, column: mark?.column ?? 1), message))
  }

  mutating func mapping(_ node: Node?) -> [String: Node]? {
    guard let node else { return nil }
    guard case let .mapping(mapping) = node else {
      fail(node, "expected a mapping")
      return nil
    }
    var result: [String: Node] = [:]
    for (key, value) in mapping {
      guard let text = key.scalar?.string else { fail(key, "a key must be plain text"); continue }
      if result[text] != nil { fail(key, "\"\(text)\" is given twice") }
      result[text] = value
    }
    return result
  }

  mutating func list(_ node: Node?) -> [Node] {
    guard let node else { return [] }
    guard case let .sequence(items) = node else {
      fail(node, "expected a list")
      return []
    }
    return Array(items)
  }

  mutating func scalar(_ node: Node?) -> String? {
    guard let node else { return nil }
    guard let text = node.scalar?.string, !text.isEmpty else {
      fail(node, "expected a single value")
      return nil
    }
    return text
  }

  mutating func strings(_ node: Node?) -> [String] { list(node).compactMap { scalar($0) } }

  mutating func date(_ node: Node?) -> String? {
    guard let text = scalar(node) else { return nil }
    guard CalendarDate(text) != nil else {
      fail(node, "\"\(text)\" is not a date YYYY-MM-DD")
      return nil
    }
    return text
  }

  mutating func slugs(_ node: Node?, in known: [String: Term], file vocabularyFile: String) -> [String] {
    list(node).compactMap { item in
      guard let slug = scalar(item) else { return nil }
      guard known[slug] != nil else {
        fail(item, "\"\(slug)\" is not a slug in \(vocabularyFile)")
        return nil
      }
      return slug
    }
  }
}
