import Foundation
import SiteCore

/// Writes a synthetic file in the shape of OHCHR's full UHRI JSON export, for benchmarks of
/// `hrindex import uhri`: the export's field names and value styles (`- ` prefixes, `"16.2 - …"`
/// SDG labels, ISO timestamps, UUIDs, `null` cycles, empty `Upr*` lists outside the UPR), about
/// half UPR annotations, and the irregularities of the real export at its rates: a UUID in
/// `AnnotationType` (3,300 in 267,500), an empty `Countries` (104 in 267,500), and the country
/// spellings of the 2026 export at their frequencies when `countries` (a JSON list of
/// `[label, count]` pairs, the published 2026 counts) is given — otherwise the vocabulary's
/// English names plus the spellings the importer must map (aliases, footnote marks, alpha-2
/// codes, the European Union) at the rates the 2026 export has them. The same seed and count
/// give the same bytes.
public struct UHRIExportGenerator {
  private var random: SeededRandom
  private let vocabulary: Vocabulary
  private let countryLabels: [(label: String, cumulative: Double)]
  private let treatyBodies: [String]
  private let procedures: [String]
  private let states: [Country]
  private let codeByName: [String: String]
  /// The labels written for affected persons and themes: each term's first alias, else its English name.
  private let groupLabels: [String]
  private let themeLabels: [String]

  /// Spellings of the 2026 export that are not a vocabulary name, with their counts (issue 20).
  static let irregularSpellings: [(String, Int)] = [
    ("Turkey", 2141), ("Netherlands", 1945), ("State of Palestine*", 368), ("European Union", 233), ("PK", 84),
    ("MY", 77), ("Kosovo*", 75), ("ID", 74), ("IQ", 62), ("AU", 62), ("CO", 59), ("ET", 58), ("SV", 57),
    ("MV", 53), ("CZ", 52), ("GH", 50), ("ES", 48), ("SG", 32),
  ]
  static let exportSize = 267_548.0

  public init(seed: UInt64, countryCounts: [(String, Int)]? = nil) throws {
    random = SeededRandom(seed: seed)
    vocabulary = try VocabularyLoader(content: nil).load().get()
    let irregular = Set(Self.irregularSpellings.map(\.0))
    let regular = vocabulary.countries.filter { $0.isState && !irregular.contains($0.name.text(in: "en")) }
    let perState = (Self.exportSize - Double(Self.irregularSpellings.map(\.1).reduce(0, +))) / Double(regular.count)
    let counts = countryCounts ?? (Self.irregularSpellings + regular.map { ($0.name.text(in: "en"), Int(perState)) })
    var total = 0.0
    countryLabels = counts.map { label, count in
      total += Double(count)
      return (label, total)
    }.map { ($0.0, $0.1 / total) }
    treatyBodies = vocabulary.bodies.filter { $0.mechanism == .treatyBody }.map(\.code)
    procedures = vocabulary.bodies.filter { $0.mechanism == .specialProcedure }.map(\.code)
    states = vocabulary.countries.filter(\.isState)
    // Every spelling the generator writes, to the code its symbols use.
    codeByName = Dictionary(vocabulary.countries.flatMap { country in
      let code = country.code.rawValue
      let name = country.name.text(in: "en")
      return [(name, code), (name + "*", code)] + country.aliases.map { ($0, code) } + (country.alpha2.map { [($0, code)] } ?? [])
    }) { a, _ in a }
    groupLabels = vocabulary.affectedPersons.map { $0.aliases.first ?? $0.name.text(in: "en") }
    themeLabels = vocabulary.themes.map { $0.aliases.first ?? $0.name.text(in: "en") }
  }

  /// Writes `count` annotations as one JSON array to `path`, a record at a time.
  public mutating func write(count: Int, to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    defer { try? handle.close() }
    var buffer = "[\n"
    for n in 0..<count {
      buffer += record(n) + (n + 1 < count ? ",\n" : "\n")
      if buffer.utf8.count > 1 << 20 {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
      }
    }
    try handle.write(contentsOf: Data((buffer + "]\n").utf8))
  }

  // MARK: - One annotation

