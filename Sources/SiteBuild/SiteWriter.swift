import CSystem
import Foundation
import SiteCore

/// Writes a build into a standby copy of the site beside the output, then swaps the two folders
/// with one atomic exchange: a failed or killed build never touches the output.
///
/// The standby copy is the output of the build before last, with a manifest of every file's hash
/// (`.hrindex-output`, which also marks the folder as HRIndex's). A build compares each file it
/// produces with that manifest and writes only the files that differ, then deletes the files it no
/// longer produces; so the result is the same as a clean build's, byte for byte, while an edit
/// rewrites only the pages it changed. Without a usable standby copy the build writes every file.
final class SiteWriter: @unchecked Sendable {
  let output: String
  let standby: String
  private let lock = ShortLock()
  private var createdFolders: Set<String> = []
  /// Hashes of the files the standby copy holds, from its manifest (empty for a clean build).
  private let previous: [String: UInt64]
  /// Hashes of the files this build produced.
  private var produced: [String: UInt64] = [:]
  private(set) var fileCount = 0
  private(set) var writtenCount = 0
  /// What this build changed in the standby copy: files written and files deleted.
  private(set) var written: [String] = []
  private(set) var removed: [String] = []
  let isIncremental: Bool

  /// Marks a folder as HRIndex's output and lists its files with their hashes.
  static let marker = ".hrindex-output"
  static let manifestHeader = "hrindex output manifest 1"

  init(output: String) throws(DiagnosticError) {
    let url = URL(fileURLWithPath: output).standardizedFileURL
    self.output = url.path
    self.standby = Self.standbyPath(of: output)
    try? FileManager.default.removeItem(atPath: standby.replacingOccurrences(of: ".standby", with: ".staging"))
    var isDirectory: ObjCBool = false
    let outputExists = FileManager.default.fileExists(atPath: self.output, isDirectory: &isDirectory)
    let manifest = outputExists ? Self.readManifest(standby + "/" + Self.marker) : nil
    isIncremental = manifest != nil
    previous = manifest ?? [:]
    try checkReplaceable()
    if isIncremental {
      // Until the new manifest is written at the end, the standby copy is not trusted.
      unlink(standby + "/" + Self.marker)
    } else {
      try? FileManager.default.removeItem(atPath: standby)
      guard mkdir(standby, 0o755) == 0 else { throw failure("cannot create", standby) }
    }
    createdFolders.insert("")
  }

