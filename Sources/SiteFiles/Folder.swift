import Foundation

/// The one way HRIndex lists a folder: `readdir`, each name stat-ed without following links,
/// hidden names (`.x`) and anything but files, links and folders left out, sorted by bytes.
///
/// `SourceTree` walks the content with it, `StandbyCopy` clones the output with it, and the
/// preview's watcher fingerprints the folders a build reads through `SourceTree`.
public enum Folder {
  public enum Kind: UInt8, Sendable { case file = 0, link = 1, folder = 2 }

  public struct Entry: Sendable {
    /// The name's bytes (no slash).
    public var name: [UInt8]
    public var kind: Kind
    public var stamp: FileStamp
    public var nameString: String { String(decoding: name, as: UTF8.self) }
  }

  /// The visible entries of the folder at `path`, sorted by name bytes unless `sorted` is false
  /// (a copy that visits every entry need not pay for the order); empty when it cannot be read.
  public static func entries(_ path: String, includeHidden: Bool = false, sorted: Bool = true) -> [Entry] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    let fd = dirfd(dir)
    var found: [Entry] = []
    while let entry = readdir(dir) {
      let item = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { name in
          Self.entry(name, in: fd, includeHidden: includeHidden)
        }
      }
      if let item { found.append(item) }
    }
    if sorted { found.sort { $0.name.lexicographicallyPrecedes($1.name) } }
    return found
  }

  private static func entry(_ name: UnsafePointer<CChar>, in fd: Int32, includeHidden: Bool) -> Entry? {
    let bytes = UnsafeRawBufferPointer(start: name, count: strlen(name))
    guard let first = bytes.first, first != UInt8(ascii: ".") || includeHidden && !isDotOrDotDot(bytes) else { return nil }
    var info = stat()
    guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
    let kind: Kind
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .file
    case S_IFLNK: kind = .link
    case S_IFDIR: kind = .folder
    default: return nil
    }
    return Entry(name: Array(bytes), kind: kind, stamp: kind == .folder ? FileStamp() : FileStamp(info))
  }

  private static func isDotOrDotDot(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.allSatisfy { $0 == UInt8(ascii: ".") } && bytes.count <= 2
  }

  /// Whether anything is at `path` (a link is not followed; a pipe or socket counts).
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// What `path` itself is (a link is not followed), or nil when nothing is there or it is
  /// something else (a pipe, a socket, a device).
  public static func kind(of path: String) -> Kind? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFLNK: return .link
    case S_IFDIR: return .folder
    default: return nil
    }
  }
}
