import Foundation
import Testing

/// A build killed at any moment (SIGKILL: no handler runs, nothing is cleaned up) leaves the
/// previous output exactly as it was, and two builds of one output never mix their files.
/// These tests run the real `hrindex` binary on a generated corpus of 3,000 recommendations.
@Suite("Killed and concurrent builds", .serialized)
struct KillTests {
  /// Everything these tests write (about a gigabyte), removed when the test process exits.
  static let scratch: String = {
    let folder = SiteFixture.temporaryFolder("kill-tests")
    atexit { removeKillTestScratch() }
    return folder
  }()

  /// A new folder inside `scratch` (a failure to create it shows up as the build failing).
  static func newFolder(_ label: String) -> String {
    let folder = scratch + "/" + label + "-" + UUID().uuidString.prefix(8)
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Two different generated sites; the second is the "changed corpus" of a rebuild.
  static let corpora: (first: String, second: String) = {
    let folder = scratch + "/corpus"
    for (seed, name) in [(1, "first"), (2, "second")] {
      let run = HRIndexRun.wait(["generate", "--count", "3000", "--seed", "\(seed)", "--output", "\(folder)/\(name)"])
      precondition(run.status == 0, "hrindex generate failed: \(run.output)")
    }
    return (folder + "/first", folder + "/second")
  }()

  /// The second corpus built once, for comparing a build that got through with its expected output.
  static let secondSite: [String: Data] = {
    let output = newFolder("second") + "/Output"
    let run = HRIndexRun.wait(["build", "--content", corpora.second, "--output", output])
    precondition(run.status == 0, "hrindex build failed: \(run.output)")
    return SiteFixture.files(in: output)
  }()

  /// The first corpus built once; each test starts from a copy of it.
  static let firstOutput: String = {
    let output = newFolder("first") + "/Output"
    let run = HRIndexRun.wait(["build", "--content", corpora.first, "--output", output])
    precondition(run.status == 0, "hrindex build failed: \(run.output)")
    return output
  }()

  /// A new folder holding `Output/`, the first corpus's site as a build wrote it.
  static func builtOutput(_ label: String) throws -> (folder: String, output: String, before: [String: Data]) {
    let folder = newFolder(label)
    try FileManager.default.copyItem(atPath: firstOutput, toPath: folder + "/Output")
    return (folder, folder + "/Output", SiteFixture.files(in: folder + "/Output"))
  }

  enum Moment: CustomStringConvertible {
    case after(milliseconds: Int)
    /// The build holds the output's lock: it has begun to write its new site beside the output.
    case writing
    /// The build has written this many files of its new site.
    case written(files: Int)

    var description: String {
      switch self {
      case .after(let ms): return "after \(ms) ms"
      case .writing: return "as it starts writing"
      case .written(let n): return "with \(n) files written"
      }
    }
  }

  @Test("a build killed at any moment leaves the previous output byte for byte; the next build succeeds")
  func killedBuildChangesNothing() throws {
    let (folder, output, before) = try Self.builtOutput("kill")
    #expect(before.count > 6_000)
    let moments: [Moment] = [.after(milliseconds: 50), .after(milliseconds: 150), .after(milliseconds: 400),
                             .writing, .written(files: 1_500), .after(milliseconds: 2_500)]
    var current = before
    for moment in moments {
      Self.markLeftovers(folder)
      let run = try HRIndexRun.start(["build", "--content", Self.corpora.second, "--output", output])
      let reached = Self.wait(for: moment, folder: folder, while: run)
      run.kill()
      if case .after(2_500) = moment {} else { #expect(reached, "the build ended before it could be killed \(moment)") }
      let after = SiteFixture.files(in: output)
      // Only the final rename changes the output, and then it is the whole new site at once.
      #expect(after == current || after == Self.secondSite, "killed \(moment): the output is neither the old nor the new site")
      if after != current { current = after }
    }
    #expect(current == before, "no kill before the swap may change the output")
    let rebuild = HRIndexRun.wait(["build", "--content", Self.corpora.second, "--output", output])
    #expect(rebuild.status == 0, "\(rebuild.output)")
    #expect(SiteFixture.files(in: output) == Self.secondSite)
    #expect(before != Self.secondSite)
    let left = try Set(FileManager.default.contentsOfDirectory(atPath: folder))
    #expect(left.isSubset(of: ["Output", ".Output.lock", ".Output.standby", ".Output.state"]), "stale files after the rebuild: \(left.sorted())")
    #expect(Self.workFolders(folder).allSatisfy { !FileManager.default.fileExists(atPath: $0 + "/" + Self.leftoverMark) })
  }

  @Test("a second build of the same output stops with a clear message while the first holds the lock")
  func concurrentBuildRefused() throws {
    let (folder, output, before) = try Self.builtOutput("lock")
    let first = try HRIndexRun.start(["build", "--content", Self.corpora.second, "--output", output])
    #expect(Self.wait(for: .writing, folder: folder, while: first))
    first.pause()
    let second = HRIndexRun.wait(["build", "--content", Self.corpora.first, "--output", output])
    first.resume()
    #expect(second.status == 1)
    #expect(second.output.contains("error: another build is writing \(output) right now"), "\(second.output)")
    #expect(SiteFixture.files(in: output) == before)
    #expect(first.finish() == 0)
    #expect(SiteFixture.files(in: output) == Self.secondSite)
  }

  @Test("two builds started at once: any that fails says why, and the output is one whole site")
  func simultaneousBuilds() throws {
    let (_, output, _) = try Self.builtOutput("together")
    let runs = try (0..<2).map { _ in try HRIndexRun.start(["build", "--content", Self.corpora.second, "--output", output]) }
    let statuses = runs.map { $0.finish() }
    #expect(statuses.contains(0))
    for (run, status) in zip(runs, statuses) where status != 0 {
      #expect(run.output.contains("another build is writing"), "\(run.output)")
    }
    #expect(SiteFixture.files(in: output) == Self.secondSite)
  }

  // MARK: - Watching a build from outside

  /// The folders a build writes beside `Output/` (`.Output.staging`, `.Output.standby`…).
  static func workFolders(_ folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasPrefix(".Output.") && !$0.hasSuffix(".lock") }.map { folder + "/" + $0 }
  }

  static let leftoverMark = "left-by-a-killed-build"

  /// Marks what a killed build left, so that counting "files written" counts the next build's own.
  static func markLeftovers(_ folder: String) {
    for work in workFolders(folder) { _ = FileManager.default.createFile(atPath: work + "/" + leftoverMark, contents: Data()) }
  }

  static func filesWritten(_ folder: String) -> Int {
    workFolders(folder).filter { !FileManager.default.fileExists(atPath: $0 + "/" + leftoverMark) }
      .map { FileManager.default.enumerator(atPath: $0)?.allObjects.count ?? 0 }.reduce(0, +)
  }

  /// Whether some process holds a lock on `path` (read from /proc/locks, without taking it).
  static func isLocked(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return false }
    let suffix = ":\(info.st_ino)"
    return locks.split(separator: "\n").contains { line in line.split(separator: " ").contains { $0.hasSuffix(suffix) } }
  }

  /// Waits until `moment` (or the build's end); true when the moment came while it still ran.
  static func wait(for moment: Moment, folder: String, while run: HRIndexRun) -> Bool {
    let started = Date()
    while run.isRunning && Date().timeIntervalSince(started) < 60 {
      switch moment {
      case .after(let ms): if Date().timeIntervalSince(started) * 1_000 >= Double(ms) { return true }
      case .writing: if isLocked(folder + "/.Output.lock") { return true }
      case .written(let n): if isLocked(folder + "/.Output.lock"), filesWritten(folder) >= n { return true }
      }
      usleep(200)
    }
    return false
  }
}

private func removeKillTestScratch() { try? FileManager.default.removeItem(atPath: KillTests.scratch) }
