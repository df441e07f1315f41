import Foundation
import SiteCore

/// Reads the files of a site from disk (the only stage besides `SiteWriter` that does I/O).
///
/// It never follows a symbolic link and never reads above the folder it was given, so no file
/// name or link in content can make the build read elsewhere.
struct ContentLoader {
  /// The folder as the user named it; every path in messages starts with it.
  let root: String

  /// The paths of the files below `folder` whose names end in `suffix`, sorted; other files are
  /// reported as warnings, hidden files and folders are skipped.
  func list(_ folder: String, suffix: String, recursive: Bool = true) -> (files: [String], problems: [Diagnostic]) {
    var files: [String] = []
    var problems: [Diagnostic] = []
    walk(folder, recursive: recursive) { path, kind in
      switch kind {
      case .file where path.hasSuffix(suffix): files.append(path)
      case .file:
        problems.append(.warning(at: SourceLocation(path: display(path)), "not a \(suffix) file, ignored"))
      case .link:
        problems.append(.warning(at: SourceLocation(path: display(path)), "symbolic link ignored: content is read only from real files inside \(root)"))
      }
    }
    return (files.sorted(), problems)
  }

  enum Kind { case file, link }

  private func walk(_ folder: String, recursive: Bool, _ visit: (String, Kind) -> Void) {
    if !folder.isEmpty, entry(folder) == .link { return visit(folder, .link) }
    let base = root + "/" + folder
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
    for name in names.sorted() where !name.hasPrefix(".") {
      let relative = folder.isEmpty ? name : folder + "/" + name
      var info = stat()
      guard lstat(base + "/" + name, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFLNK: visit(relative, .link)
      case S_IFDIR: if recursive { walk(relative, recursive: true, visit) }
      case S_IFREG: visit(relative, .file)
      default: continue
      }
    }
  }

  func display(_ relative: String) -> String { root + "/" + relative }

  /// Whether `relative` names a file, or a symbolic link that `read` refuses with a clear error
  /// (rather than the build silently falling back to a default).
  func exists(_ relative: String) -> Bool {
    let found = entry(relative)
    return found == .file || found == .link
  }

  enum Entry { case file, link, other }

  /// What `relative` is, without following links; a link anywhere on the way makes it a link.
  func entry(_ relative: String) -> Entry? {
    var path = root
    for component in relative.split(separator: "/") {
      path += "/" + component
      var info = stat()
      guard lstat(path, &info) == 0 else { return nil }
      if (info.st_mode & S_IFMT) == S_IFLNK { return .link }
    }
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return (info.st_mode & S_IFMT) == S_IFREG ? .file : .other
  }

  /// The file's text; invalid UTF-8 is an error at the line where it starts.
  func read(_ relative: String) -> Result<SourceFile, Diagnostic> {
    let path = display(relative)
    if entry(relative) == .link {
      return .failure(.error(at: SourceLocation(path: path), "symbolic link ignored: content is read only from real files inside \(root)"))
    }
    guard let data = Self.readRegularFile(root + "/" + relative) else {
      return .failure(.error(at: SourceLocation(path: path), "cannot read the file"))
    }
    return Self.decode(data, path: path)
  }

  /// The text of a file `list` found: its path was checked for links then, and the file itself
  /// is opened without following one.
  func readListed(_ relative: String) -> Result<SourceFile, Diagnostic> {
    let path = display(relative)
    guard let data = Self.readRegularFile(root + "/" + relative) else { return read(relative) }
    return Self.decode(data, path: path)
  }

  /// The bytes of a regular file, never through a link (even one swapped in after listing) and
  /// never from a pipe or a device.
  static func readRegularFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var count = 0
    while true {
      if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
      let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { return nil }
      if n == 0 { break }
      count += n
    }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  static func decode(_ data: [UInt8], path: String) -> Result<SourceFile, Diagnostic> {
    if let text = String(validating: data, as: UTF8.self) {
      if data.containsByte(0) {
        let line = data.prefix { $0 != 0 }.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return .failure(.error(at: SourceLocation(path: path, line: line), "the file contains a NUL byte: is it a text file?"))
      }
      return .success(SourceFile(path: path, text: text))
    }
    let bytes = data
    var line = 1
    var i = 0
    var lastGood = 0
    while i < bytes.count {
      let length = utf8Length(bytes, i)
      if length == 0 { break }
      if bytes[i] == 0x0A { line += 1 }
      i += length
      lastGood = i
    }
    return .failure(.error(at: SourceLocation(path: path, line: line),
      "the file is not valid UTF-8 (byte \(lastGood + 1))", notes: ["save it as UTF-8; HRIndex reads no other encoding"]))
  }

  /// The length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid.
  private static func utf8Length(_ b: [UInt8], _ i: Int) -> Int {
    let lead = b[i]
    let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xF0 && lead < 0xF5 ? 4 : 0
    guard length > 0, i + length <= b.count else { return 0 }
    let chunk = b[i..<(i + length)]
    return String(validating: chunk, as: UTF8.self) == nil ? 0 : length
  }
}
