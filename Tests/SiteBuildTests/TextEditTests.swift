import Foundation
import struct SiteCore.ExportSettings
import SiteFiles
import Testing

@testable import SiteBuild

/// A build after edits of texts alone re-renders only the edited recommendations' pages (and
/// their countries' matrices, which show every text) and patches the search index, and its
/// output is byte for byte what a clean build writes; any other change makes the build run
/// whole, with the same result.
@Suite("Text edits")
struct TextEditTests {
  typealias Site = (content: String, templates: String, output: String)

  /// A private copy of the six-language sample site with the repository's theme.
  static func sampleCopy() throws -> Site {
    let folder = SiteFixture.temporaryFolder("text-edit")
    let fm = FileManager.default
    for name in ["Content", "Templates", "Public"] {
      try fm.copyItem(atPath: SiteFixture.repository.appendingPathComponent(name).path, toPath: folder + "/" + name)
    }
    // Without the downloads, which carry every text: with them on, an edited text makes a full build (`withDownloads`).
    try sampleSiteYML(exports: false).write(toFile: folder + "/Content/site.yml", atomically: true, encoding: .utf8)
    return (folder + "/Content", folder + "/Templates", folder + "/Output")
  }

  static func sampleSiteYML(exports: Bool) throws -> String {
    let sample = try String(contentsOf: SiteFixture.repository.appendingPathComponent("Content/site.yml"), encoding: .utf8)
    return sample + (exports ? "" : "exports: false\n")
  }

  static func build(_ site: Site) -> BuildReport { IncrementalBuildTests.build(site) }

  static func edit(_ site: Site, _ file: String, _ change: (String) -> String) throws {
    let path = site.content + "/recommendations/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let changed = change(text)
    #expect(changed != text, "the edit of \(file) changed nothing")
    try changed.write(toFile: path, atomically: false, encoding: .utf8)
  }

  /// The output and the state beside it, as they are now.
  static func snapshot(_ site: Site) -> [String: Data] { SiteFixture.files(in: site.output) }

  static let original = "col/a-hrc-39-6-120-89.md"

