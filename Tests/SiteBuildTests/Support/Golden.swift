import Foundation
import Testing

/// Compares text with a file under `Tests/SiteBuildTests/Golden/`. With `RECORD_GOLDEN=1` the
/// file is written instead and the test fails, so a recording is never mistaken for a pass.
enum Golden {
  static let folder = SiteFixture.testsFolder.appendingPathComponent("Golden")
  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

  static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    if recording {
      try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try! actual.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("recorded \(name); run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("no golden file \(name): run with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      Issue.record("\(name) differs from the golden file:\n\(lineDiff(expected, actual))", sourceLocation: sourceLocation)
    }
  }

  /// The first differing lines with their numbers, enough to see what changed.
  static func lineDiff(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(a.count, b.count) where out.count < 12 {
      let l = i < a.count ? String(a[i]) : "<none>"
      let r = i < b.count ? String(b[i]) : "<none>"
      if l != r { out.append("line \(i + 1):\n  - \(l)\n  + \(r)") }
    }
    return out.joined(separator: "\n")
  }
}
