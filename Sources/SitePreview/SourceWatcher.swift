import Foundation

/// Notices changes in the folders a site is built from by comparing the name, size and
/// modification time of every file in them (no extra dependency, no OS-specific API).
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
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = folder + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      hasher.combine(name)
      hasher.combine(Int(info.st_size))
      #if canImport(Glibc)
        hasher.combine(info.st_mtim.tv_sec)
        hasher.combine(info.st_mtim.tv_nsec)
      #else
        hasher.combine(info.st_mtimespec.tv_sec)
        hasher.combine(info.st_mtimespec.tv_nsec)
      #endif
      if (info.st_mode & S_IFMT) == S_IFDIR { walk(path, into: &hasher) }
    }
  }
}
