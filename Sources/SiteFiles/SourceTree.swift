import Foundation
import SiteCore

/// Every visible entry below one folder of the content (hidden names skipped, links not
/// followed), in a fixed walk order: each folder's names sorted by their bytes, a subfolder's
/// entries where its name falls. Paths are kept in one byte array, so that the 270,000 entries
/// of a large site compare against an earlier listing without making a string each.
public struct SourceTree: Equatable, Sendable {
  public enum Kind: UInt8, Sendable { case file = 0, link = 1 }

  /// Entry k's path, relative to the content root, is `pathBytes[pathEnd[k - 1] ..< pathEnd[k]]`.
  public var pathBytes: [UInt8] = []
  public var pathEnd: [Int32] = []
  public var kinds: [Kind] = []
  public var stamps: [FileStamp] = []
  /// Whether the folder itself is a symbolic link (then nothing below it is read).
  public var folderIsLink = false

  public init() {}

  public var count: Int { kinds.count }

  public func path(_ k: Int) -> String {
    let start = k == 0 ? 0 : Int(pathEnd[k - 1])
    return String(decoding: pathBytes[start..<Int(pathEnd[k])], as: UTF8.self)
  }

  /// The same entries, in the same order, as another listing (stamps aside).
  public func sameEntries(as other: SourceTree) -> Bool {
    folderIsLink == other.folderIsLink && pathEnd == other.pathEnd && kinds == other.kinds && pathBytes == other.pathBytes
  }

  /// Lists `folder` (relative to `root`; "" for the root itself), its subfolders on `threads`
  /// threads; with `recursive` false, only the folder's own files and links.
  public static func scan(root: String, folder: String, threads: Int, recursive: Bool = true) -> SourceTree {
    var tree = SourceTree()
    if !folder.isEmpty, Folder.kind(of: root + "/" + folder) == .link {
      tree.folderIsLink = true
      return tree
    }
    let first = listFolder(root: root, relative: Array(folder.utf8))
    // Each top-level subfolder is walked on its own, then the pieces are joined in order.
    let subfolders = recursive ? first.filter { $0.kind == nil }.map(\.relative) : []
    let walked = parallelMap(subfolders, threads: threads, grain: 1) { sub -> SourceTree in
      var piece = SourceTree()
      piece.walk(root: root, relative: sub)
      return piece
    }
    var next = 0
    for entry in first {
      if let kind = entry.kind {
        tree.append(entry.relative, kind, entry.stamp)
      } else if recursive {
        tree.append(contentsOf: walked[next])
        next += 1
      }
    }
    return tree
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

  /// One folder's visible entries sorted by name bytes; `kind` nil marks a subfolder.
  private static func listFolder(root: String, relative: [UInt8]) -> [(relative: [UInt8], kind: Kind?, stamp: FileStamp)] {
    let path = relative.isEmpty ? root : root + "/" + String(decoding: relative, as: UTF8.self)
    let prefix = relative.isEmpty ? [] : relative + [UInt8(ascii: "/")]
    return Folder.entries(path).map { entry in
      let kind: Kind? = entry.kind == .folder ? nil : entry.kind == .link ? .link : .file
      return (prefix + entry.name, kind, entry.stamp)
    }
  }

  private mutating func walk(root: String, relative: [UInt8]) {
    for entry in Self.listFolder(root: root, relative: relative) {
      if let kind = entry.kind { append(entry.relative, kind, entry.stamp) } else { walk(root: root, relative: entry.relative) }
    }
  }
}

extension SourceTree {
  /// The files whose names end in `suffix`, sorted as strings, with their entries; a warning for
  /// every other file and every link.
  public func listing(_ loader: ContentLoader, folder: String, suffix: String) -> (files: [String], entries: [Int], problems: [Diagnostic]) {
    if folderIsLink { return ([], [], [loader.linkIgnored(folder)]) }
    var found: [(path: String, entry: Int)] = []
    var problems: [Diagnostic] = []
    for k in 0..<count {
      let relative = path(k)
      switch kinds[k] {
      case .file where relative.hasSuffix(suffix): found.append((relative, k))
      case .file: problems.append(.warning(at: SourceLocation(path: loader.display(relative)), "not a \(suffix) file, ignored"))
      case .link: problems.append(loader.linkIgnored(relative))
      }
    }
    found.sort { $0.path < $1.path }
    return (found.map(\.path), found.map(\.entry), problems)
  }
}
