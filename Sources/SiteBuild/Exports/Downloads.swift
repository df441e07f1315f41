import Foundation
import SiteCore
import SiteTemplates

/// The data a reader can take away, written at build time: the whole dataset in
/// `downloads/` (CSV, XLSX, JSON Lines, SQLite) and each group page's list as
/// `<group>/recommendations.csv` and `.xlsx` — each kind unless `site.yml`'s `exports:` turns it off.
/// Every file is written into a scratch file as it goes and handed to the publisher whole.
enum Downloads {
  /// The taxonomies whose term pages get their own `recommendations.csv` and `.xlsx`.
  static var groupTaxonomies: [Taxonomy] { PageContextBuilder.groupDownloadTaxonomies }

  static let folder = "downloads/"

  /// Writes every download `model.config.exports` asks for; returns the files of `downloads/` with their sizes.
  static func write(_ model: SiteModel, _ publisher: SitePublisher, threads: Int) throws(DiagnosticError) -> [DownloadFile] {
    let settings = model.config.exports
    let all = Array(model.catalog.recommendations.indices)
    let formats: [ExportSettings.Kind] = [.csv, .xlsx, .jsonl, .sqlite].filter(settings.has)
    let files = formats.map { DownloadFile(path: folder + "recommendations." + $0.rawValue, format: $0.rawValue, bytes: 0) }
    let failures = FailureList()
    let sizes = SizeList(count: files.count)
    parallelForEach(files.count, threads: threads) { n in
      do throws(DiagnosticError) {
        sizes.set(n, try write(formats[n], all, files[n].path, model, publisher))
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
    if settings.has(.groupFiles) { try writeGroupFiles(model, publisher, threads: threads) }
    return files.enumerated().map { DownloadFile(path: $1.path, format: $1.format, bytes: sizes.value($0)) }
  }

  /// `<group>/recommendations.csv` and `.xlsx` for every term of `groupTaxonomies`.
  private static func writeGroupFiles(_ model: SiteModel, _ publisher: SitePublisher, threads: Int) throws(DiagnosticError) {
    let groups = groupTaxonomies.flatMap { model.catalog.terms($0) }
    let failures = FailureList()
    // The largest first, so the two threads end together.
    let order = groups.indices.sorted { (groups[$0].members.count, $1) > (groups[$1].members.count, $0) }
    parallelForEach(order.count * 2, threads: threads) { n in
      let group = groups[order[n / 2]]
      let kind: ExportSettings.Kind = n % 2 == 0 ? .csv : .xlsx
      do throws(DiagnosticError) {
        _ = try write(kind, group.members, group.path + "recommendations." + kind.rawValue, model, publisher)
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
  }

  /// Writes one file of `rows` in format `kind` at `path`; returns its size in bytes.
  private static func write(_ kind: ExportSettings.Kind, _ rows: [Int], _ path: String, _ model: SiteModel,
                            _ publisher: SitePublisher) throws(DiagnosticError) -> Int {
    let scratch: String
    switch kind {
    case .csv, .jsonl:
      let file = try ScratchFile(publisher, for: path)
      if kind == .csv { try TableFiles.csv(rows, model, into: file) } else { try TableFiles.jsonLines(rows, model, into: file) }
      try file.finish()
      scratch = file.path
    case .xlsx:
      scratch = try publisher.scratchPath(for: path)
      try XLSXWorkbook.write(rows, model, to: scratch, scratchFolder: publisher.location.scratch)
    case .sqlite:
      scratch = try publisher.scratchPath(for: path)
      try SQLiteDataset.write(model, to: scratch)
    case .groupFiles:
      preconditionFailure("not a file format")
    }
    var info = stat()
    let size = stat(scratch, &info) == 0 ? Int(info.st_size) : 0
    try publisher.adopt(path, scratch: scratch)
    return size
  }
}

/// The sizes of files written on several threads.
private final class SizeList: @unchecked Sendable {
  private let lock = ShortLock()
  private var sizes: [Int]
  init(count: Int) { sizes = Array(repeating: 0, count: count) }
  func set(_ n: Int, _ size: Int) { lock.withLock { sizes[n] = size } }
  func value(_ n: Int) -> Int { lock.withLock { sizes[n] } }
}