  /// The standby copy beside `output`: `.Output.standby` for `Output`.
  static func standbyPath(of output: String) -> String {
    let url = URL(fileURLWithPath: output).standardizedFileURL
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).standby").path
  }

  /// Refuses an output that would put the lock and staging folder inside it (`/`) or whose
  /// replacement would take an input folder with it; checked before anything is written.
  static func checkPlace(_ output: String, inputs: [String]) throws(DiagnosticError) {
    let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
    guard target != "/" else {
      throw DiagnosticError([.error(at: nil, "the output cannot be the root folder /",
        notes: ["a build replaces its output folder whole; choose a folder of its own, such as Output"])])
    }
    for input in inputs {
      let folder = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
      guard folder == target || folder.hasPrefix(target + "/") else { continue }
      throw DiagnosticError([.error(at: nil, "the output \(output) holds the input folder \(input)",
        notes: ["a build replaces its output folder whole; choose an --output outside the content, templates and public folders"])])
    }
  }

  /// An existing output folder must be empty or carry the marker of an earlier build.
  private func checkReplaceable() throws(DiagnosticError) {
    var info = stat()
    guard lstat(output, &info) == 0 else { return }
    guard (info.st_mode & S_IFMT) == S_IFDIR else {
      throw DiagnosticError([.error(at: nil, "the output \(output) exists and is not a folder")])
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
    if names.isEmpty || names.contains(Self.marker) { return }
    throw DiagnosticError([.error(at: nil, "the output folder \(output) was not written by hrindex and is not empty",
      notes: ["choose another --output, or empty that folder; a build replaces its output folder whole"])])
  }

  /// Records `bytes` as the file `relative` of the new site, writing it only when the standby
  /// copy does not already hold exactly these bytes.
  func write(_ relative: String, _ bytes: [UInt8]) throws(DiagnosticError) {
    precondition(Self.staysInside(relative), "output path escapes: \(relative)")
    let hash = ContentHash.of(bytes)
    let unchanged = lock.withLock { () -> Bool in
      produced[relative] = hash
      fileCount += 1
      return previous[relative] == hash
    }
    if unchanged { return }
    if let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) { try makeFolder(String(relative[..<slash])) }
    try Self.createFile(standby + "/" + relative, bytes)
    lock.withLock {
      writtenCount += 1
      written.append(relative)
    }
  }

  /// A relative path with no `..` part: it cannot leave the folder it is taken from.
  static func staysInside(_ relative: String) -> Bool {
    let bytes = relative.utf8
    guard bytes.first != UInt8(ascii: "/") else { return false }
    var partLength = 0
    var dots = 0
    for byte in bytes {
      if byte == UInt8(ascii: "/") {
        if partLength == 2 && dots == 2 { return false }
        partLength = 0
        dots = 0
      } else {
        partLength += 1
        if byte == UInt8(ascii: ".") { dots += 1 }
      }
    }
    return !(partLength == 2 && dots == 2)
  }

  func write(_ relative: String, _ text: String) throws(DiagnosticError) { try write(relative, Array(text.utf8)) }

  /// Writes `bytes` to a new file at `path`, replacing whatever was there. The old file is
  /// unlinked, never truncated: the standby copy shares unchanged files with the output as hard
  /// links, and writing into one would change the output too.
  /// A clean build's files are new, so the old one is looked for only when the creation finds it.
  static func createFile(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
    var fd = open(path, flags, 0o644)
    if fd < 0 && errno == EEXIST {
      if unlink(path) != 0 && (errno == EISDIR || errno == EPERM) { try? FileManager.default.removeItem(atPath: path) }
      fd = open(path, flags, 0o644)
    }
    guard fd >= 0 else { throw failure("cannot create", path) }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
      guard n > 0 else { throw failure("cannot write", path) }
      offset += n
    }
  }

  /// Creates `folder` and any missing parents inside the standby copy, each once.
  private func makeFolder(_ folder: String) throws(DiagnosticError) {
    if folder.isEmpty || lock.withLock({ createdFolders.contains(folder) }) { return }
    if let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) { try makeFolder(String(folder[..<slash])) }
    try Self.ensureFolder(standby + "/" + folder)
    lock.withLock { _ = createdFolders.insert(folder) }
  }

  /// Creates the folder `path` (its parent exists), replacing a file or link in its place.
  static func ensureFolder(_ path: String) throws(DiagnosticError) {
    if mkdir(path, 0o755) != 0 {
      guard errno == EEXIST else { throw failure("cannot create folder", path) }
      var info = stat()
      if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
        unlink(path)
        guard mkdir(path, 0o755) == 0 else { throw failure("cannot create folder", path) }
      }
    }
  }

  static func failure(_ what: String, _ path: String) -> DiagnosticError {
    DiagnosticError([.error(at: nil, "\(what) \(path): \(String(cString: strerror(errno)))")])
  }

  private func failure(_ what: String, _ path: String) -> DiagnosticError { Self.failure(what, path) }

  /// Deletes what the site no longer has, writes the manifest, and swaps the standby copy with
  /// the output in one step; the old output stays beside it as the next build's standby copy.
  func commit() throws(DiagnosticError) {
    removeStaleFiles()
    try Self.createFile(standby + "/" + Self.marker, Array(Self.manifest(produced).utf8))
    try Self.publish(standby, as: output)
  }

  /// Puts the finished site at `standby` in the place of `output` in one step; the old output
  /// stays at `standby`, as the next build's standby copy, where the file system allows.
  static func publish(_ standby: String, as output: String) throws(DiagnosticError) {
    var info = stat()
    if lstat(output, &info) != 0 {
      guard rename(standby, output) == 0 else { throw failure("cannot move the build to", output) }
      return
    }
    if hr_exchange_paths(standby, output) != 0 {
      // Without an atomic exchange (some file systems), move the old output aside first.
      let aside = standby + ".old"
      try? FileManager.default.removeItem(atPath: aside)
      guard rename(output, aside) == 0, rename(standby, output) == 0 else { throw failure("cannot replace", output) }
      try? FileManager.default.removeItem(atPath: aside)
    }
  }

  /// A failed build leaves the standby copy without a manifest, so the next build rewrites it.
  func discard() {}

  private func removeStaleFiles() {
    var folders: Set<String> = []
    for path in previous.keys.sorted() where produced[path] == nil {
      unlink(standby + "/" + path)
      removed.append(path)
      var folder = Substring(path)
      while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        folders.insert(String(folder))
      }
    }
    for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(standby + "/" + folder) }
  }

  // MARK: - Manifest

  static func manifest(_ files: [String: UInt64]) -> String {
    var text = manifestHeader + "\n"
    for path in files.keys.sorted() { text += ContentHash.hex(files[path]!) + " " + path + "\n" }
    return text
  }

  static func readManifest(_ path: String) -> [String: UInt64]? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return parseManifest(String(decoding: data, as: UTF8.self))
  }

  static func parseManifest(_ text: String) -> [String: UInt64]? {
    var lines = text.split(separator: "\n")
    guard lines.first == Substring(manifestHeader) else { return nil }
    lines.removeFirst()
    var files: [String: UInt64] = [:]
    files.reserveCapacity(lines.count)
    for line in lines {
      guard line.count > 17, let hash = UInt64(line.prefix(16), radix: 16) else { return nil }
      files[String(line.dropFirst(17))] = hash
    }
    return files
  }
}

extension BuildConfiguration {
  /// The folders a build reads, which its output must never contain.
  var inputFolders: [String] {
    [content, templates ?? sibling("Templates"), publicFolder ?? sibling("Public")].compactMap { $0 }
  }
}
