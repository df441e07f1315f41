import Foundation

@testable import SiteBuild
@testable import SiteCore
@testable import SiteImport

/// The fixtures under `Tests/SiteImportTests/Fixtures/` and the default tables, with helpers
/// that import them into fresh temporary folders.
enum ImportFixture {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let uprInfoCSV = folder + "/upr-info-sample.csv"
  static let uhriJSON = folder + "/uhri-sample.json"

  static let vocabulary = VocabularyLoader.defaults()

  static func mapping(_ name: String) -> MappingFile {
    MappingFile(path: "mappings/" + name, text: VocabularyLoader.defaultFile("mappings/" + name)!)
  }

  static let mappings: UPRInfoMappings = {
    do {
      return try UPRInfoMappings(
        countries: mapping("upr-info-countries.yml"), issues: mapping("upr-info-issues.yml"),
        sessions: mapping("upr-sessions.yml"), vocabulary: vocabulary)
    } catch {
      preconditionFailure("the default mappings do not decode: \(error)")
    }
  }()

  /// Lines of a fixture text file, without comments and blank lines.
  static func lines(_ name: String) throws -> [String] {
    try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n")
      .map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }

  /// One folder per test process for everything the tests write, removed when the process exits.
  static let root: String = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("hrindex-import-tests-\(ProcessInfo.processInfo.processIdentifier)").path
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: ImportFixture.root) }
    return path
  }()

  /// A new empty folder inside `root`.
  static func temporaryFolder(_ label: String) -> String {
    let path = root + "/\(label)-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func importUPRInfo(into content: String, overwrite: Bool = false, prune: Bool = false, input: String = uprInfoCSV) throws -> ImportReport {
    try ImportRun.uprInfo(input: input, mappings: mappings, vocabulary: vocabulary,
      options: ImportRun.Options(output: content, overwrite: overwrite, prune: prune))
  }

  static func importUHRI(into content: String, overwrite: Bool = false) throws -> ImportReport {
    try ImportRun.uhri(input: uhriJSON, vocabulary: vocabulary, options: ImportRun.Options(output: content, overwrite: overwrite))
  }

  /// Every file below `folder`, relative path → text.
  static func files(in folder: String) -> [String: String] {
    var result: [String: String] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [:] }
    for case let relative as String in walker {
      var isDirectory: ObjCBool = false
      let path = folder + "/" + relative
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        result[relative] = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self)
      }
    }
    return result
  }

  static func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }
}
