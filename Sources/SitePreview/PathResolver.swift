#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// What a request path names inside the served folder.
public enum PathResolution: Equatable, Sendable {
  /// A regular file inside the root, by its resolved absolute path.
  case file(String)
  /// A folder asked for without its trailing `/`: the same path with it, so relative links work.
  case redirect(String)
  case notFound
  /// Malformed, or pointing outside the root: `..` segments, NUL, a symbolic link that leaves it.
  case forbidden
}

/// Maps request targets to files of one folder and never to anything outside it.
///
/// The path is percent-decoded once; a `..` or `.` segment, a NUL or other control character, or a
/// malformed escape refuses the request, hidden names (`.hrindex-output`) are not found, and the
/// file finally chosen is resolved with `realpath` and must lie inside the resolved root, so a
/// symbolic link cannot lead out either.
public struct PathResolver: Sendable {
  public let root: String

  public init(root: String) { self.root = root }

  public func resolve(_ target: String) -> PathResolution {
    let path = String(target.prefix { $0 != "?" && $0 != "#" })
    guard path.hasPrefix("/"), let decoded = Self.percentDecoded(path) else { return .forbidden }
    guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return .forbidden }
    var segments: [Substring] = []
    for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
      if segment == ".." || segment == "." { return .forbidden }
      if segment.hasPrefix(".") { return .notFound }
      segments.append(segment)
    }
    guard let realRoot = Self.realPath(root) else { return .notFound }
    let candidate = ([realRoot] + segments.map(String.init)).joined(separator: "/")
    guard let resolved = Self.realPath(candidate) else { return .notFound }
    guard Self.isInside(resolved, realRoot) else { return .forbidden }
    switch Self.kind(resolved) {
    case .folder:
      guard decoded.hasSuffix("/") else { return .redirect(path + "/" + String(target.dropFirst(path.count))) }
      guard let index = Self.realPath(resolved + "/index.html") else { return .notFound }
      guard Self.isInside(index, realRoot) else { return .forbidden }
      return Self.kind(index) == .file ? .file(index) : .notFound
    case .file:
      return .file(resolved)
    case .other:
      return .forbidden
    }
  }

  // MARK: - Helpers

  static func isInside(_ path: String, _ root: String) -> Bool {
    path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
  }

  /// `%XX` escapes decoded to bytes, which must then be UTF-8; nil for a malformed escape.
  static func percentDecoded(_ text: String) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  enum Kind { case file, folder, other }

  static func kind(_ path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .other }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    default: return .other
    }
  }
}
