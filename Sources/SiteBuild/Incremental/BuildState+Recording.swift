import Foundation
import SiteCore
import SiteFiles

extension BuildState {
  /// A state for the files of `tree`, to be filled in as the build reads them.
  init(tree: SourceTree, listedAt: Int64, fingerprint: UInt64) {
    self.init()
    self.tree = tree
    self.listedAt = listedAt
    self.fingerprint = fingerprint
    contentHash = Array(repeating: 0, count: tree.count)
    frontMatterHash = contentHash
    titleHash = contentHash
    position = Array(repeating: -1, count: tree.count)
    report = position
    roles = Array(repeating: Role.ignored.rawValue, count: tree.count)
  }

  /// Notes what the build read of each file: its role, its original (a translation), its hashes.
  mutating func note(_ notes: [EntryNote]) {
    for n in notes {
      roles[n.entry] = n.role.rawValue
      position[n.entry] = n.position
      (contentHash[n.entry], frontMatterHash[n.entry], titleHash[n.entry]) = (n.contentHash, n.frontMatterHash, n.titleHash)
    }
  }

  /// Notes where each recommendation stands in the catalog (`entries`: the entry each record
  /// was read from), and the countries that have pages.
  mutating func place(_ catalog: Catalog, entries: [ObjectIdentifier: Int]) {
    for (p, r) in catalog.recommendations.enumerated() {
      guard let entry = entries[ObjectIdentifier(r)] else { continue }
      position[entry] = Int32(p)
    }
    countryKeys = catalog.terms(.country).map(\.key)
    recommendations = catalog.recommendations.count
  }

  /// Notes each tracked recommendation's progress report and the date overdue was counted against.
  mutating func place(_ followUp: FollowUpIndex, _ catalog: Catalog, entries: [ObjectIdentifier: Int]) {
    followUpAsOf = followUp.asOf ?? ""
    var number: Int32 = 0
    for country in followUp.countries {
      for r in country.reports {
        for i in r.members {
          if let entry = entries[ObjectIdentifier(catalog.recommendations[i])] { report[entry] = number }
        }
        number += 1
      }
    }
  }

  /// Whether a diagnostic is about a file below `recommendations/` (replayed while that file is unchanged).
  static func isAboutRecommendations(_ d: Diagnostic, _ content: ContentLoader) -> Bool {
    guard let path = d.location?.path else { return false }
    let folder = content.display("recommendations")
    return path == folder || path.hasPrefix(folder + "/")
  }

  /// Completes the state once the build is published: the stamps of the new output's and the
  /// standby copy's manifests, what the build changed, and the warnings to replay.
  mutating func published(at location: OutputLocation, written: [String], removed: [String], files: Int, pages: Int,
                          diagnostics: [Diagnostic], loader: ContentLoader) {
    outputMarker = FileStamp.of(location.manifest) ?? FileStamp()
    standbyMarker = FileStamp.of(location.standbyManifest)
    (lastWritten, lastRemoved) = standbyMarker == nil ? ([], []) : (written, removed)
    (self.files, self.pages) = (files, pages)
    warnings = diagnostics.filter { $0.severity == .warning && Self.isAboutRecommendations($0, loader) }
  }
}
