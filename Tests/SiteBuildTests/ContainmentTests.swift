import Foundation
import SiteDefaults
import SiteFiles
import Testing

@testable import SiteBuild
@testable import SiteCore

/// No id, slug, file name, symbolic link or vocabulary value makes a build read outside its
/// content, templates and public folders, or write outside its output folder.
@Suite("Reads and writes stay inside their folders")
struct ContainmentTests {
  static let marker = "SECRET-OUTSIDE-THE-SITE-7f3a"

  /// A copy of the small fixture in a new folder: (that folder, its Content).
  static func siteCopy(_ label: String) throws -> (folder: String, content: String) {
    let folder = SiteFixture.temporaryFolder(label)
    try FileManager.default.copyItem(atPath: SiteFixture.content("small"), toPath: folder + "/Content")
    return (folder, folder + "/Content")
  }

  /// A valid recommendation outside every site folder whose text is `marker`: if any build
  /// followed a link to it, the marker would show up in the output.
  static func outsideRecommendation() throws -> String {
    let folder = SiteFixture.temporaryFolder("outside")
    let text = """
      ---
      document: A/HRC/99/1
      paragraph: "1"
      country: ECU
      mechanism: upr
      body: UPR
      date: 2020-01-01
      ---
      \(marker) must never be read.

      """
    try text.write(toFile: folder + "/secret.md", atomically: true, encoding: .utf8)
    return folder
  }

  static func outputMentions(_ output: String, _ text: String) -> [String] {
    SiteFixture.files(in: output).filter { String(decoding: $0.value, as: UTF8.self).contains(text) }.map(\.key)
  }

  static func messages(_ report: BuildReport) -> String { report.diagnostics.map(\.description).joined(separator: "\n") }

  // MARK: - Names that look like paths

  @Test("an id with a slash or dot-dot is rejected; a derived id keeps only letters, digits and dashes")
  func idsCannotHoldPaths() {
    let decoder = RecommendationDecoder(vocabulary: VocabularyLoader.defaults(), defaultLanguage: "en")
    func decode(_ extra: String, document: String = "A/HRC/1/2") -> RecommendationDecoder.Decoded {
      let text = "---\ndocument: \"\(document)\"\nparagraph: \"..\"\ncountry: ECU\nmechanism: upr\nbody: UPR\ndate: 2020-01-01\n\(extra)---\nText.\n"
      return decoder.decode(SourceFile(path: "x.md", text: text))
    }
    for id in ["../../x", "a/b", "..", "./a", "a\\\\b", "-x", "%2e%2e"] {
      let decoded = decode("id: \"\(id)\"\n")
      #expect(decoded.recommendation == nil, "id \(id) was accepted")
      #expect(decoded.diagnostics.contains { $0.field == "id" && $0.message.contains("is not a valid id") })
    }
    let derived = decode("", document: "../../etc/passwd").recommendation
    #expect(derived?.id == "etc-passwd")
    #expect(decode("", document: "/..//../").recommendation == nil)
  }

  @Test("document symbols and body codes become slugs; a theme slug with a path is rejected")
  func termSlugsCannotHoldPaths() {
    #expect(Taxonomy.document.slug(of: "../../../tmp/x") == "tmp-x")
    #expect(Taxonomy.body.slug(of: "..\\..\\BODY") == "body")
    #expect(Taxonomy.country.slug(of: "../") == "")
    var files: [VocabularyFile: (path: String, text: String)] = [:]
    for kind in VocabularyFile.allCases { files[kind] = DefaultFiles.vocabularies[kind.fileName].map { (kind.fileName, $0) } }
    for slug in ["../x", "a/b", "..", "x/../../y"] {
      var withInstitution = files
      withInstitution[.institutions] = ("institutions.yml", "- slug: \"\(slug)\"\n  name: Escape\n")
      if case .success = VocabularyDecoder().decode(withInstitution) { Issue.record("institution slug \(slug) was accepted") }
      files[.themes] = ("themes.yml", "- slug: \"\(slug)\"\n  name: Escape\n")
      let result = VocabularyDecoder().decode(files)
      guard case .failure(let error) = result else {
        Issue.record("theme slug \(slug) was accepted")
        continue
      }
      #expect(error.diagnostics.contains { $0.field == "slug" && $0.message.contains("is not a slug") })
    }
  }

