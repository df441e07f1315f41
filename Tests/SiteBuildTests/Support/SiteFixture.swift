import Foundation
import Testing

@testable import SiteBuild
@testable import SiteCore

/// Fixture sites under `Tests/SiteBuildTests/Fixtures/`, built into fresh temporary folders.
enum SiteFixture {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

  static func content(_ name: String) -> String { testsFolder.appendingPathComponent("Fixtures/\(name)/Content").path }

  /// A new empty folder that is removed when the test process ends.
  static func temporaryFolder(_ label: String = "site") -> String {
    _ = removeAtExit
    let url = testRoot.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  /// One folder per test process holds every temporary site; it is removed when the process ends.
  static let testRoot = FileManager.default.temporaryDirectory
    .appendingPathComponent("hrindex-tests-\(ProcessInfo.processInfo.processIdentifier)")

  private static let removeAtExit: Void = {
    atexit { try? FileManager.default.removeItem(at: SiteFixture.testRoot) }
  }()

  /// Writes `count` generated recommendations (`hrindex generate`, seed `seed`) as the content folder `content`.
  static func generate(seed: UInt64, count: Int, into content: String) throws {
    var generator = try CorpusGenerator(seed: seed)
    try generator.write(count: count, to: content)
  }

  /// Builds `content` with the repository's theme into a new folder and returns that folder.
  static func build(content: String, baseURL: String? = nil, output: String? = nil, threads: Int = 2) -> (String, BuildReport) {
    let out = output ?? temporaryFolder() + "/Output"
    let configuration = BuildConfiguration(
      content: content, templates: repository.appendingPathComponent("Templates").path,
      publicFolder: repository.appendingPathComponent("Public").path, output: out, baseURL: baseURL, threads: threads)
    return (out, SiteBuilder.build(configuration))
  }

  /// Records an issue unless the folders `actual` and `expected` hold the same paths with the same
  /// bytes; each differing file is named, followed by `reason` ("differs from a clean build").
  static func expectSameFiles(_ actual: String, as expected: String, _ reason: String,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let want = files(in: expected)
    let got = files(in: actual)
    #expect(got.keys.sorted() == want.keys.sorted(), sourceLocation: sourceLocation)
    for (path, bytes) in want where got[path] != bytes {
      Issue.record("\(path) \(reason)", sourceLocation: sourceLocation)
    }
  }

  /// Every file below `folder`, relative path → bytes.
  static func files(in folder: String) -> [String: Data] {
    var result: [String: Data] = [:]
    let base = URL(fileURLWithPath: folder).standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return [:] }
    for case let relative as String in walker {
      var isDirectory: ObjCBool = false
      let path = base + "/" + relative
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        result[relative] = FileManager.default.contents(atPath: path)
      }
    }
    return result
  }
}
