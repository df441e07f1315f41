import ArgumentParser
import Foundation
import SiteBuild

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a synthetic content folder of N recommendations (seeded, deterministic) for tests and benchmarks.",
    discussion: """
      With --uhri-export, write instead one file in the shape of the Universal Human Rights Index's \
      JSON export (N annotations), to benchmark `hrindex import uhri`.
      """)

  @Option(help: "How many recommendations.")
  var count = 10_000
  @Option(help: "The random seed: the same seed and count give the same files.")
  var seed: UInt64 = 1
  @Option(help: "The content folder to create (must not exist, or be empty); with --uhri-export, the JSON file to write.")
  var output: String
  @Flag(help: "Write a UHRI JSON export of N annotations instead of a content folder.")
  var uhriExport = false
  @Option(help: "With --uhri-export: a JSON list of [country label, count] pairs (UHRI's published 2026 counts) to draw Countries from.")
  var countries: String?

  func run() throws {
    guard uhriExport else {
      var generator = try CorpusGenerator(seed: seed)
      try generator.write(count: count, to: output)
      print("Wrote \(count) recommendations to \(output)")
      return
    }
    var generator = try UHRIExportGenerator(seed: seed, countryCounts: try countries.map(Self.counts))
    try generator.write(count: count, to: output)
    print("Wrote \(count) UHRI annotations to \(output)")
  }

  /// `[["China", "2539"], …]` (counts as text or numbers).
  static func counts(_ path: String) throws -> [(String, Int)] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let pairs = try JSONSerialization.jsonObject(with: data) as? [[Any]] else {
      throw ValidationError("\(path): expected a JSON list of [label, count] pairs")
    }
    return try pairs.map { pair in
      guard pair.count == 2, let label = pair[0] as? String,
        let count = (pair[1] as? Int) ?? (pair[1] as? String).flatMap({ Int($0) })
      else { throw ValidationError("\(path): \(pair) is not a [label, count] pair") }
      return (label, count)
    }
  }
}