  @Test("a site whose symbols and body codes climb out writes only inside its output")
  func pathLikeValuesStayInside() throws {
    let (folder, content) = try Self.siteCopy("climb")
    try FileManager.default.createDirectory(atPath: content + "/vocabularies", withIntermediateDirectories: true)
    let bodies = DefaultFiles.vocabularies["bodies.yml"]! + "\n- code: \"../../../ESCAPE\"\n  name: Climber\n  mechanism: treaty-body\n"
    try bodies.write(toFile: content + "/vocabularies/bodies.yml", atomically: true, encoding: .utf8)
    let rec = "---\ndocument: \"../../../../escape/A/1\"\nparagraph: \"../1\"\ncountry: ECU\nmechanism: treaty-body\nbody: \"../../../ESCAPE\"\ndate: 2020-01-01\n---\nClimbing text.\n"
    try rec.write(toFile: content + "/recommendations/climb.md", atomically: true, encoding: .utf8)
    let (output, report) = SiteFixture.build(content: content, output: folder + "/Output")
    #expect(report.succeeded, "\(Self.messages(report))")
    let files = SiteFixture.files(in: output)
    #expect(files["bodies/escape/index.html"] != nil && files["documents/escape-a-1/index.html"] != nil)
    #expect(files["recommendations/escape-a-1-1/index.html"] != nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".Output.lock", ".Output.standby", ".Output.state", "Content", "Output"])
    // The standby copy made for the next edit is the same site, and holds nothing else either.
    SiteFixture.expectSameFiles(folder + "/.Output.standby", as: output, "in the standby copy differs from the output")
  }

  // MARK: - Symbolic links

