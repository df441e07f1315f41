import Foundation
import Testing

@testable import SiteCore

/// Every input in `Tests/FuzzCorpus/` — the seeds and each crash the fuzzer ever found — replayed
/// through the fuzz target's own checks (`Fuzz FILE…`, the target built without libFuzzer), so a
/// fixed crash stays fixed. A crash kills only that child process, not the test run.
@Suite("Fuzz corpus replay")
struct FuzzCorpusTests {
  static let corpus = SiteFixture.repository.appendingPathComponent("Tests/FuzzCorpus").path

  @Test("every seed and every past crash decodes without a crash or a broken invariant")
  func replayCorpus() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter { !$0.hasPrefix(".") }.sorted()
    #expect(names.count >= 12)
    let run = HRIndexRun.wait(names.map { Self.corpus + "/" + $0 }, product: "Fuzz")
    #expect(run.status == 0, "\(run.output)")
    let replayed = run.output.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count
    #expect(replayed == names.count, "\(run.output)")
  }

  // MARK: - Crashes the fuzzer found, each pinned down where it was fixed

  @Test("crash-closing-delimiter-ends-file: a closing --- at the very end puts the body on the next line")
  func closingDelimiterEndsFile() throws {
    for (text, bodyLine) in [("---\n---", 3), ("---\n---\n", 3), ("---\na: b\n...", 4), ("\u{FEFF}---\r\n---", 3)] {
      let split = try FrontMatterSplitter.split(SourceFile(path: "x.md", text: text)).get()
      #expect(split.bodyLine == bodyLine, "\(text.debugDescription)")
      #expect(split.body.isEmpty)
    }
  }
}
