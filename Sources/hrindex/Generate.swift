import ArgumentParser
import SiteBuild

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a synthetic content folder of N recommendations (seeded, deterministic) for tests and benchmarks.")

  @Option(help: "How many recommendations.")
  var count = 10_000
  @Option(help: "The random seed: the same seed and count give the same files.")
  var seed: UInt64 = 1
  @Option(help: "The content folder to create (must not exist, or be empty).")
  var output: String

  func run() throws {
    var generator = try CorpusGenerator(seed: seed)
    try generator.write(count: count, to: output)
    print("Wrote \(count) recommendations to \(output)")
  }
}
