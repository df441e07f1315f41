import CSystem
import Foundation
import SiteCore
import SiteFiles

/// A file of the site being built: its path below the output and its bytes.
struct OutputFile: Sendable {
  var path: String
  var bytes: [UInt8]
}

/// The one place a build's files reach the disk. A full build and a text edit alike hand their
/// `OutputFile`s to a publisher, which writes them into the standby copy beside the output and
/// swaps that copy in with one atomic exchange: a failed or killed build never touches the output.
///
/// How the standby copy starts:
/// - `.rebuild`: it is the output of the build before last, described by its manifest (empty for
///   a clean build). A file is written only when the copy does not hold exactly its bytes (same
///   hash in the manifest, then the same bytes on disk); files no longer produced go at the end.
///   So the result is a clean build's, byte for byte, while an edit rewrites only what it changed.
/// - `.patch(state)`: it is first brought up to the current output (the last build's changes
///   linked in, or the whole output linked when the state does not vouch for the copy); the build
///   names only the files it changes and removes, and the rest stay.
/// Then `commit` writes the manifest (whole, or patched), swaps the copy in — the old output stays
/// as the next build's standby copy — and writes the build state beside the output (a full build:
/// `swapIn`, then `refreshStandby` makes the standby copy the new site and writes the state).
final class SitePublisher: @unchecked Sendable {
  enum Start {
    case rebuild
    case patch(BuildState, threads: Int)
  }

  let location: OutputLocation
  private let patching: Bool
  private let lock = ShortLock()
  private var createdFolders: Set<String> = [""]
  /// Rebuild: the hashes of the files the standby copy holds, from its manifest.
  private let previous: [String: UInt64]
  /// Rebuild: the hash of every file produced.
  private var produced: [String: UInt64] = [:]
  /// Patch: the hash of every file changed (nil: removed).
  private var changes: [String: UInt64?] = [:]
  private(set) var fileCount = 0
  /// What this build changed in the standby copy.
  private(set) var written: [String] = []
  private(set) var removed: [String] = []
  /// Whether the standby copy already held a site (so unchanged files were not written).
  let isIncremental: Bool

  init(_ location: OutputLocation, start: Start) throws(DiagnosticError) {
    self.location = location
    switch start {
    case .rebuild:
      patching = false
      try? FileManager.default.removeItem(atPath: location.oldStaging)
      try? FileManager.default.removeItem(atPath: location.scratch)
      let manifest = Folder.exists(location.path) ? OutputManifest.read(location.standbyManifest) : nil
      (isIncremental, previous) = (manifest != nil, manifest ?? [:])
      try location.checkReplaceable()
      try Self.prepareForRebuild(location, keeping: isIncremental)
    case .patch(let state, let threads):
      (patching, isIncremental, previous) = (true, true, [:])
      try Self.prepareForPatch(location, state, threads: threads)
    }
  }

  /// Until the new manifest is written at the end, the standby copy is not trusted.
  private static func prepareForRebuild(_ location: OutputLocation, keeping: Bool) throws(DiagnosticError) {
    if keeping {
      unlink(location.standbyManifest)
      return
    }
    try? FileManager.default.removeItem(atPath: location.standby)
    guard mkdir(location.standby, 0o755) == 0 else { throw StandbyCopy.failure("cannot create", location.standby) }
  }

  private static func prepareForPatch(_ location: OutputLocation, _ state: BuildState, threads: Int) throws(DiagnosticError) {
    if let expected = state.standbyMarker, FileStamp.of(location.standbyManifest) == expected {
      unlink(location.standbyManifest)
      try StandbyCopy.apply(written: state.lastWritten, removed: state.lastRemoved, from: location.path, to: location.standby)
    } else {
      try? FileManager.default.removeItem(atPath: location.standby)
      try StandbyCopy.clone(location.path, into: location.standby, threads: threads)
      unlink(location.standbyManifest)
    }
  }

