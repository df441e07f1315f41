import Foundation
import SiteCore

/// Reads the files of one folder of a site — the content, the templates or the public folder —
/// and names them in messages as the user named the folder (`root`).
///
/// It never follows a symbolic link and never reads above the folder it was given, so no file
/// name or link in content can make the build read elsewhere.
public struct ContentLoader: Sendable {
  /// The folder as the user named it; every path in messages starts with it.
  public let root: String

  public init(root: String) { self.root = root }

  /// The paths of the files below `folder` whose names end in `suffix`, sorted; other files are
  /// reported as warnings, hidden files and folders are skipped.
  public func list(_ folder: String, suffix: String, recursive: Bool = true) -> (files: [String], problems: [Diagnostic]) {
    let tree = SourceTree.scan(root: root, folder: folder, threads: 1, recursive: recursive)
    let listing = tree.listing(self, folder: folder, suffix: suffix)
    return (listing.files, listing.problems)
  }

  public func display(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

  /// The warning for a link met while listing or reading: content is read from real files only.
  public func linkIgnored(_ relative: String, as severity: Diagnostic.Severity = .warning) -> Diagnostic {
    Diagnostic(severity, at: SourceLocation(path: display(relative)),
      "symbolic link ignored: content is read only from real files inside \(root)")
  }

  /// Whether `relative` names a file, or a symbolic link that `read` refuses with a clear error
  /// (rather than the build silently falling back to a default).
  public func exists(_ relative: String) -> Bool {
    let found = entry(relative)
    return found == .file || found == .link
  }

  public enum Entry { case file, link, other }

  /// What `relative` is, without following links; a link anywhere on the way makes it a link.
  public func entry(_ relative: String) -> Entry? {
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
  public func read(_ relative: String) -> Result<SourceFile, Diagnostic> {
    let path = display(relative)
    if entry(relative) == .link {
      return .failure(linkIgnored(relative, as: .error))
    }
    guard let data = RegularFile.read(root + "/" + relative) else {
      return .failure(.error(at: SourceLocation(path: path), "cannot read the file"))
    }
    return Self.decode(data, path: path)
  }

  /// The text of a file `list` found: its path was checked for links then, and the file itself
  /// is opened without following one.
  public func readListed(_ relative: String) -> Result<SourceFile, Diagnostic> {
    let path = display(relative)
    guard let data = RegularFile.read(root + "/" + relative) else { return read(relative) }
    return Self.decode(data, path: path)
  }

  public static func decode(_ data: [UInt8], path: String) -> Result<SourceFile, Diagnostic> {
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
