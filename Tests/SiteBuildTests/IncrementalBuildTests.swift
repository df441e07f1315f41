import Foundation
import struct SiteCore.ExportSettings
import SiteFiles
import Testing

@testable import SiteBuild

/// A build that finds its previous output writes only what changed, and ends byte-identical to a
/// clean build of the same input.
@Suite("Incremental builds")
struct IncrementalBuildTests {
  /// A private copy of the small fixture site and of the repository's theme, free to edit.
  static func workingCopy() throws -> (content: String, templates: String, output: String) {
    let folder = SiteFixture.temporaryFolder("incremental")
    let fm = FileManager.default
    try fm.copyItem(atPath: SiteFixture.content("small"), toPath: folder + "/Content")
    try fm.copyItem(atPath: SiteFixture.repository.appendingPathComponent("Templates").path, toPath: folder + "/Templates")
    try fm.copyItem(atPath: SiteFixture.repository.appendingPathComponent("Public").path, toPath: folder + "/Public")
    return (folder + "/Content", folder + "/Templates", folder + "/Output")
  }

  /// `exports`: instead of site.yml's (what `hrindex serve` passes: none).
  static func build(
    _ site: (content: String, templates: String, output: String), output: String? = nil, exports: ExportSettings? = nil
  ) -> BuildReport {
    var configuration = BuildConfiguration(content: site.content, templates: site.templates,
      publicFolder: site.templates.replacingOccurrences(of: "Templates", with: "Public"), output: output ?? site.output, threads: 2)
    configuration.exports = exports
    return SiteBuilder.build(configuration)
  }

  /// Builds `site` clean into a fresh folder and checks the incremental output matches it.
  static func expectSameAsClean(_ site: (content: String, templates: String, output: String), sourceLocation: SourceLocation = #_sourceLocation) {
    let clean = SiteFixture.temporaryFolder("clean") + "/Output"
    #expect(build(site, output: clean).succeeded, sourceLocation: sourceLocation)
    SiteFixture.expectSameFiles(site.output, as: clean, "differs from a clean build", sourceLocation: sourceLocation)
  }