  // MARK: - Files

  /// Records `file` as part of the new site, writing it only when the standby copy does not
  /// already hold exactly these bytes. Safe to call from many threads at once.
  func write(_ file: OutputFile) throws(DiagnosticError) {
    precondition(Self.staysInside(file.path), "output path escapes: \(file.path)")
    let hash = ContentHash.of(file.bytes)
    let known = record(file.path, hash)
    let standbyPath = location.standby + "/" + file.path
    // A hash alone never decides: when it agrees, the bytes on disk are compared.
    if (patching || known == hash), RegularFile.read(standbyPath) == file.bytes { return }
    try place(file.path, hash) { (path) throws(DiagnosticError) in try StandbyCopy.create(path, file.bytes) }
  }

  func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) { try write(OutputFile(path: path, bytes: bytes)) }

  /// A path in the scratch folder beside the standby copy (same file system) for a large file
  /// written in pieces (`ScratchFile`) or by a library, then handed over with `adopt`.
  func scratchPath(for name: String) throws(DiagnosticError) -> String {
    try StandbyCopy.ensureFolder(location.scratch)
    return location.scratch + "/" + name.replacingOccurrences(of: "/", with: "--")
  }

  /// Records the finished scratch file as the output file `path`: moved into the standby copy,
  /// or deleted when the copy already holds exactly its bytes. The same rules as `write`.
  /// Returns the file's size in bytes.
  func adopt(_ path: String, scratch: String) throws(DiagnosticError) -> Int {
    precondition(Self.staysInside(path) && !patching, "adopt is for rebuilds, inside the output: \(path)")
    guard let file = MappedFile(scratch) else { throw StandbyCopy.failure("cannot read", scratch) }
    let hash = ContentHash.of(raw: file.bytes)
    let known = record(path, hash)
    if known == hash, let old = MappedFile(location.standby + "/" + path), old.sameBytes(as: file) {
      unlink(scratch)
      return file.bytes.count
    }
    try place(path, hash) { (standbyPath) throws(DiagnosticError) in
      guard rename(scratch, standbyPath) == 0 else { throw StandbyCopy.failure("cannot move into place", standbyPath) }
    }
    return file.bytes.count
  }

  /// A rebuild records the hash of every file it produces; returns the hash the standby copy's
  /// manifest gives `path` (nil: none, or a patch, which keeps no manifest of its own).
  private func record(_ path: String, _ hash: UInt64) -> UInt64? {
    lock.withLock { () -> UInt64? in
      guard !patching else { return nil }
      produced[path] = hash
      fileCount += 1
      return previous[path]
    }
  }

  /// Makes the folder of `path` in the standby copy, has `put` write the file at its standby
  /// path, and records it as written (and, in a patch, as changed).
  private func place(
    _ path: String, _ hash: UInt64, _ put: (String) throws(DiagnosticError) -> Void
  ) throws(DiagnosticError) {
    if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { try makeFolder(String(path[..<slash])) }
    try put(location.standby + "/" + path)
    lock.withLock {
      written.append(path)
      if patching { changes[path] = hash }
    }
  }

  func write(_ path: String, _ text: String) throws(DiagnosticError) { try write(path, Array(text.utf8)) }

  /// Removes the file `path` from the new site (a patch names what it removes; a rebuild removes
  /// whatever it did not produce).
  func remove(_ path: String) {
    precondition(patching && Self.staysInside(path), "remove is for patches, inside the output: \(path)")
    guard unlink(location.standby + "/" + path) == 0 else { return }
    StandbyCopy.removeEmptyParents(of: path, in: location.standby)
    lock.withLock {
      changes[path] = .some(nil)
      removed.append(path)
    }
  }

  /// Creates `folder` and any missing parents inside the standby copy, each once.
  private func makeFolder(_ folder: String) throws(DiagnosticError) {
    if folder.isEmpty || lock.withLock({ createdFolders.contains(folder) }) { return }
    if let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) { try makeFolder(String(folder[..<slash])) }
    try StandbyCopy.ensureFolder(location.standby + "/" + folder)
    lock.withLock { _ = createdFolders.insert(folder) }
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
        (partLength, dots) = (0, 0)
      } else {
        partLength += 1
        if byte == UInt8(ascii: ".") { dots += 1 }
      }
    }
    return !(partLength == 2 && dots == 2)
  }

  // MARK: - Publishing

  /// Writes the manifest, swaps the standby copy in, and records the build state beside it.
  /// Called once, after every `write` and `remove` has returned.
  func commit(_ state: inout BuildState, pages: Int, diagnostics: [Diagnostic], loader: ContentLoader) throws(DiagnosticError) {
    try swapIn(&state, pages: pages, diagnostics: diagnostics, loader: loader)
    state.write(at: location)
  }

  /// `commit` but for the state's write: a full build refreshes the standby copy first, which
  /// writes the state once (`refreshStandby`). Until then the state beside the output is the
  /// last build's, whose stamp of the manifest no longer matches: a build killed in between
  /// finds no state for this output and builds whole.
  func swapIn(_ state: inout BuildState, pages: Int, diagnostics: [Diagnostic], loader: ContentLoader) throws(DiagnosticError) {
    if !patching { removeStaleFiles() }
    try? FileManager.default.removeItem(atPath: location.scratch)
    try StandbyCopy.create(location.standbyManifest, patching ? patchedManifest() : fullManifest())
    try Self.exchange(location.standby, location.path)
    state.published(at: location, written: written, removed: removed, files: fileCount, pages: pages,
      diagnostics: diagnostics, loader: loader)
  }

  /// Records `state` beside an output the build left as it was (a text edit that changed no
  /// file): the output and its standby copy stay, only the stamps of this listing are new.
  static func recordUnchanged(_ state: BuildState, at location: OutputLocation) {
    state.write(at: location)
  }

  /// A rebuild: deletes the files of the standby copy that this build did not produce, and the
  /// folders that leaves empty.
  private func removeStaleFiles() {
    var folders: Set<String> = []
    for path in previous.keys.sorted() where produced[path] == nil {
      unlink(location.standby + "/" + path)
      removed.append(path)
      var folder = Substring(path)
      while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        folders.insert(String(folder))
      }
    }
    for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(location.standby + "/" + folder) }
  }

  /// A rebuild's files, every one it produced (sorted).
  var producedPaths: [String] { lock.withLock { produced.keys.sorted() } }

  /// A rebuild's manifest: every file it produced.
  private func fullManifest() -> [UInt8] {
    Array(OutputManifest.text(produced).utf8)
  }

  private func patchedManifest() throws(DiagnosticError) -> [UInt8] {
    guard let current = RegularFile.read(location.manifest), let (manifest, count) = ManifestPatch.apply(changes, to: current) else {
      throw DiagnosticError([.error(at: nil, "cannot read the manifest of \(location.path)",
        notes: ["build again: the next build writes it whole"])])
    }
    fileCount = count
    return manifest
  }

  /// Puts the finished site at `standby` in the place of `output` in one step; the old output
  /// stays at `standby`, as the next build's standby copy, where the file system allows.
  static func exchange(_ standby: String, _ output: String) throws(DiagnosticError) {
    guard Folder.exists(output) else {
      guard rename(standby, output) == 0 else { throw StandbyCopy.failure("cannot move the build to", output) }
      return
    }
    if hr_exchange_paths(standby, output) != 0 {
      // Without an atomic exchange (some file systems), move the old output aside first.
      let aside = standby + ".old"
      try? FileManager.default.removeItem(atPath: aside)
      guard rename(output, aside) == 0, rename(standby, output) == 0 else { throw StandbyCopy.failure("cannot replace", output) }
      try? FileManager.default.removeItem(atPath: aside)
    }
  }
}
