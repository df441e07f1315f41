import Foundation
import SiteCore

/// What a file looked like when it was listed: enough to tell, without reading it, that it has
/// not changed since (git's index and make work the same way).
struct FileStamp: Equatable, Sendable {
  var size: Int64 = -1
  var modified: Int64 = 0
  var changed: Int64 = 0
  var inode: UInt64 = 0

  init() {}

  init(_ info: stat) {
    size = Int64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    inode = UInt64(info.st_ino)
  }

  /// The stamp of `path` itself (a link is not followed), or nil when it does not exist.
  static func of(_ path: String) -> FileStamp? {
    var info = stat()
    return lstat(path, &info) == 0 ? FileStamp(info) : nil
  }
}

/// Every visible entry below one folder of the content (hidden names skipped, links not
/// followed), in a fixed walk order: each folder's names sorted by their bytes, a subfolder's
/// entries where its name falls. Paths are kept in one byte array, so that the 270,000 entries
/// of a large site compare against an earlier listing without making a string each.
struct SourceTree: Equatable, Sendable {
  enum Kind: UInt8, Sendable { case file = 0, link = 1 }

  /// Entry k's path, relative to the content root, is `pathBytes[pathEnd[k - 1] ..< pathEnd[k]]`.
  var pathBytes: [UInt8] = []
  var pathEnd: [Int32] = []
  var kinds: [Kind] = []
  var stamps: [FileStamp] = []
  /// Whether the folder itself is a symbolic link (then nothing below it is read).
  var folderIsLink = false

  var count: Int { kinds.count }

  func path(_ k: Int) -> String {
    let start = k == 0 ? 0 : Int(pathEnd[k - 1])
    return String(decoding: pathBytes[start..<Int(pathEnd[k])], as: UTF8.self)
  }

  /// The same entries, in the same order, as another listing (stamps aside).
  func sameEntries(as other: SourceTree) -> Bool {
    folderIsLink == other.folderIsLink && pathEnd == other.pathEnd && kinds == other.kinds && pathBytes == other.pathBytes
  }

  /// Lists `folder` (relative to `root`), its subfolders on every core.
  static func scan(root: String, folder: String, threads: Int) -> SourceTree {
    var tree = SourceTree()
    if isLink(root + "/" + folder) {
      tree.folderIsLink = true
      return tree
    }
    let first = listFolder(root: root, relative: Array(folder.utf8))
    // Each top-level subfolder is walked on its own, then the pieces are joined in order.
    let subfolders = first.filter { $0.kind == nil }.map(\.relative)
    let walked = parallelMap(subfolders, threads: threads, grain: 1) { sub -> SourceTree in
      var piece = SourceTree()
      piece.walk(root: root, relative: sub)
      return piece
    }
    var next = 0
    for entry in first {
      if let kind = entry.kind {
        tree.append(entry.relative, kind, entry.stamp)
      } else {
        tree.append(contentsOf: walked[next])
        next += 1
      }
    }
    return tree
  }

  private static func isLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  private mutating func append(_ relative: [UInt8], _ kind: Kind, _ stamp: FileStamp) {
    pathBytes.append(contentsOf: relative)
    pathEnd.append(Int32(pathBytes.count))
    kinds.append(kind)
    stamps.append(stamp)
  }

  private mutating func append(contentsOf other: SourceTree) {
    let base = Int32(pathBytes.count)
    pathBytes.append(contentsOf: other.pathBytes)
    pathEnd.append(contentsOf: other.pathEnd.map { $0 + base })
    kinds.append(contentsOf: other.kinds)
    stamps.append(contentsOf: other.stamps)
  }

  /// One folder's visible entries sorted by name bytes; `kind` nil marks a subfolder. Each name
  /// is stat-ed as `readdir` hands it over, without a string of its own.
  private static func listFolder(root: String, relative: [UInt8]) -> [(relative: [UInt8], kind: Kind?, stamp: FileStamp)] {
    let path = root + "/" + String(decoding: relative, as: UTF8.self)
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    let fd = dirfd(dir)
    var found: [(name: [UInt8], kind: Kind?, stamp: FileStamp)] = []
    while let entry = readdir(dir) {
      let item: (name: [UInt8], kind: Kind?, stamp: FileStamp)? = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { name in
          guard name[0] != CChar(UInt8(ascii: ".")) else { return nil }
          var info = stat()
          guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
          let kind: Kind??
          switch info.st_mode & S_IFMT {
          case S_IFREG: kind = .some(.file)
          case S_IFLNK: kind = .some(.link)
          case S_IFDIR: kind = .some(nil)
          default: kind = nil
          }
          guard let kind else { return nil }
          let bytes = UnsafeRawBufferPointer(start: name, count: strlen(name))
          return (Array(bytes), kind, kind == nil ? FileStamp() : FileStamp(info))
        }
      }
      if let item { found.append(item) }
    }
    found.sort { $0.name.lexicographicallyPrecedes($1.name) }
    let prefix = relative.isEmpty ? [] : relative + [UInt8(ascii: "/")]
    return found.map { (prefix + $0.name, $0.kind, $0.stamp) }
  }

  private mutating func walk(root: String, relative: [UInt8]) {
    for entry in Self.listFolder(root: root, relative: relative) {
      if let kind = entry.kind { append(entry.relative, kind, entry.stamp) } else { walk(root: root, relative: entry.relative) }
    }
  }
}

extension SourceTree {
  /// The listing as `ContentLoader.list` gives it: the Markdown files sorted, and a warning for
  /// every other file and every link.
  func markdownListing(_ loader: ContentLoader, folder: String) -> (files: [String], entries: [Int], problems: [Diagnostic]) {
    if folderIsLink {
      return ([], [], [.warning(at: SourceLocation(path: loader.display(folder)),
        "symbolic link ignored: content is read only from real files inside \(loader.root)")])
    }
    var found: [(path: String, entry: Int)] = []
    var problems: [Diagnostic] = []
    for k in 0..<count {
      let relative = path(k)
      switch kinds[k] {
      case .file where relative.hasSuffix(".md"): found.append((relative, k))
      case .file: problems.append(.warning(at: SourceLocation(path: loader.display(relative)), "not a .md file, ignored"))
      case .link:
        problems.append(.warning(at: SourceLocation(path: loader.display(relative)),
          "symbolic link ignored: content is read only from real files inside \(loader.root)"))
      }
    }
    found.sort { $0.path < $1.path }
    return (found.map(\.path), found.map(\.entry), problems)
  }
}
