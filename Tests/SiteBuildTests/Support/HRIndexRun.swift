import Foundation
import Testing

/// An executable of this package (`hrindex`, `Fuzz`) built beside the test bundle, run as a
/// child process with its output kept in a file.
final class HRIndexRun: @unchecked Sendable {
  let process = Process()
  private let log: String

  /// The product `name` in the folder of the running test executable or one of its parents (the
  /// test bundle is a file on Linux and a folder on macOS), whatever the scratch path.
  static func product(_ name: String) -> URL? {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var candidates = [executable.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    var folder = executable.deletingLastPathComponent()
    for _ in 0..<4 {
      folder = folder.deletingLastPathComponent()
      candidates.append(folder)
    }
    candidates.append(SiteFixture.repository.appendingPathComponent(".build/debug"))
    return candidates.map { $0.appendingPathComponent(name) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  static func start(_ arguments: [String], product name: String = "hrindex") throws -> HRIndexRun {
    let binary = try #require(product(name), "no \(name) binary beside the tests: run swift build first")
    return try HRIndexRun(binary, arguments)
  }

  /// Runs to the end; a missing binary is reported as a failed run.
  static func wait(_ arguments: [String], product name: String = "hrindex") -> (status: Int32, output: String) {
    guard let binary = product(name), let run = try? HRIndexRun(binary, arguments) else { return (-1, "cannot start \(name)") }
    let status = run.finish()
    return (status, run.output)
  }

  private init(_ binary: URL, _ arguments: [String]) throws {
    log = SiteFixture.temporaryFolder("run") + "/output.txt"
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    process.executableURL = binary
    process.arguments = arguments
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
  }

  var isRunning: Bool { process.isRunning }
  /// Everything it printed, stdout and stderr interleaved.
  var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

  func finish() -> Int32 {
    process.waitUntilExit()
    return process.terminationStatus
  }

  func kill() {
    Glibc.kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  func pause() { Glibc.kill(process.processIdentifier, SIGSTOP) }
  func resume() { Glibc.kill(process.processIdentifier, SIGCONT) }
}
