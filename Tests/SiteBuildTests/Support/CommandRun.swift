import Foundation
import Testing

/// `hrindex` run as a child process in a given working folder, with its standard output and
/// standard error kept apart.
struct CommandRun {
  var status: Int32
  var stdout: String
  var stderr: String

  static func hrindex(_ arguments: [String], in folder: String) throws -> CommandRun {
    let binary = try #require(HRIndexRun.product("hrindex"), "no hrindex binary beside the tests: run swift build first")
    return try run(binary.path, arguments, in: folder)
  }

  /// Runs `executable` with `arguments` in `folder`; the output goes through files (no pipe to fill).
  static func run(_ executable: String, _ arguments: [String], in folder: String, environment: [String: String]? = nil) throws -> CommandRun {
    let logs = SiteFixture.temporaryFolder("command")
    let (out, err) = (logs + "/stdout", logs + "/stderr")
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    _ = FileManager.default.createFile(atPath: err, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    if let environment { process.environment = environment }
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    try process.run()
    process.waitUntilExit()
    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    return CommandRun(status: process.terminationStatus, stdout: text(out), stderr: text(err))
  }

  /// A copy of the fixture `name` (its `Content/` folder) in a new temporary folder; returns that folder.
  static func copyFixture(_ name: String) throws -> String {
    let folder = SiteFixture.temporaryFolder(name)
    try FileManager.default.copyItem(atPath: SiteFixture.content(name), toPath: folder + "/Content")
    return folder
  }
}