  mutating func record(_ n: Int) -> String {
    let upr = random.unit() < 0.477
    let body = upr ? "UPR" : random.unit() < 0.8
      ? treatyBodies[random.zipf(treatyBodies.count, exponent: 0.8)] : procedures[random.zipf(procedures.count)]
    let country = countryLabel()
    let year = 2006 + random.below(20)
    let date = "\(year)-\(two(1 + random.below(12)))-\(two(1 + random.below(28)))"
    let code = codeByName[country] ?? "XXX"
    let symbol = upr ? "A/HRC/\(7 + (year - 2008) * 3 + random.below(3))/\(1 + random.below(20))"
      : "\(body.split(separator: "-")[0])/C/\(code)/CO/\(1 + random.below(7))"
    let type = random.unit() < 3_300 / Self.exportSize ? uuid() : upr || random.unit() < 0.6 ? "- Recommendations" : "- Concerns/Observations"
    let paragraph = upr ? "\(100 + random.below(60)).\(1 + random.below(250))" : "\(1 + random.below(60))"
    let text = SyntheticText.paragraph(language: "en", words: 12 + random.zipf(300, exponent: 0.9), random: &random)
    var fields: [(String, String)] = [
      ("AffectedPersons", list(pick(groupLabels, upTo: 3))),
      ("AnnotationId", quoted(uuid())), ("AnnotationType", quoted(type)), ("Body", quoted("- " + body)),
      ("Countries", random.unit() < 104 / Self.exportSize ? "[]" : list([country])),
      ("DocumentId", quoted(uuid())), ("PublicationDate", quoted(date + "T00:00:00")),
      ("PublicationDateOnUhri", quoted("\(min(2025, year + 1))-\(two(1 + random.below(12)))-\(two(1 + random.below(28)))T10:53:45.827")),
      ("Regions", "[]"), ("Sdgs", list(sdgs())), ("Symbol", quoted(symbol)),
      ("Text", quoted(random.unit() < 0.5 ? "<p>\(paragraph) \(text)</p>" : "\(paragraph).\(text) ")),
      ("Themes", list(pick(themeLabels, upTo: 5))),
    ]
    fields += upr ? uprFields(year) : [("UprCycle", "null"), ("UprPositions", "[]"), ("UprRecommendingCountry", "[]"),
      ("UprRecommendingRegions", "[]"), ("UprSession", "[]")]
    return " {\n" + fields.map { "  \(quoted($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n }"
  }

  mutating func uprFields(_ year: Int) -> [(String, String)] {
    let session = min(50, max(1, (year - 2008) * 3 + 1 + random.below(3)))
    return [
      ("UprCycle", random.unit() < 0.5 ? "null" : quoted("- \(session <= 12 ? 1 : session <= 26 ? 2 : session <= 40 ? 3 : 4)")),
      ("UprPositions", list([random.unit() < 0.7 ? "Supported" : "Noted"])),
      ("UprRecommendingCountry", list([states[random.zipf(states.count)].name.text(in: "en")])),
      ("UprRecommendingRegions", "[]"), ("UprSession", list(["- \(session)"])),
    ]
  }

  mutating func countryLabel() -> String {
    let roll = random.unit()
    var low = 0
    var high = countryLabels.count - 1
    while low < high {
      let mid = (low + high) / 2
      if countryLabels[mid].cumulative < roll { low = mid + 1 } else { high = mid }
    }
    return countryLabels[low].label
  }

  mutating func sdgs() -> [String] {
    guard random.unit() < 0.7 else { return [] }
    let goal = vocabulary.goals[random.zipf(vocabulary.goals.count)]
    guard !goal.targets.isEmpty else { return [] }
    let target = goal.targets[random.below(goal.targets.count)]
    return ["\(target.code) - \(target.name?.text(in: "en") ?? goal.name.text(in: "en"))"]
  }

  mutating func pick(_ items: [String], upTo limit: Int) -> [String] {
    var chosen: [String] = []
    for _ in 0..<random.below(limit + 1) {
      let item = items[random.zipf(items.count)]
      if !chosen.contains(item) { chosen.append(item) }
    }
    return chosen
  }

  mutating func uuid() -> String {
    let hex = String(random.next(), radix: 16) + String(random.next(), radix: 16)
    let digits = Array(String(repeating: "0", count: max(0, 32 - hex.count)) + hex).prefix(32)
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }.joined(separator: "-")
  }

  func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }

  /// A JSON string (a double-quoted YAML scalar is one).
  func quoted(_ text: String) -> String { YAMLScalar.quoted(text) }
}
