import Foundation
import SiteCore
import SiteFiles

extension SitePublisher {
  /// After a full build's `swapIn`: makes the standby copy the same site as the output just
  /// published (hard links), so that the next text edit has nothing to link first and the next
  /// full build compares with the last site rather than the one before.
  ///
  /// With a standby copy (the previous output), only the files whose inode differs from the
  /// output's are linked anew and the files the output no longer has are removed; without one
  /// (a clean build), the output is cloned. The build is already published: a failure here only
  /// leaves the standby copy untrusted, and the next edit makes it as before. Then writes the
  /// build state, the build's only write of it.
  func refreshStandby(_ state: inout BuildState, threads: Int) {
    do throws(DiagnosticError) {
      if Folder.exists(location.standby), let old = OutputManifest.read(location.standbyManifest) {
        unlink(location.standbyManifest)
        try relinkChanged(old: old, threads: threads)
      } else {
        try? FileManager.default.removeItem(atPath: location.standby)
        try StandbyCopy.clone(location.path, into: location.standby, threads: threads)
        unlink(location.standbyManifest)
      }
      guard let manifest = RegularFile.read(location.manifest) else { throw StandbyCopy.failure("cannot read", location.manifest) }
      try StandbyCopy.create(location.standbyManifest, manifest)
      state.standbyMarker = FileStamp.of(location.standbyManifest)
    } catch {
      unlink(location.standbyManifest)
      state.standbyMarker = nil
    }
    (state.lastWritten, state.lastRemoved) = ([], [])
    // The clone linked the output's manifest and unlinked it again, which changed its stamp.
    state.outputMarker = FileStamp.of(location.manifest) ?? FileStamp()
    state.write(at: location)
  }

  /// Links into the standby copy every file of the output it does not share, and removes the
  /// files of `old` (the standby's manifest) that the output no longer has.
  private func relinkChanged(old: [String: UInt64], threads: Int) throws(DiagnosticError) {
    let (output, standby) = (location.path, location.standby)
    let paths = producedPaths
    let failures = FailureList()
    _ = parallelMap(paths, threads: threads, grain: 256) { path -> Bool in
      let (from, to) = (output + "/" + path, standby + "/" + path)
      // One inode under both names: the standby already holds this very file.
      if let a = FileStamp.of(from), let b = FileStamp.of(to), a.inode == b.inode { return true }
      do throws(DiagnosticError) {
        try StandbyCopy.makeParents(of: path, in: standby)
        try StandbyCopy.link(from, to)
      } catch {
        failures.add(error)
      }
      return true
    }
    if let error = failures.first { throw error }
    let kept = Set(paths)
    for path in old.keys.sorted() where !kept.contains(path) {
      unlink(standby + "/" + path)
      StandbyCopy.removeEmptyParents(of: path, in: standby)
    }
  }
}
