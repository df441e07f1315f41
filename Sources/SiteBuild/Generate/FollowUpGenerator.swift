import Foundation
import SiteCore

/// The national follow-up the synthetic corpus carries on 30% of its records: responsible
/// institutions (from the `institutions.yml` it writes, now and then a free name), a cluster, a
/// due date, a history of one to four dated updates after the recommendation's date, and planned
/// actions, some completed. It draws from a random sequence of its own, so the rest of the corpus
/// is what the same seed gave before.
struct FollowUpGenerator {
  private var random: SeededRandom

  init(seed: UInt64) { random = SeededRandom(seed: seed ^ 0x9E37_79B9_7F4A_7C15) }

  /// The share of records with a `follow_up` block.
  static let share = 0.3

  static let institutions: [(slug: String, type: String, parent: String?, names: [String])] = [
    ("ministry-of-justice", "ministry", nil, ["Ministry of Justice", "Ministère de la Justice", "Ministerio de Justicia", "Министерство юстиции", "司法部", "وزارة العدل"]),
    ("ministry-of-labour", "ministry", nil, ["Ministry of Labour", "Ministère du Travail", "Ministerio del Trabajo", "Министерство труда", "劳动部", "وزارة العمل"]),
    ("labour-inspectorate", "agency", "ministry-of-labour", ["Labour Inspectorate", "Inspection du travail", "Inspección del Trabajo", "Трудовая инспекция", "劳动监察局", "مفتشية العمل"]),
    ("ministry-of-education", "ministry", nil, ["Ministry of Education", "Ministère de l'Éducation", "Ministerio de Educación", "Министерство образования", "教育部", "وزارة التربية"]),
    ("ministry-of-health", "ministry", nil, ["Ministry of Health", "Ministère de la Santé", "Ministerio de Salud", "Министерство здравоохранения", "卫生部", "وزارة الصحة"]),
    ("ministry-of-foreign-affairs", "ministry", nil, ["Ministry of Foreign Affairs", "Ministère des Affaires étrangères", "Ministerio de Relaciones Exteriores", "Министерство иностранных дел", "外交部", "وزارة الخارجية"]),
    ("ministry-of-interior", "ministry", nil, ["Ministry of the Interior", "Ministère de l'Intérieur", "Ministerio del Interior", "Министерство внутренних дел", "内政部", "وزارة الداخلية"]),
    ("national-police", "agency", "ministry-of-interior", ["National Police", "Police nationale", "Policía Nacional", "Национальная полиция", "国家警察", "الشرطة الوطنية"]),
    ("parliament", "parliament", nil, ["National Assembly", "Assemblée nationale", "Asamblea Nacional", "Национальное собрание", "国民议会", "الجمعية الوطنية"]),
    ("supreme-court", "judiciary", nil, ["Supreme Court", "Cour suprême", "Corte Suprema", "Верховный суд", "最高法院", "المحكمة العليا"]),
    ("ombudsman", "nhri", nil, ["Ombudsman's Office", "Bureau du Médiateur", "Defensoría del Pueblo", "Управление омбудсмена", "监察员办公室", "مكتب أمين المظالم"]),
    ("statistics-office", "agency", nil, ["National Statistics Office", "Office national de la statistique", "Instituto Nacional de Estadística", "Национальное статистическое управление", "国家统计局", "المكتب الوطني للإحصاء"]),
  ]

  static let freeNames = ["Office of the President", "Interministerial Human Rights Commission"]
  static let clusters = ["Access to justice", "Labour rights", "Education", "Health", "Women's rights", "Children's rights",
                         "Policing and detention", "International cooperation"]
  static let actions = ["Draft a bill", "Adopt a national action plan", "Train officials", "Run an awareness campaign",
                        "Collect disaggregated data", "Allocate a budget line", "Consult civil society", "Report to the mechanism"]
  static let notes = ["A working group was set up.", "The draft was sent to **parliament**.", "Funding was approved for the next year.",
                      "Consultations with civil society took place.", "Data collection started in three provinces."]

  /// `institutions.yml` naming the institutions the follow-up blocks use, in the six languages.
  static var institutionsYAML: String {
    var lines = ["# Synthetic institutions for generated follow-up data."]
    let languages = ["en", "fr", "es", "ru", "zh", "ar"]
    for i in institutions {
      lines.append("- slug: \(i.slug)")
      lines.append("  name: {" + zip(languages, i.names).map { "\($0): \"\($1)\"" }.joined(separator: ", ") + "}")
      lines.append("  type: \(i.type)")
      if let parent = i.parent { lines.append("  parent: \(parent)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The `follow_up` block of a record dated `date`, or nothing (70% of records).
  mutating func block(date: String) -> [String] {
    guard random.unit() < Self.share else { return [] }
    let year = Int(date.prefix(4)) ?? 2015
    var lines = ["follow_up:", "  responsible: [\(responsible().joined(separator: ", "))]",
                 "  cluster: \"\(Self.clusters[random.zipf(Self.clusters.count, exponent: 0.7)])\"",
                 "  due: \(day(year + 2 + random.below(3)))", "  updates:"]
    var status = 0
    var updateYear = year
    for _ in 0..<(1 + random.below(4)) {
      updateYear += 1 + random.below(2)
      status = min(3, status + random.below(2))
      lines.append("    - date: \(day(min(updateYear, 2026)))")
      lines.append("      status: \(FollowUpStatus.allCases[status].rawValue)")
      if random.unit() < 0.5 { lines.append("      note: \"\(Self.notes[random.below(Self.notes.count)])\"") }
      if random.unit() < 0.3 { lines.append("      indicators: {cases_reported: \(random.below(5000)), budget_share: \(random.below(100))}") }
    }
    lines.append("  actions:")
    for _ in 0..<(1 + random.below(3)) {
      let due = year + 2 + random.below(8)
      lines.append("    - action: \"\(Self.actions[random.below(Self.actions.count)])\"")
      lines.append("      due: \(day(due))")
      if random.unit() < 0.6 { lines.append("      completed: \(day(due - 1 - random.below(2)))") }
      if random.unit() < 0.5 { lines.append("      responsible: [\(Self.institutions[random.zipf(Self.institutions.count)].slug)]") }
    }
    return lines
  }

  private mutating func responsible() -> [String] {
    var names: [String] = []
    for _ in 0..<(1 + random.below(2)) {
      let name = random.unit() < 0.1 ? "\"\(Self.freeNames[random.below(Self.freeNames.count)])\""
        : Self.institutions[random.zipf(Self.institutions.count, exponent: 0.8)].slug
      if !names.contains(name) { names.append(name) }
    }
    return names
  }

  private mutating func day(_ year: Int) -> String {
    "\(year)-\(String(format: "%02d", 1 + random.below(12)))-\(String(format: "%02d", 1 + random.below(28)))"
  }
}
