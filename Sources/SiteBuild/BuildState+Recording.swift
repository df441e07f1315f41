import Foundation
import SiteCore

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
    roles = Array(repeating: Role.ignored.rawValue, count: tree.count)
  }

  /// The wall clock in nanoseconds, the clock file times are kept in.
  static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }

  /// Notes where each recommendation stands in the catalog, and the countries that have pages.
  mutating func record(_ catalog: Catalog, listing: MarkdownListing, loader: ContentLoader) {
    for (p, r) in catalog.recommendations.enumerated() {
      if let entry = entryOfRecord[ObjectIdentifier(r)] { position[Int(entry)] = Int32(p) }
    }
    entryOfRecord = [:]
    countryKeys = catalog.terms(.country).map(\.key)
    recommendations = catalog.recommendations.count
  }

  /// Whether a diagnostic is about a file below `recommendations/` (replayed while that file is unchanged).
  static func isAboutRecommendations(_ d: Diagnostic, _ loader: ContentLoader) -> Bool {
    guard let path = d.location?.path else { return false }
    let folder = loader.display("recommendations")
    return path == folder || path.hasPrefix(folder + "/")
  }

  /// Completes the state once the build is published: the stamps of the new output's and the
  /// standby copy's manifests, what the build changed, and the warnings to replay.
  mutating func published(output: String, written: [String], removed: [String], files: Int, pages: Int,
                          diagnostics: [Diagnostic], loader: ContentLoader) {
    let standby = SiteWriter.standbyPath(of: output)
    outputMarker = FileStamp.of(URL(fileURLWithPath: output).standardizedFileURL.path + "/" + SiteWriter.marker) ?? FileStamp()
    standbyMarker = FileStamp.of(standby + "/" + SiteWriter.marker)
    (lastWritten, lastRemoved) = standbyMarker == nil ? ([], []) : (written, removed)
    (self.files, self.pages) = (files, pages)
    warnings = diagnostics.filter { $0.severity == .warning && Self.isAboutRecommendations($0, loader) }
  }
}
