import Foundation

/// What a file looked like when it was listed: enough to tell, without reading it, that it has
/// not changed since (git's index and make work the same way).
public struct FileStamp: Equatable, Sendable {
  public var size: Int64 = -1
  public var modified: Int64 = 0
  public var changed: Int64 = 0
  public var inode: UInt64 = 0

  public init() {}

  public init(_ info: stat) {
    size = Int64(info.st_size)
    #if canImport(Glibc)
      modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
      changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    #else
      modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
      changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
    #endif
    inode = UInt64(info.st_ino)
  }

  /// The stamp of `path` itself (a link is not followed), or nil when it does not exist.
  public static func of(_ path: String) -> FileStamp? {
    var info = stat()
    return lstat(path, &info) == 0 ? FileStamp(info) : nil
  }

  /// The wall clock in nanoseconds, the clock file times are kept in.
  public static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }
}