  @Test("symbolic links among the recommendations are skipped with a warning and never read")
  func linkedRecommendationsSkipped() throws {
    let (folder, content) = try Self.siteCopy("links")
    let outside = try Self.outsideRecommendation()
    let fm = FileManager.default
    try fm.createSymbolicLink(atPath: content + "/recommendations/secret.md", withDestinationPath: outside + "/secret.md")
    try fm.createSymbolicLink(atPath: content + "/recommendations/linked-folder", withDestinationPath: outside)
    try fm.createSymbolicLink(atPath: content + "/recommendations/passwd.md", withDestinationPath: "/etc/passwd")
    try fm.createSymbolicLink(atPath: content + "/pages/secret.md", withDestinationPath: outside + "/secret.md")
    let (output, report) = SiteFixture.build(content: content, output: folder + "/Output")
    #expect(report.succeeded, "\(Self.messages(report))")
    let warned = report.diagnostics.filter { $0.severity == .warning && $0.message.hasPrefix("symbolic link ignored") }
    #expect(Set(warned.compactMap { $0.location?.path.split(separator: "/").suffix(2).joined(separator: "/") })
      == ["recommendations/secret.md", "recommendations/linked-folder", "recommendations/passwd.md", "pages/secret.md"])
    #expect(report.recommendations == 5)
    #expect(Self.outputMentions(output, Self.marker).isEmpty)
    #expect(Self.outputMentions(output, "root:x:0:0").isEmpty)
  }

  @Test("a linked recommendations or pages folder is skipped, not followed")
  func linkedFoldersSkipped() throws {
    let (folder, content) = try Self.siteCopy("linked-folders")
    let outside = try Self.outsideRecommendation()
    let fm = FileManager.default
    try fm.removeItem(atPath: content + "/pages")
    try fm.createSymbolicLink(atPath: content + "/pages", withDestinationPath: outside)
    try fm.moveItem(atPath: content + "/recommendations", toPath: folder + "/real-recommendations")
    try fm.createSymbolicLink(atPath: content + "/recommendations", withDestinationPath: outside)
    let (output, report) = SiteFixture.build(content: content, output: folder + "/Output")
    let warned = report.diagnostics.filter { $0.message.hasPrefix("symbolic link ignored") }.compactMap(\.location?.path)
    #expect(warned.map { $0.hasSuffix("/recommendations") || $0.hasSuffix("/pages") } == [true, true], "\(Self.messages(report))")
    #expect(report.recommendations == 0)
    #expect(Self.outputMentions(output, Self.marker).isEmpty)
  }

  @Test("a linked site.yml or vocabulary file is an error, never a silent default")
  func linkedSettingsRejected() throws {
    let (folder, content) = try Self.siteCopy("linked-settings")
    let outside = try Self.outsideRecommendation()
    let fm = FileManager.default
    try "- code: ECU\n  name: \(Self.marker)\n".write(toFile: outside + "/countries.yml", atomically: true, encoding: .utf8)
    try fm.createDirectory(atPath: content + "/vocabularies", withIntermediateDirectories: true)
    try fm.createSymbolicLink(atPath: content + "/vocabularies/countries.yml", withDestinationPath: outside + "/countries.yml")
    try fm.moveItem(atPath: content + "/site.yml", toPath: outside + "/site.yml")
    try fm.createSymbolicLink(atPath: content + "/site.yml", withDestinationPath: outside + "/site.yml")
    let (output, report) = SiteFixture.build(content: content, output: folder + "/Output")
    let errors = report.diagnostics.filter { $0.severity == .error && $0.message.hasPrefix("symbolic link ignored") }
    #expect(Set(errors.compactMap { $0.location.map { URL(fileURLWithPath: $0.path).lastPathComponent } }) == ["site.yml", "countries.yml"],
      "\(Self.messages(report))")
    #expect(!fm.fileExists(atPath: output))
  }

  @Test("linked templates and public files are skipped with a warning; the default theme fills in")
  func linkedThemeFilesSkipped() throws {
    let (folder, content) = try Self.siteCopy("linked-theme")
    let outside = SiteFixture.temporaryFolder("outside-theme")
    let fm = FileManager.default
    try "<p>\(Self.marker)</p>".write(toFile: outside + "/secret.mustache", atomically: true, encoding: .utf8)
    try Self.marker.write(toFile: outside + "/secret.txt", atomically: true, encoding: .utf8)
    for name in ["Templates", "Public/assets"] { try fm.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true) }
    try fm.createSymbolicLink(atPath: folder + "/Templates/page.mustache", withDestinationPath: outside + "/secret.mustache")
    try fm.createSymbolicLink(atPath: folder + "/Public/assets/secret.txt", withDestinationPath: outside + "/secret.txt")
    try fm.createSymbolicLink(atPath: folder + "/Public/linked", withDestinationPath: outside)
    let configuration = BuildConfiguration(content: content, output: folder + "/Output", threads: 1)
    let report = SiteBuilder.build(configuration)
    #expect(report.succeeded, "\(Self.messages(report))")
    let warned = report.diagnostics.filter { $0.message.hasPrefix("symbolic link ignored") }.compactMap(\.location?.path)
    #expect(warned.count == 3, "\(Self.messages(report))")
    let files = SiteFixture.files(in: folder + "/Output")
    #expect(files["assets/secret.txt"] == nil && files["linked/secret.txt"] == nil && files["about/index.html"] != nil)
    #expect(Self.outputMentions(folder + "/Output", Self.marker).isEmpty)
  }

  // MARK: - Where the output may go

  @Test("an output that is a file, a link, the content folder, a folder holding it, or / is refused")
  func dangerousOutputsRefused() throws {
    let (folder, content) = try Self.siteCopy("outputs")
    let fm = FileManager.default
    try "notes".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
    try fm.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: true)
    try fm.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/elsewhere")
    try Data().write(to: URL(fileURLWithPath: folder + "/" + OutputManifest.fileName))  // as if an old build wrote it
    let before = SiteFixture.files(in: folder)
    let rootLockExisted = fm.fileExists(atPath: "/.lock")
    let cases: [(String, String)] = [
      (folder + "/notes.txt", "exists and is not a folder"), (folder + "/link", "exists and is not a folder"),
      (content, "holds the input folder"), (content + "/..", "holds the input folder"),
      (folder, "holds the input folder"), (content + "/recommendations", "was not written by hrindex"),
      ("/", "cannot be the root folder"),
    ]
    for (output, message) in cases {
      let (_, report) = SiteFixture.build(content: content, output: output)
      #expect(!report.succeeded && Self.messages(report).contains(message), "\(output): \(Self.messages(report))")
    }
    let after = SiteFixture.files(in: folder).filter { !$0.key.hasSuffix(".lock") }
    #expect(after == before)
    #expect(fm.fileExists(atPath: "/.lock") == rootLockExisted)
  }

  @Test("an output path with a .. part, or starting at /, is refused; dots inside a name are not", arguments: [
    ("recommendations/a/index.html", true), ("a..b/c", true), ("...", true), (".hidden/x", true), ("a/.b", true),
    ("../x", false), ("a/../b", false), ("a/..", false), ("..", false), ("/etc/passwd", false), ("a//../b", false),
  ])
  func outputPaths(path: String, allowed: Bool) {
    #expect(SitePublisher.staysInside(path) == allowed)
    #expect(SitePublisher.staysInside(path) == !(path.hasPrefix("/") || path.split(separator: "/").contains("..")))
  }
}