  @Test("with the downloads on, nothing changed is still quick, and an edited text makes a full build whose downloads carry it")
  func withDownloads() throws {
    let site = try Self.sampleCopy()
    try Self.sampleSiteYML(exports: true).write(toFile: site.content + "/site.yml", atomically: true, encoding: .utf8)
    #expect(Self.build(site).succeeded)
    let unchanged = Self.build(site)
    #expect(unchanged.succeeded && unchanged.textEdits == 0 && unchanged.filesWritten == 0)
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "UNESCO and UNICEF.", with: "UNESCO, UNICEF and UNFPA.") }
    let edited = Self.build(site)
    #expect(edited.succeeded && edited.textEdits == nil, "a text edit would leave the downloads with the old text")
    let csv = try String(contentsOfFile: site.output + "/downloads/recommendations.csv", encoding: .utf8)
    #expect(csv.contains("UNESCO, UNICEF and UNFPA."))
    IncrementalBuildTests.expectSameAsClean(site)
  }

  @Test("a preview without exports (hrindex serve) publishes an edited text alone though site.yml has them; a build with them then runs whole")
  func previewWithoutExports() throws {
    let site = try Self.sampleCopy()
    try Self.sampleSiteYML(exports: true).write(toFile: site.content + "/site.yml", atomically: true, encoding: .utf8)
    #expect(IncrementalBuildTests.build(site, exports: ExportSettings.none).succeeded)
    #expect(!FileManager.default.fileExists(atPath: site.output + "/downloads"), "the preview wrote the downloads")
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "UNESCO and UNICEF.", with: "UNESCO, UNICEF and UNFPA.") }
    let edited = IncrementalBuildTests.build(site, exports: ExportSettings.none)
    #expect(edited.succeeded && edited.textEdits == 1, "the preview ran whole: \(edited.diagnostics)")
    // As a clean preview writes it.
    let clean = SiteFixture.temporaryFolder("clean-preview") + "/Output"
    #expect(IncrementalBuildTests.build(site, output: clean, exports: ExportSettings.none).succeeded)
    SiteFixture.expectSameFiles(site.output, as: clean, "the edited preview differs from a clean one")
    // The next build as site.yml says (the inputs differ: no text edit) writes the downloads, with the new text.
    let full = Self.build(site)
    #expect(full.succeeded && full.textEdits == nil)
    let csv = try String(contentsOfFile: site.output + "/downloads/recommendations.csv", encoding: .utf8)
    #expect(csv.contains("UNESCO, UNICEF and UNFPA."))
    IncrementalBuildTests.expectSameAsClean(site)
  }

  @Test("an edited text re-renders that recommendation's pages and its country's matrices alone and equals a clean build")
  func textEditEqualsClean() throws {
    let site = try Self.sampleCopy()
    #expect(Self.build(site).succeeded)
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "UNESCO and UNICEF.", with: "UNESCO, UNICEF and UNFPA. A second sentence names a newword.") }
    let edited = Self.build(site)
    #expect(edited.succeeded, "\(edited.diagnostics)")
    #expect(edited.textEdits == 1, "the build ran whole")
    // Its pages and the index files its words are in: shards, key files, pairs, its result
    // chunk, and the head (first 128 records, KeyHead) of each of its terms that holds it, which
    // in this 95-record sample is many of its terms (115 files with a head for every term in
    // 2+ records; fewer since heads need 4+ chunks).
    #expect(edited.filesWritten > 6 && edited.filesWritten < 160, "\(edited.filesWritten) of \(edited.files) files written")
    IncrementalBuildTests.expectSameAsClean(site)
    let page = try String(contentsOfFile: site.output + "/recommendations/a-hrc-39-6-120-89/index.html", encoding: .utf8)
    #expect(page.contains("UNFPA"))
    // A second edit publishes over the first (the standby copy is brought up to date first).
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "newword", with: "other word") }
    let again = Self.build(site)
    #expect(again.succeeded && again.textEdits == 1)
    IncrementalBuildTests.expectSameAsClean(site)
  }

  @Test("a text edit made beside an error in another input publishes nothing and reports the error")
  func textEditBesideAnError() throws {
    let site = try Self.sampleCopy()
    #expect(Self.build(site).succeeded)
    let before = Self.snapshot(site)
    // A free page the build refuses (its name has a space) drops out of the inputs it fingerprints.
    try "# About us\n\nText.\n".write(toFile: site.content + "/pages/About us.md", atomically: false, encoding: .utf8)
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "UNESCO and UNICEF.", with: "UNESCO and UNFPA.") }
    let report = Self.build(site)
    #expect(!report.succeeded && report.textEdits == nil)
    #expect(report.diagnostics.contains { $0.severity == .error && $0.location?.path.hasSuffix("pages/About us.md") == true },
      "\(report.diagnostics)")
    #expect(Self.snapshot(site) == before, "the output changed although the build failed")
  }

  @Test("an edited translation re-renders its recommendation's pages, patches the search index and equals a clean build")
  func translationEdit() throws {
    let site = try Self.sampleCopy()
    #expect(Self.build(site).succeeded)
    try Self.edit(site, "col/a-hrc-39-6-120-89.fr.md") { $0.replacingOccurrences(of: "l’UNICEF.", with: "l’UNICEF et le FNUAP.") }
    let edited = Self.build(site)
    #expect(edited.succeeded && edited.textEdits == 1, "\(edited.diagnostics)")
    // Its six pages, and the search index files the translation's words are in (it is indexed
    // with its recommendation), heads included, as for an edited recommendation text.
    #expect(edited.filesWritten > 6 && edited.filesWritten < 160, "\(edited.filesWritten) files written")
    IncrementalBuildTests.expectSameAsClean(site)
    let page = try String(contentsOfFile: site.output + "/fr/recommendations/a-hrc-39-6-120-89/index.html", encoding: .utf8)
    #expect(page.contains("FNUAP"))
  }

  @Test("a build with nothing changed writes nothing; one without a standby copy makes it first")
  func nothingChanged() throws {
    let site = try Self.sampleCopy()
    #expect(Self.build(site).succeeded)
    let before = Self.snapshot(site)
    let first = Self.build(site)
    #expect(first.succeeded && first.textEdits == 0 && first.filesWritten == 0)
    #expect(FileManager.default.fileExists(atPath: OutputLocation(site.output).standby + "/" + OutputManifest.fileName))
    let second = Self.build(site)
    #expect(second.succeeded && second.textEdits == 0 && second.filesWritten == 0)
    #expect(Self.snapshot(site) == before)
  }

  @Test("a changed title, front matter, new file or theme makes the build run whole, equal to a clean one")
  func otherChangesRunWhole() throws {
    let site = try Self.sampleCopy()
    #expect(Self.build(site).succeeded)
    // The title shows in lists: the first sentence is the default title.
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "Keep strengthening", with: "Go on strengthening") }
    var report = Self.build(site)
    #expect(report.succeeded && report.textEdits == nil)
    IncrementalBuildTests.expectSameAsClean(site)
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "response: supported", with: "response: noted") }
    report = Self.build(site)
    #expect(report.succeeded && report.textEdits == nil)
    IncrementalBuildTests.expectSameAsClean(site)
    let copy = site.content + "/recommendations/col/copy.md"
    try FileManager.default.copyItem(atPath: site.content + "/recommendations/" + Self.original, toPath: copy)
    try Self.edit(site, "col/copy.md") { $0.replacingOccurrences(of: "paragraph: \"120.89\"", with: "paragraph: \"120.90\"") }
    report = Self.build(site)
    #expect(report.succeeded && report.textEdits == nil)
    IncrementalBuildTests.expectSameAsClean(site)
    let layout = site.templates + "/layout.mustache"
    let text = try String(contentsOfFile: layout, encoding: .utf8)
    try text.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer\" data-edited=\"1\">")
      .write(toFile: layout, atomically: true, encoding: .utf8)
    report = Self.build(site)
    #expect(report.succeeded && report.textEdits == nil)
    IncrementalBuildTests.expectSameAsClean(site)
    // And the next text edit after all that is a text edit again.
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "UNESCO", with: "the UNESCO") }
    report = Self.build(site)
    #expect(report.succeeded && report.textEdits == 1)
    IncrementalBuildTests.expectSameAsClean(site)
  }

  @Test("a lost or damaged state, or a standby copy changed by hand, makes the build safe again")
  func damagedStateOrStandby() throws {
    let site = try Self.sampleCopy()
    #expect(Self.build(site).succeeded)
    let statePath = OutputLocation(site.output).state
    try Data(BuildState.header + Array("garbage".utf8)).write(to: URL(fileURLWithPath: statePath))
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "UNESCO", with: "the UNESCO") }
    var report = Self.build(site)
    #expect(report.succeeded && report.textEdits == nil)
    IncrementalBuildTests.expectSameAsClean(site)
    // A file of the standby copy changed by hand: its manifest no longer vouches for it.
    let standby = OutputLocation(site.output).standby
    try RegularFile.create(standby + "/" + OutputManifest.fileName, Array("hrindex output manifest 1\n".utf8))
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "the UNESCO", with: "UNESCO") }
    report = Self.build(site)
    #expect(report.succeeded && report.textEdits == 1)
    IncrementalBuildTests.expectSameAsClean(site)
  }

  @Test("a file rewritten with its old size and modification time is still seen as changed")
  func racyEdit() throws {
    let site = try Self.sampleCopy()
    #expect(Self.build(site).succeeded)
    let path = site.content + "/recommendations/" + Self.original
    let before = try FileManager.default.attributesOfItem(atPath: path)
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "UNESCO", with: "UNESCX") }
    // The same size, and the old modification time put back: only the content tells.
    try FileManager.default.setAttributes([.modificationDate: before[.modificationDate]!], ofItemAtPath: path)
    let report = Self.build(site)
    #expect(report.succeeded)
    IncrementalBuildTests.expectSameAsClean(site)
    let page = try String(contentsOfFile: site.output + "/recommendations/a-hrc-39-6-120-89/index.html", encoding: .utf8)
    #expect(page.contains("UNESCX"))
  }

  @Test("the warnings of files a text edit does not read are reported as a clean build reports them")
  func warningsReplayed() throws {
    let site = try Self.sampleCopy()
    try Self.edit(site, "col/a-hrc-39-6-120-91.md") { $0.replacingOccurrences(of: "language: en\n", with: "language: en\nremarks: x\n") }
    try Data("notes".utf8).write(to: URL(fileURLWithPath: site.content + "/recommendations/col/notes.txt"))
    let clean = Self.build(site)
    #expect(clean.succeeded && clean.diagnostics.warningCount == 2, "\(clean.diagnostics)")
    try Self.edit(site, Self.original) { $0.replacingOccurrences(of: "UNESCO", with: "the UNESCO") }
    let edited = Self.build(site)
    #expect(edited.textEdits == 1)
    #expect(edited.diagnostics.map(\.description) == clean.diagnostics.map(\.description))
  }

  @Test("the state lists every file in a fixed order, and reads back what was written")
  func stateRoundTrip() throws {
    let site = try Self.sampleCopy()
    #expect(Self.build(site).succeeded)
    let state = try #require(BuildState.read(at: OutputLocation(site.output)))
    let again = try #require(BuildState.decode(state.encoded()))
    #expect(again.encoded() == state.encoded())
    let tree = SourceTree.scan(root: site.content, folder: "recommendations", threads: 2)
    #expect(tree.sameEntries(as: state.tree))
    let markdown = (0..<tree.count).map { tree.path($0) }.filter { $0.hasSuffix(".md") }
    let expected = try FileManager.default.subpathsOfDirectory(atPath: site.content + "/recommendations")
      .filter { $0.hasSuffix(".md") }.map { "recommendations/" + $0 }
    #expect(Set(markdown) == Set(expected))
    #expect(state.roles.filter { $0 == BuildState.Role.recommendation.rawValue }.count == state.recommendations)
    let languages = ["en", "fr", "es", "ru", "zh", "ar"]
    let translations = markdown.filter { path in languages.contains { path.hasSuffix(".\($0).md") } }
    #expect(!translations.isEmpty)
    #expect(state.roles.filter { $0 == BuildState.Role.translation.rawValue }.count == translations.count)
  }
}