  @Test("a rebuild with no change writes nothing, and an edit rewrites only the pages it touches")
  func writesOnlyChanges() throws {
    let site = try Self.workingCopy()
    #expect(Self.build(site).succeeded)
    #expect(Self.build(site).succeeded)  // the first build with a standby copy to compare against
    let unchanged = Self.build(site)
    #expect(unchanged.incremental && unchanged.filesWritten == 0)
    let file = site.content + "/recommendations/fra/a-hrc-38-4-145-1.md"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "Deuxième phrase.", with: "Une autre phrase.").write(toFile: file, atomically: true, encoding: .utf8)
    let edited = Self.build(site)
    #expect(edited.incremental)
    #expect(edited.filesWritten > 0 && edited.filesWritten < edited.files / 4, "\(edited.filesWritten) of \(edited.files)")
    Self.expectSameAsClean(site)
  }

  @Test("after edits, a deletion and a template change, the output equals a clean build")
  func equalsCleanBuild() throws {
    let site = try Self.workingCopy()
    for _ in 0..<2 { #expect(Self.build(site).succeeded) }
    let fm = FileManager.default
    // A changed title, a removed recommendation (its page and document must disappear), a new one.
    let ecu = site.content + "/recommendations/ecu/"
    let cmw = try String(contentsOfFile: ecu + "cmw-c-ecu-co-3-47-g.md", encoding: .utf8)
    try cmw.replacingOccurrences(of: "title: Cooperación internacional contra la trata", with: "title: Otro título")
      .write(toFile: ecu + "cmw-c-ecu-co-3-47-g.md", atomically: true, encoding: .utf8)
    try fm.removeItem(atPath: ecu + "crc-c-ecu-co-5-6-28.md")
    try fm.copyItem(atPath: site.content + "/recommendations/fra/a-hrc-38-4-145-1.md", toPath: ecu + "copy.md")
    let copy = try String(contentsOfFile: ecu + "copy.md", encoding: .utf8)
    try copy.replacingOccurrences(of: "id: fra-upr3-ratification", with: "id: fra-upr3-copy")
      .write(toFile: ecu + "copy.md", atomically: true, encoding: .utf8)
    #expect(Self.build(site).succeeded)
    Self.expectSameAsClean(site)
    #expect(!fm.fileExists(atPath: site.output + "/recommendations/crc-c-ecu-co-5-6-28/index.html"))
    #expect(!fm.fileExists(atPath: site.output + "/documents/crc-c-ecu-co-5-6"))
    // A template change reaches every page.
    let layout = site.templates + "/layout.mustache"
    let text = try String(contentsOfFile: layout, encoding: .utf8)
    try text.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer\" data-edited=\"1\">")
      .write(toFile: layout, atomically: true, encoding: .utf8)
    let rebuilt = Self.build(site)
    #expect(rebuilt.succeeded && rebuilt.filesWritten >= rebuilt.pages)
    Self.expectSameAsClean(site)
  }

  @Test("a build that fails halfway leaves the standby copy untrusted, and the next build is still exact")
  func recoversFromBrokenStandby() throws {
    let site = try Self.workingCopy()
    for _ in 0..<2 { #expect(Self.build(site).succeeded) }
    let standby = URL(fileURLWithPath: site.output).deletingLastPathComponent().appendingPathComponent(".Output.standby").path
    // Simulate a build killed after changing the standby copy: its manifest is gone, a page is stale.
    try FileManager.default.removeItem(atPath: standby + "/" + OutputManifest.fileName)
    try "stale".write(toFile: standby + "/index.html", atomically: true, encoding: .utf8)
    // A front-matter change makes the build run whole: it must not trust the standby copy.
    let file = site.content + "/recommendations/fra/a-hrc-38-4-145-1.md"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "response: noted", with: "response: supported").write(toFile: file, atomically: true, encoding: .utf8)
    let report = Self.build(site)
    #expect(report.succeeded && !report.incremental && report.textEdits == nil)
    Self.expectSameAsClean(site)
    // With nothing changed, a standby copy broken the same way is made anew from the output.
    try FileManager.default.removeItem(atPath: standby + "/" + OutputManifest.fileName)
    try "stale".write(toFile: standby + "/index.html", atomically: true, encoding: .utf8)
    let unchanged = Self.build(site)
    #expect(unchanged.succeeded && unchanged.textEdits == 0)
    Self.expectSameAsClean(site)
    #expect(try String(contentsOfFile: standby + "/index.html", encoding: .utf8) != "stale")
  }

  @Test("a file whose hash in the manifest agrees but whose bytes differ is written again (a hash never decides alone)")
  func hashAgreementIsChecked() throws {
    let site = try Self.workingCopy()
    for _ in 0..<2 { #expect(Self.build(site).succeeded) }
    let location = OutputLocation(site.output)
    let manifest = try #require(OutputManifest.read(location.standbyManifest))
    // As a hash collision would: the standby copy's file differs, its manifest line is unchanged.
    let asset = "assets/style.css"
    let original = try #require(RegularFile.read(location.standby + "/" + asset))
    #expect(manifest[asset] == ContentHash.of(original))
    unlink(location.standby + "/" + asset)
    try RegularFile.create(location.standby + "/" + asset, Array("/* not the theme's stylesheet */\n".utf8))
    #expect(OutputManifest.read(location.standbyManifest) == manifest)
    // A front-matter change makes the build run whole, over that standby copy.
    let file = site.content + "/recommendations/fra/a-hrc-38-4-145-1.md"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "response: noted", with: "response: supported").write(toFile: file, atomically: true, encoding: .utf8)
    let report = Self.build(site)
    #expect(report.succeeded && report.incremental && report.textEdits == nil)
    let restored = RegularFile.read(site.output + "/" + asset) == original
    #expect(restored, "the standby copy's altered \(asset) reached the output")
    Self.expectSameAsClean(site)
  }
}
