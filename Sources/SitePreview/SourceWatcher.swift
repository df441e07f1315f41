import Foundation
import SiteFiles

/// Notices changes in the folders a site is built from by comparing the name, size and
/// modification time of every file in them, listed as a build lists them (`SourceTree`) (no extra dependency, no OS-specific API).
public struct SourceWatcher: Sendable {
  public let folders: [String]

  public init(folders: [String]) { self.folders = folders }

  /// A value that changes when a file below the folders is added, removed, resized or modified.
  /// Hidden names (editor swap files, `.git`) are left out, as builds leave them out.
  public func fingerprint() -> Int {
    var hasher = Hasher()
    for folder in folders {
      hasher.combine(folder)
      Self.walk(folder, into: &hasher)
    }
    return hasher.finalize()
  }

  private static func walk(_ folder: String, into hasher: inout Hasher) {
    let tree = SourceTree.scan(root: folder, folder: "", threads: 1)
    hasher.combine(tree.pathBytes)
    hasher.combine(tree.pathEnd)
    for stamp in tree.stamps {
      hasher.combine(stamp.size)
      hasher.combine(stamp.modified)
    }
  }
}
