import Foundation
import Testing

import SiteFiles
@testable import SiteImport

@Suite("Writing imported files")
struct ContentWriterTests {
  @Test("importing the same input twice writes byte-identical files and reports every one unchanged")
  func idempotent() throws {
    func files(_ folder: String) -> [String: String] { ImportFixture.files(in: folder).filter { $0.key != "import-report.txt" } }
    let content = ImportFixture.temporaryFolder("twice") + "/Content"
    let first = try ImportFixture.importUPRInfo(into: content)
    let before = files(content)
    let second = try ImportFixture.importUPRInfo(into: content)
    #expect(files(content) == before)
    #expect(first.written == 6 && first.unchanged == 0)
    #expect(second.written == 0 && second.updated == 0 && second.unchanged == 6 && second.keptEdited.isEmpty)
    let uhri = ImportFixture.temporaryFolder("twice-uhri") + "/Content"
    _ = try ImportFixture.importUHRI(into: uhri)
    let uhriBefore = files(uhri)
    let again = try ImportFixture.importUHRI(into: uhri)
    #expect(files(uhri) == uhriBefore)
    #expect(again.unchanged == 6 && again.written == 0)
  }

  @Test("the manifest lists the SHA-256 of every file written, sorted by path, in sha256sum's format")
  func manifest() throws {
    let content = ImportFixture.temporaryFolder("manifest") + "/Content"
    _ = try ImportFixture.importUPRInfo(into: content)
    let manifest = try ImportManifest.load(from: content, source: "upr-info")
    #expect(manifest.files.count == 6)
    let path = "recommendations/afg/upr-info-s5-afg-1.md"
    let bytes = Array(try #require(FileManager.default.contents(atPath: content + "/" + path)))
    #expect(manifest.files[path]?.digest == Digest(of: bytes))
    let text = try #require(ImportFixture.read(content + "/.hrindex-import/upr-info.sha256"))
    #expect(text.hasPrefix(SHA256.hex(bytes) + "  " + path + "\n"))
    #expect(text.split(separator: "\n").count == 6)
    #expect(Digest(hex: SHA256.hex(bytes))?.hex == SHA256.hex(bytes))
  }

  @Test("a file edited by hand is kept and reported, and replaced only with overwrite")
  func handEdited() throws {
    let content = ImportFixture.temporaryFolder("edited") + "/Content"
    _ = try ImportFixture.importUPRInfo(into: content)
    let path = content + "/recommendations/afg/upr-info-s5-afg-1.md"
    let original = try #require(ImportFixture.read(path))
    let edited = original.replacingOccurrences(of: "response: supported", with: "response: supported\nfollow_up: {status: implemented}")
    try edited.write(toFile: path, atomically: true, encoding: .utf8)
    let second = try ImportFixture.importUPRInfo(into: content)
    #expect(second.keptEdited == ["recommendations/afg/upr-info-s5-afg-1.md"])
    #expect(second.unchanged == 5)
    #expect(ImportFixture.read(path) == edited)
    #expect(ImportFixture.read(content + "/import-report.txt")?.contains("kept hand-edited file recommendations/afg/upr-info-s5-afg-1.md") == true)
    let third = try ImportFixture.importUPRInfo(into: content)
    #expect(third.keptEdited.count == 1, "still edited: the manifest keeps what the importer wrote")
    let forced = try ImportFixture.importUPRInfo(into: content, overwrite: true)
    #expect(forced.updated == 1 && forced.keptEdited.isEmpty)
    #expect(ImportFixture.read(path) == original)
  }

  @Test("a file the importer did not write is never replaced without overwrite")
  func foreignFile() throws {
    let content = ImportFixture.temporaryFolder("foreign") + "/Content"
    let path = content + "/recommendations/afg/upr-info-s5-afg-1.md"
    try FileManager.default.createDirectory(atPath: content + "/recommendations/afg", withIntermediateDirectories: true)
    try "hand-written\n".write(toFile: path, atomically: true, encoding: .utf8)
    try "title: Mine\n".write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
    let report = try ImportFixture.importUPRInfo(into: content)
    #expect(report.keptEdited == ["recommendations/afg/upr-info-s5-afg-1.md"])
    #expect(ImportFixture.read(path) == "hand-written\n")
    #expect(ImportFixture.read(content + "/site.yml") == "title: Mine\n")
    #expect(!report.createdSiteSettings)
  }

  @Test("a file the importer wrote and nobody edited is updated when the input changes")
  func updated() throws {
    let content = ImportFixture.temporaryFolder("update") + "/Content"
    _ = try ImportFixture.importUPRInfo(into: content)
    let input = ImportFixture.temporaryFolder("changed-input") + "/export.csv"
    var bytes = try #require(FileManager.default.contents(atPath: ImportFixture.uprInfoCSV))
    let old = Data("Abolish the death penalty.".utf8)
    let range = try #require(bytes.range(of: old))
    bytes.replaceSubrange(range, with: Data("Abolish the death penalty now.".utf8))
    try bytes.write(to: URL(fileURLWithPath: input))
    let report = try ImportFixture.importUPRInfo(into: content, input: input)
    #expect(report.updated == 1 && report.unchanged == 5)
    #expect(report.keptEdited.isEmpty)
    #expect(ImportFixture.read(content + "/recommendations/lca/upr-info-s20-lca-1.md")?.contains("Abolish the death penalty now.") == true)
  }

  @Test("files of an earlier import that the input no longer makes are listed, and deleted only with prune")
  func stale() throws {
    let content = ImportFixture.temporaryFolder("stale") + "/Content"
    _ = try ImportFixture.importUPRInfo(into: content)
    let input = ImportFixture.temporaryFolder("smaller") + "/export.csv"
    try Data("To,Text,From,Response,Issue,Session\rEcuador,Protect rivers.,Peru,Accepted,Environment,13\r".utf8)
      .write(to: URL(fileURLWithPath: input))
    let listed = try ImportFixture.importUPRInfo(into: content, input: input)
    #expect(listed.stale.count == 6 && listed.pruned == 0)
    #expect(FileManager.default.fileExists(atPath: content + "/recommendations/afg/upr-info-s5-afg-1.md"))
    let pruned = try ImportFixture.importUPRInfo(into: content, prune: true, input: input)
    #expect(pruned.pruned == 6)
    #expect(!FileManager.default.fileExists(atPath: content + "/recommendations/afg/upr-info-s5-afg-1.md"))
    #expect(try ImportManifest.load(from: content, source: "upr-info").files.count == 1)
  }

  @Test("AtomicFile.writeAll replaces every file; when one cannot be written, none is changed and no temporary is left")
  func writeAll() throws {
    let folder = ImportFixture.temporaryFolder("write-all")
    let (a, b) = (folder + "/a.md", folder + "/b.md")
    try AtomicFile.writeAll([(a, Array("new a".utf8)), (b, Array("new b".utf8))])
    #expect(ImportFixture.read(a) == "new a" && ImportFixture.read(b) == "new b")
    #expect(throws: FileError.self) {
      try AtomicFile.writeAll([(a, Array("newer a".utf8)), (folder + "/missing/c.md", Array("c".utf8))])
    }
    #expect(ImportFixture.read(a) == "new a")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.md", "b.md"])
  }
}
