import Foundation
import SiteCore
import SiteFiles

/// Writes a synthetic but realistic content folder: about half UPR, then CRC and CEDAW; countries
/// and themes Zipf-distributed; texts of 20–400 words in the six UN languages; national follow-up
/// (updates, actions, institutions) on 30% of records (`FollowUpGenerator`). The same seed and
/// count always give byte-identical files.
public struct CorpusGenerator {
  private var random: SeededRandom
  private var followUp: FollowUpGenerator
  private let vocabulary: Vocabulary
  /// The States of the vocabulary (organizations such as the European Union are left out).
  private let states: [Country]

  public init(seed: UInt64) throws {
    random = SeededRandom(seed: seed)
    followUp = FollowUpGenerator(seed: seed)
    vocabulary = try VocabularyLoader(content: nil).load().get()
    states = vocabulary.countries.filter(\.isState)
  }

  public mutating func write(count: Int, to folder: String) throws {
    let fm = FileManager.default
    if !Folder.entries(folder, includeHidden: true).isEmpty {
      throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: folder])
    }
    try fm.createDirectory(atPath: folder + "/recommendations", withIntermediateDirectories: true)
    try "title: Synthetic recommendations (\(count))\nlanguage: en\npage_size: 50\n"
      .write(toFile: folder + "/site.yml", atomically: false, encoding: .utf8)
    try fm.createDirectory(atPath: folder + "/vocabularies", withIntermediateDirectories: true)
    try FollowUpGenerator.institutionsYAML.write(toFile: folder + "/vocabularies/institutions.yml", atomically: false, encoding: .utf8)
    var madeFolders: Set<String> = []
    for n in 0..<count {
      let (country, text) = recommendation(n)
      let dir = folder + "/recommendations/" + country.lowercased()
      if madeFolders.insert(dir).inserted { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
      try text.write(toFile: "\(dir)/r\(n).md", atomically: false, encoding: .utf8)
    }
  }

  // MARK: - One recommendation

  static let treatyBodies = ["CRC", "CEDAW", "CESCR", "CCPR", "CAT", "CERD", "CRPD", "CMW", "CRC-OP-SC", "SPT", "CED", "CRC-OP-AC"]
  static let languages = ["en", "en", "en", "en", "fr", "es", "es", "ru", "zh", "ar"]

  mutating func recommendation(_ n: Int) -> (String, String) {
    let country = states[random.zipf(states.count)].code
    let roll = random.unit()
    let body: String
    let mechanism: Mechanism
    if roll < 0.48 {
      (body, mechanism) = ("UPR", .upr)
    } else if roll < 0.93 {
      (body, mechanism) = (Self.treatyBodies[random.zipf(Self.treatyBodies.count, exponent: 0.8)], .treatyBody)
    } else {
      let procedures = vocabulary.bodies.filter { $0.mechanism == .specialProcedure }
      (body, mechanism) = (procedures[random.zipf(procedures.count)].code, .specialProcedure)
    }
    let year = 2008 + random.below(18)
    let date = "\(year)-\(String(format: "%02d", 1 + random.below(12)))-\(String(format: "%02d", 1 + random.below(28)))"
    let document = mechanism == .upr ? "A/HRC/\(7 + (year - 2008) * 3 + random.below(3))/\(1 + random.below(20))"
      : mechanism == .treatyBody ? "\(body.split(separator: "-")[0])/C/\(country)/CO/\(1 + random.below(7))"
      : "A/HRC/\(7 + (year - 2008) * 3)/\(20 + random.below(60))/Add.\(1 + random.below(3))"
    let language = Self.languages[random.below(Self.languages.count)]
    var lines = [
      "---", "document: \(document)", "paragraph: \"\(n / 7 + 1).\(n % 7 + 1)\"", "country: \(country)",
      "mechanism: \(mechanism.rawValue)", "body: \(body)", "date: \(date)", "id: synthetic-\(n)",
    ]
    if mechanism == .upr {
      lines.append("cycle: \(min(4, (year - 2008) / 5 + 1))")
      lines.append("session: \(min(99, 1 + (year - 2008) * 3 + n % 3))")  // three a year, without a draw
      lines.append("recommending_states: [\(states[random.zipf(states.count)].code)]")
      lines.append("response: \(random.unit() < 0.7 ? "supported" : "noted")")
    }
    lines.append("themes: [\(pick(vocabulary.themes.map(\.slug), upTo: 3).joined(separator: ", "))]")
    if random.unit() < 0.6 {
      lines.append("affected_persons: [\(pick(vocabulary.affectedPersons.map(\.slug), upTo: 2).joined(separator: ", "))]")
    }
    let goal = vocabulary.goals[random.zipf(vocabulary.goals.count)]
    if let target = goal.targets.isEmpty ? nil : goal.targets[random.below(goal.targets.count)] {
      lines.append("sdgs: [\"\(goal.number)\", \"\(target.code)\"]")
    }
    lines.append("language: \(language)")
    lines += followUp.block(date: date)
    lines.append("---")
    lines.append(SyntheticText.paragraph(language: language, words: 20 + random.zipf(380, exponent: 0.6), random: &random))
    return (country.rawValue, lines.joined(separator: "\n") + "\n")
  }

  mutating func pick(_ items: [String], upTo limit: Int) -> [String] {
    var chosen: [String] = []
    for _ in 0..<(1 + random.below(limit)) {
      let item = items[random.zipf(items.count)]
      if !chosen.contains(item) { chosen.append(item) }
    }
    return chosen
  }
}

