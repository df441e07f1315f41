import CSystem
import Foundation
import SiteCore

/// Writes a build into a staging folder beside the output and, only when everything is written,
/// swaps it in with one atomic rename; a failed or killed build leaves the previous output as it was.
final class SiteWriter: @unchecked Sendable {
  let output: String
  let staging: String
  private let lock = NSLock()
  private var createdFolders: Set<String> = []
  private(set) var fileCount = 0

  /// Marks a folder as HRIndex's output, so a build never replaces a folder it did not write.
  static let marker = ".hrindex-output"

  init(output: String) throws(DiagnosticError) {
    let url = URL(fileURLWithPath: output).standardizedFileURL
    self.output = url.path
    self.staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).staging").path
    try checkReplaceable()
    try? FileManager.default.removeItem(atPath: staging)
    do {
      try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    } catch {
      throw DiagnosticError([.error(at: nil, "cannot create \(staging): \(error.localizedDescription)")])
    }
    createdFolders.insert("")
    try write(Self.marker, Array("This folder is written by hrindex build and replaced by the next build.\n".utf8))
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

  /// Writes `bytes` to `relative` inside the staging folder, creating folders as needed.
  func write(_ relative: String, _ bytes: [UInt8]) throws(DiagnosticError) {
    precondition(!relative.hasPrefix("/") && !relative.split(separator: "/").contains(".."), "output path escapes: \(relative)")
    let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
    try makeFolder(folder)
    let path = staging + "/" + relative
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o644)
    guard fd >= 0 else { throw failure("cannot create", path) }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
      guard n > 0 else { throw failure("cannot write", path) }
      offset += n
    }
    lock.withLock { fileCount += 1 }
  }

  func write(_ relative: String, _ text: String) throws(DiagnosticError) { try write(relative, Array(text.utf8)) }

  /// Creates `folder` and any missing parents inside the staging folder, each once.
  private func makeFolder(_ folder: String) throws(DiagnosticError) {
    if folder.isEmpty || lock.withLock({ createdFolders.contains(folder) }) { return }
    if let slash = folder.lastIndex(of: "/") { try makeFolder(String(folder[..<slash])) }
    let path = staging + "/" + folder
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure("cannot create folder", path) }
    lock.withLock { _ = createdFolders.insert(folder) }
  }

  private func failure(_ what: String, _ path: String) -> DiagnosticError {
    DiagnosticError([.error(at: nil, "\(what) \(path): \(String(cString: strerror(errno)))")])
  }

  /// Puts the staged site in place of the output in one step, then removes the old one.
  func commit() throws(DiagnosticError) {
    var info = stat()
    if lstat(output, &info) != 0 {
      guard rename(staging, output) == 0 else { throw failure("cannot move the build to", output) }
      return
    }
    if hr_exchange_paths(staging, output) != 0 {
      // Without an atomic exchange (some file systems), move the old output aside first.
      let aside = staging + ".old"
      try? FileManager.default.removeItem(atPath: aside)
      guard rename(output, aside) == 0, rename(staging, output) == 0 else { throw failure("cannot replace", output) }
      try? FileManager.default.removeItem(atPath: aside)
      return
    }
    try? FileManager.default.removeItem(atPath: staging)
  }

  /// Removes the staging folder of a build that failed.
  func discard() { try? FileManager.default.removeItem(atPath: staging) }
}

extension BuildConfiguration {
  /// The folders a build reads, which its output must never contain.
  var inputFolders: [String] {
    [content, templates ?? sibling("Templates"), publicFolder ?? sibling("Public")].compactMap { $0 }
  }
}
