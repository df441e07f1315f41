import Foundation
import SiteCore

/// Turns the standby copy into the output plus a few changed files, then swaps it in: how a
/// build that re-rendered only an edited recommendation publishes, keeping the swap atomic.
///
/// First the standby copy is brought up to the current output: it is the output of the build
/// before, so the files the last build changed are linked in from the output (hard links; a copy
/// where the file system has none) and the files it deleted are deleted. Without a standby copy
/// that the state vouches for, the whole output is linked into a fresh one. Then the changed
/// files are written (new files, never into a linked one) and the manifest is patched.
final class StandbyPatch {
  let output: String
  let standby: String
  private var hashes: [String: UInt64?] = [:]
  private(set) var written: [String] = []
  private(set) var removed: [String] = []

  init(output: String, state: BuildState) throws(DiagnosticError) {
    self.output = URL(fileURLWithPath: output).standardizedFileURL.path
    self.standby = SiteWriter.standbyPath(of: output)
    let marker = standby + "/" + SiteWriter.marker
    if let expected = state.standbyMarker, FileStamp.of(marker) == expected {
      unlink(marker)
      try Self.apply(written: state.lastWritten, removed: state.lastRemoved, from: self.output, to: standby)
    } else {
      try? FileManager.default.removeItem(atPath: standby)
      try Self.clone(self.output, into: standby)
      unlink(marker)
    }
  }

  /// Records `bytes` as the file `relative` of the new site, written only when it differs from
  /// the output's.
  func write(_ relative: String, _ bytes: [UInt8]) throws(DiagnosticError) {
    precondition(SiteWriter.staysInside(relative), "output path escapes: \(relative)")
    if ContentLoader.readRegularFile(output + "/" + relative) == bytes { return }
    try Self.makeParents(of: relative, in: standby)
    try SiteWriter.createFile(standby + "/" + relative, bytes)
    hashes[relative] = ContentHash.of(bytes)
    written.append(relative)
  }

  /// Deletes the file `relative` from the new site.
  func remove(_ relative: String) {
    guard unlink(standby + "/" + relative) == 0 else { return }
    Self.removeEmptyParents(of: relative, in: standby)
    hashes[relative] = .some(nil)
    removed.append(relative)
  }

  /// Writes the patched manifest and swaps the standby copy in; returns the manifest's file count.
  func commit() throws(DiagnosticError) -> Int {
    guard let current = ContentLoader.readRegularFile(output + "/" + SiteWriter.marker),
      let (manifest, count) = ManifestPatch.apply(hashes, to: current)
    else {
      throw DiagnosticError([.error(at: nil, "cannot read the manifest of \(output)", notes: ["build again: the next build writes it whole"])])
    }
    try SiteWriter.createFile(standby + "/" + SiteWriter.marker, manifest)
    try SiteWriter.publish(standby, as: output)
    return count
  }

  // MARK: - Bringing the standby copy up to the output

  static func apply(written: [String], removed: [String], from output: String, to standby: String) throws(DiagnosticError) {
    for relative in written {
      try makeParents(of: relative, in: standby)
      try link(output + "/" + relative, standby + "/" + relative)
    }
    for relative in removed {
      unlink(standby + "/" + relative)
      removeEmptyParents(of: relative, in: standby)
    }
  }

