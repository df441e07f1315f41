import Foundation

/// Reading and creating single files: the only code that opens files for HRIndex's stages.
public enum RegularFile {
  /// The bytes of a regular file, never through a link (even one swapped in after listing) and
  /// never from a pipe or a device.
  public static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var count = 0
    while true {
      if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
      let n = bytes.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress! + count, $0.count - count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { return nil }
      if n == 0 { break }
      count += n
    }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  /// Writes `bytes` to a new file at `path`, replacing whatever was there. The old file is
  /// unlinked, never truncated: a published site shares unchanged files with its standby copy
  /// as hard links, and writing into one would change both. A clean build's files are new, so
  /// the old one is looked for only when the creation finds it.
  public static func create(_ path: String, _ bytes: [UInt8]) throws(FileError) {
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
    var fd = open(path, flags, 0o644)
    if fd < 0 && errno == EEXIST {
      if unlink(path) != 0 && (errno == EISDIR || errno == EPERM) { try? FileManager.default.removeItem(atPath: path) }
      fd = open(path, flags, 0o644)
    }
    guard fd >= 0 else { throw FileError("cannot create", path) }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { writeBytes(fd, $0.baseAddress! + offset, bytes.count - offset) }
      guard n > 0 else { throw FileError("cannot write", path) }
      offset += n
    }
  }

  private static func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.read(fd, buffer, count)
    #else
      Darwin.read(fd, buffer, count)
    #endif
  }

  private static func writeBytes(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(fd, buffer, count)
    #else
      Darwin.write(fd, buffer, count)
    #endif
  }
}

/// Replaces a file whole or not at all: the bytes go to a hidden temporary file beside it, which
/// is then renamed over the old one, so an interrupted run never leaves half a file. (No fsync:
/// running again repairs a crash.) The build state, the import manifest and imported files use it.
public enum AtomicFile {
  public static func write(_ bytes: [UInt8], to path: String) throws(FileError) {
    let temporary = temporaryPath(for: path)
    do {
      try RegularFile.create(temporary, bytes)
    } catch {
      unlink(temporary)
      throw error
    }
    guard rename(temporary, path) == 0 else {
      let failure = FileError("cannot replace", path)
      unlink(temporary)
      throw failure
    }
  }

  public static func write(_ text: String, to path: String) throws(FileError) { try write(Array(text.utf8), to: path) }

  /// Replaces several files: every temporary file is written first, and only then is each renamed
  /// over its file. A failed write changes no file; a failed rename (rare: the folder changed
  /// meanwhile) leaves the files before it replaced and the rest as they were. No file is ever
  /// half-written.
  public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(FileError) {
    let temporary = files.map { temporaryPath(for: $0.path) }
    for (n, file) in files.enumerated() {
      do throws(FileError) { try RegularFile.create(temporary[n], file.bytes) } catch {
        for t in temporary[...n] { unlink(t) }
        throw error
      }
    }
    for (n, file) in files.enumerated() where rename(temporary[n], file.path) != 0 {
      let failure = FileError("cannot replace", file.path)
      for t in temporary[n...] { unlink(t) }
      throw failure
    }
  }

  /// `.name.partial` beside `name`: hidden, so no listing of the folder ever reads it.
  static func temporaryPath(for path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return ".\(path).partial" }
    return path[...slash] + "." + path[path.index(after: slash)...] + ".partial"
  }
}

/// A file operation that failed: what was tried, on which path, and the system's reason.
public struct FileError: Error, CustomStringConvertible, Sendable {
  public let description: String

  /// Made right after the failing call, so that `errno` is still its.
  public init(_ what: String, _ path: String) {
    description = "\(what) \(path): \(String(cString: strerror(errno)))"
  }
}
