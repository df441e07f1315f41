import Foundation
import Testing

@testable import SiteBuild
@testable import SiteFiles

@Suite("The standby copy is made by the full build, not by the first edit")
struct StandbyRefreshTests {
  /// Every file of `standby` is the output's own file under a second name (same inode), and the
  /// two folders hold the same paths.
  static func expectLinkedCopy(_ location: OutputLocation, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let output = SiteFixture.files(in: location.path)
    let standby = SiteFixture.files(in: location.standby)
    #expect(output.keys.sorted() == standby.keys.sorted(), sourceLocation: sourceLocation)
    for path in output.keys where path != OutputManifest.fileName {
      let a = FileStamp.of(location.path + "/" + path)?.inode
      let b = FileStamp.of(location.standby + "/" + path)?.inode
      #expect(a != nil && a == b, "\(path) is not linked into the standby copy", sourceLocation: sourceLocation)
    }
    #expect(output[OutputManifest.fileName] == standby[OutputManifest.fileName], sourceLocation: sourceLocation)
  }

  @Test("after a clean build and after a full rebuild, the standby copy is the output, linked; the first edit then links nothing")
  func standbyIsReady() throws {
    let site = try TextEditTests.sampleCopy()
    let location = OutputLocation(site.output)
    #expect(TextEditTests.build(site).succeeded)
    Self.expectLinkedCopy(location)
    let state = try #require(BuildState.read(at: location))
    #expect(state.standbyMarker != nil && state.lastWritten.isEmpty && state.lastRemoved.isEmpty)

    // A template change: a full rebuild that rewrites most pages; the copy follows it.
    let layout = site.templates + "/layout.mustache"
    let text = try String(contentsOfFile: layout, encoding: .utf8)
    try text.replacingOccurrences(of: "</main>", with: "</main><!-- rebuilt -->").write(toFile: layout, atomically: true, encoding: .utf8)
    let rebuilt = TextEditTests.build(site)
    #expect(rebuilt.succeeded && rebuilt.textEdits == nil && rebuilt.filesWritten > 100)
    Self.expectLinkedCopy(location)

    // The first edit finds the copy current: it writes only the edited pages and the index.
    try TextEditTests.edit(site, TextEditTests.original) { $0.replacingOccurrences(of: "UNESCO and UNICEF.", with: "UNESCO, UNICEF and UNFPA.") }
    let edited = TextEditTests.build(site)
    #expect(edited.succeeded && edited.textEdits == 1)
    IncrementalBuildTests.expectSameAsClean(site)
  }
}