  /// A copy of the folder `source` at `target` made of hard links (folders are made anew), on
  /// every core: the entries two levels down are shared out (`recommendations/*` holds most).
  static func clone(_ source: String, into target: String) throws(DiagnosticError) {
    try SiteWriter.ensureFolder(target)
    var work: [String] = []
    for name in names(in: source) {
      var info = stat()
      guard lstat(source + "/" + name, &info) == 0 else { continue }
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        try link(source + "/" + name, target + "/" + name)
        continue
      }
      try SiteWriter.ensureFolder(target + "/" + name)
      work += names(in: source + "/" + name).map { name + "/" + $0 }
    }
    let failures = FailureList()
    _ = parallelMap(work, threads: ProcessInfo.processInfo.activeProcessorCount, grain: 64) { relative -> Bool in
      do throws(DiagnosticError) {
        try cloneEntry(source + "/" + relative, target + "/" + relative)
      } catch {
        failures.add(error)
      }
      return true
    }
    if let error = failures.first { throw error }
  }

  private static func names(in folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  private static func cloneEntry(_ source: String, _ target: String) throws(DiagnosticError) {
    var info = stat()
    guard lstat(source, &info) == 0 else { return }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { return try link(source, target) }
    try SiteWriter.ensureFolder(target)
    for name in names(in: source) { try cloneEntry(source + "/" + name, target + "/" + name) }
  }

  /// `target` becomes the file `source` (one inode, two names), or a copy of it.
  static func link(_ source: String, _ target: String) throws(DiagnosticError) {
    unlink(target)
    if Glibc.link(source, target) == 0 { return }
    guard let bytes = ContentLoader.readRegularFile(source) else { throw SiteWriter.failure("cannot read", source) }
    try SiteWriter.createFile(target, bytes)
  }

  static func makeParents(of relative: String, in base: String) throws(DiagnosticError) {
    var path = base
    for component in relative.split(separator: "/").dropLast() {
      path += "/" + component
      var info = stat()
      if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
      try SiteWriter.ensureFolder(path)
    }
  }

  static func removeEmptyParents(of relative: String, in base: String) {
    var folder = Substring(relative)
    while let slash = folder.lastIndex(of: "/") {
      folder = folder[..<slash]
      guard rmdir(base + "/" + folder) == 0 else { return }
    }
  }
}

/// Changes a few lines of an output manifest (`hash path`, sorted by path) without parsing the
/// hundreds of thousands of others.
enum ManifestPatch {
  /// The manifest with `changes` applied (a hash: the file's new hash; nil: the file is gone),
  /// and its number of files; nil when `manifest` is not one.
  static func apply(_ changes: [String: UInt64?], to manifest: [UInt8]) -> ([UInt8], Int)? {
    let header = Array((SiteWriter.manifestHeader + "\n").utf8)
    guard manifest.starts(with: header) else { return nil }
    // Byte order is the manifest's order only for ASCII paths; otherwise sort it whole.
    if manifest.contains(where: { $0 >= 0x80 }) || changes.keys.contains(where: { $0.utf8.contains { $0 >= 0x80 } }) {
      return slowApply(changes, to: manifest)
    }
    var lineStarts: [Int] = []
    lineStarts.reserveCapacity(manifest.count / 48)
    var i = header.count
    while i < manifest.count {
      lineStarts.append(i)
      while i < manifest.count && manifest[i] != 0x0A { i += 1 }
      i += 1
    }
    func path(_ line: Int) -> ArraySlice<UInt8> {
      let start = lineStarts[line] + 17
      var end = start
      while end < manifest.count && manifest[end] != 0x0A { end += 1 }
      return manifest[min(start, end)..<end]
    }
    var out = header
    out.reserveCapacity(manifest.count + changes.count * 64)
    var next = 0
    var count = 0
    func copyLines(upTo line: Int) {
      guard next < line else { return }
      let end = line < lineStarts.count ? lineStarts[line] : manifest.count
      out.append(contentsOf: manifest[lineStarts[next]..<end])
      count += line - next
      next = line
    }
    for key in changes.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let bytes = Array(key.utf8)
      // The first line whose path is not before `key`.
      var low = next
      var high = lineStarts.count
      while low < high {
        let mid = (low + high) / 2
        if path(mid).lexicographicallyPrecedes(bytes) { low = mid + 1 } else { high = mid }
      }
      copyLines(upTo: low)
      if next < lineStarts.count && path(next).elementsEqual(bytes) { next += 1 }
      if let hash = changes[key]! {
        out.append(contentsOf: (ContentHash.hex(hash) + " " + key + "\n").utf8)
        count += 1
      }
    }
    copyLines(upTo: lineStarts.count)
    return (out, count)
  }

  private static func slowApply(_ changes: [String: UInt64?], to manifest: [UInt8]) -> ([UInt8], Int)? {
    guard var files = SiteWriter.parseManifest(String(decoding: manifest, as: UTF8.self)) else { return nil }
    for (path, hash) in changes { files[path] = hash }
    return (Array(SiteWriter.manifest(files).utf8), files.count)
  }
}
