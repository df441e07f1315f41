import Foundation
import SiteCore
import SiteFiles

/// Where a build writes, worked out once: the output folder and the files HRIndex keeps beside
/// it — `.Output.standby` (the copy the next build is written into), `.Output.lock` (one build at a
/// time) and `.Output.state` (what the next build needs to rebuild an edit alone).
public struct OutputLocation: Sendable, Equatable {
  /// The folder as the user named it, for messages.
  public let given: String
  /// The folder's absolute, normalised path.
  public let path: String
  public let standby: String
  public let lock: String
  public let state: String
  /// Where large files are written before the publisher moves them into the standby copy.
  let scratch: String
  /// Where builds before this layout staged their output; removed when found.
  let oldStaging: String

  public init(_ given: String) {
    self.given = given
    let url = URL(fileURLWithPath: given).standardizedFileURL
    path = url.path
    let parent = url.deletingLastPathComponent()
    func beside(_ suffix: String) -> String { parent.appendingPathComponent(".\(url.lastPathComponent).\(suffix)").path }
    standby = beside("standby")
    lock = beside("lock")
    state = beside("state")
    scratch = beside("scratch")
    oldStaging = beside("staging")
  }

  /// The folder holding the output and the files beside it.
  var parent: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

  /// The manifest of the published output, and of the standby copy.
  var manifest: String { path + "/" + OutputManifest.fileName }
  var standbyManifest: String { standby + "/" + OutputManifest.fileName }

  /// Refuses an output that would put the lock and standby copy inside it (`/`) or whose
  /// replacement would take an input folder with it; checked before anything is written.
  func checkPlace(inputs: [String]) throws(DiagnosticError) {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard target != "/" else {
      throw DiagnosticError([.error(at: nil, "the output cannot be the root folder /",
        notes: ["a build replaces its output folder whole; choose a folder of its own, such as Output"])])
    }
    for input in inputs {
      let folder = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
      guard folder == target || folder.hasPrefix(target + "/") else { continue }
      throw DiagnosticError([.error(at: nil, "the output \(given) holds the input folder \(input)",
        notes: ["a build replaces its output folder whole; choose an --output outside the content, templates and public folders"])])
    }
  }

  /// An existing output folder must be empty or carry the manifest of an earlier build.
  func checkReplaceable() throws(DiagnosticError) {
    guard Folder.exists(path) else { return }
    guard Folder.kind(of: path) == .folder else {
      throw DiagnosticError([.error(at: nil, "the output \(path) exists and is not a folder")])
    }
    let names = Folder.entries(path, includeHidden: true).map(\.nameString)
    if names.isEmpty || names.contains(OutputManifest.fileName) { return }
    throw DiagnosticError([.error(at: nil, "the output folder \(path) was not written by hrindex and is not empty",
      notes: ["choose another --output, or empty that folder; a build replaces its output folder whole"])])
  }
}

/// Keeps two builds from writing the same output at once: an exclusive lock on a file beside it.
struct OutputLock {
  private let fd: Int32

  init(_ location: OutputLocation) throws(DiagnosticError) {
    try? FileManager.default.createDirectory(atPath: location.parent, withIntermediateDirectories: true)
    fd = open(location.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw DiagnosticError([.error(at: nil, "cannot create the build lock \(location.lock): \(String(cString: strerror(errno)))")])
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      throw DiagnosticError([.error(at: nil, "another build is writing \(location.given) right now",
        notes: ["wait for it to finish (lock file \(location.lock))"])])
    }
  }

  func release() {
    flock(fd, LOCK_UN)
    close(fd)
  }
}
