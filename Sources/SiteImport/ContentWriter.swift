import Foundation
import SiteCore
import SiteFiles

/// Writes imported recommendations into a content folder without ever overwriting a file that
/// someone edited by hand, and so that importing the same input again changes no byte.
///
/// A file is rewritten only when it is exactly what this importer wrote last time (its digest is
/// in the manifest). A file that differs from the manifest, or that the manifest does not know,
/// is kept and reported — unless `overwrite` is set.
public final class ContentWriter {
  public enum Outcome: Equatable, Sendable { case written, updated, unchanged, keptEdited }

  let folder: String
  let source: String
  let overwrite: Bool
  /// What the last import wrote, updated as this one writes.
  private var manifest: ImportManifest
  /// FNV-1a fingerprints of the ids this run took: 8 bytes per recommendation, however many.
  private var ids: Set<UInt64> = []
  private var madeFolders: Set<String> = []

  /// - Parameters:
  ///   - folder: the content folder (created when missing).
  ///   - source: the importer's name; each importer has its own manifest.
  ///   - overwrite: replace files edited by hand too.
  public init(folder: String, source: String, overwrite: Bool) throws {
    self.folder = folder
    self.source = source
    self.overwrite = overwrite
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ImportFailure("cannot create the content folder \(folder): \(error.localizedDescription)")
    }
    manifest = try ImportManifest.load(from: folder, source: source)
  }

  /// Takes `id` for this run; false when an earlier row already took it (ids are unique across a site).
  public func claim(_ id: String) -> Bool {
    ids.insert(id.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }).inserted
  }

  /// Writes one recommendation file; `path` is relative to the content folder.
  @discardableResult
  public func write(_ text: String, to path: String, into report: inout ImportReport) throws -> Outcome {
    let bytes = Array(text.utf8)
    let full = folder + "/" + path
    let outcome: Outcome
    if let existing = FileManager.default.contents(atPath: full) {
      if existing.elementsEqual(bytes) {
        outcome = .unchanged
      } else if overwrite || manifest.files[path]?.digest == Digest(of: existing) {
        try save(bytes, to: full)
        outcome = .updated
      } else {
        report.keptEdited.append(path)
        manifest.files[path]?.made = true
        return .keptEdited
      }
    } else {
      try save(bytes, to: full)
      outcome = .written
    }
    manifest.files[path] = ImportManifest.Entry(digest: Digest(of: bytes), made: true)
    switch outcome {
    case .written: report.written += 1
    case .updated: report.updated += 1
    case .unchanged: report.unchanged += 1
    case .keptEdited: break
    }
    return outcome
  }

  /// Creates `site.yml` when the folder has none, so that the folder builds as it is.
  public func createSiteSettings(title: String, into report: inout ImportReport) throws {
    let path = folder + "/site.yml"
    guard !FileManager.default.fileExists(atPath: path) else { return }
    try save(Array("title: \(YAMLScalar.quoted(title))\nlanguage: en\n".utf8), to: path)
    report.createdSiteSettings = true
  }

  /// Lists the files an earlier run of this importer wrote that this run did not make, deletes
  /// the unedited ones when `prune` is set, and saves the manifest.
  public func finish(prune: Bool, into report: inout ImportReport) throws {
    for (path, entry) in manifest.files.sorted(by: { $0.key < $1.key }) where !entry.made {
      let full = folder + "/" + path
      guard let existing = FileManager.default.contents(atPath: full) else {
        manifest.files[path] = nil
        continue
      }
      report.stale.append(path)
      if prune, Digest(of: existing) == entry.digest {
        try FileManager.default.removeItem(atPath: full)
        manifest.files[path] = nil
        report.pruned += 1
      }
    }
    do {
      try manifest.save(to: folder, source: source)
    } catch {
      throw ImportFailure("cannot write \(ImportManifest.path(in: folder, source: source)): \(error)")
    }
  }

  private func save(_ bytes: [UInt8], to full: String) throws {
    let directory = (full as NSString).deletingLastPathComponent
    do {
      if madeFolders.insert(directory).inserted {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      }
      try AtomicFile.write(bytes, to: full)
    } catch let failure as FileError {
      throw ImportFailure(failure.description)
    } catch {
      throw ImportFailure("cannot write \(full): \(error.localizedDescription)")
    }
  }
}
