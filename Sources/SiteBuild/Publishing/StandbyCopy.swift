import Foundation
import SiteCore
import SiteFiles

/// The folder operations the publisher does on the standby copy: bringing it up to the current
/// output with hard links, and making and pruning folders.
enum StandbyCopy {
  /// Makes `standby` the current output again: the files the last build wrote are linked in from
  /// the output (hard links; a copy where the file system has none), the files it removed are
  /// removed.
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
  /// `threads` threads: the entries two levels down are shared out (`recommendations/*` holds most).
  static func clone(_ source: String, into target: String, threads: Int) throws(DiagnosticError) {
    try ensureFolder(target)
    var work: [(relative: String, kind: Folder.Kind)] = []
    for entry in Folder.entries(source, includeHidden: true, sorted: false) {
      let name = entry.nameString
      guard entry.kind == .folder else {
        try link(source + "/" + name, target + "/" + name)
        continue
      }
      try ensureFolder(target + "/" + name)
      work += Folder.entries(source + "/" + name, includeHidden: true, sorted: false).map { (name + "/" + $0.nameString, $0.kind) }
    }
    let failures = FailureList()
    _ = parallelMap(work, threads: threads, grain: 64) { item -> Bool in
      do throws(DiagnosticError) {
        try cloneEntry(source + "/" + item.relative, target + "/" + item.relative, item.kind)
      } catch {
        failures.add(error)
      }
      return true
    }
    if let error = failures.first { throw error }
  }

  private static func cloneEntry(_ source: String, _ target: String, _ kind: Folder.Kind) throws(DiagnosticError) {
    guard kind == .folder else { return try link(source, target) }
    try ensureFolder(target)
    for entry in Folder.entries(source, includeHidden: true, sorted: false) {
      try cloneEntry(source + "/" + entry.nameString, target + "/" + entry.nameString, entry.kind)
    }
  }

  /// `target` becomes the file `source` (one inode, two names), or a copy of it.
  static func link(_ source: String, _ target: String) throws(DiagnosticError) {
    unlink(target)
    if Glibc.link(source, target) == 0 { return }
    guard let bytes = RegularFile.read(source) else { throw failure("cannot read", source) }
    try create(target, bytes)
  }

  /// `RegularFile.create`, failing with a diagnostic.
  static func create(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
    do {
      try RegularFile.create(path, bytes)
    } catch {
      throw DiagnosticError([.error(at: nil, error.description)])
    }
  }

  static func makeParents(of relative: String, in base: String) throws(DiagnosticError) {
    var path = base
    for component in relative.split(separator: "/").dropLast() {
      path += "/" + component
      if Folder.kind(of: path) == .folder { continue }
      try ensureFolder(path)
    }
  }

  static func removeEmptyParents(of relative: String, in base: String) {
    var folder = Substring(relative)
    while let slash = folder.lastIndex(of: "/") {
      folder = folder[..<slash]
      guard rmdir(base + "/" + folder) == 0 else { return }
    }
  }

  /// Creates the folder `path` (its parent exists), replacing a file or link in its place.
  static func ensureFolder(_ path: String) throws(DiagnosticError) {
    if mkdir(path, 0o755) != 0 {
      guard errno == EEXIST else { throw failure("cannot create folder", path) }
      if Folder.kind(of: path) != .folder {
        unlink(path)
        guard mkdir(path, 0o755) == 0 else { throw failure("cannot create folder", path) }
      }
    }
  }

  static func failure(_ what: String, _ path: String) -> DiagnosticError {
    DiagnosticError([.error(at: nil, FileError(what, path).description)])
  }
}
