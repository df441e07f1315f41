import Foundation
import SiteCore
import SiteTemplates

/// The data a reader can take away, written at build time: the whole dataset in `downloads/`
/// (CSV, XLSX, JSON Lines, SQLite) and each group page's list as `<group>/recommendations.csv`
/// (and `.xlsx` for countries) — each kind unless `site.yml`'s `exports:` turns it off. Every
/// file goes into a scratch file as it is written and is handed to the publisher whole.
enum Downloads {
  static let folder = "downloads/"

  /// One file to write: its format, its rows (indexes of `catalog.recommendations`) and path.
  struct Job {
    var kind: ExportSettings.Kind
    var rows: [Int]
    var path: String
    /// Roughly the CPU time it takes, to start the longest first.
    var cost: Int { rows.count * (kind == .xlsx ? 30 : kind == .sqlite ? 20 : kind == .jsonl ? 7 : 1) }
  }

  /// Writes every download `model.config.exports` asks for; returns the files of `downloads/` with their sizes.
  static func write(_ model: SiteModel, _ publisher: SitePublisher, threads: Int) throws(DiagnosticError) -> [DownloadFile] {
    let jobs = plan(model)
    guard !jobs.isEmpty else { return [] }
    // Each recommendation's CSV row is made once, for the whole dataset and every group it is in.
    let csvRows = jobs.contains { $0.kind == .csv }
      ? parallelMap(Array(model.catalog.recommendations.indices), threads: threads, grain: 256) { TableFiles.csvRow($0, model) }
      : []
    let order = jobs.indices.sorted { (jobs[$0].cost, $1) > (jobs[$1].cost, $0) }
    let failures = FailureList()
    let sizes = SizeList(count: jobs.count)
    forEachChunk(order.count, threads: threads) { n in
      do throws(DiagnosticError) {
        sizes.set(order[n], try write(jobs[order[n]], model, csvRows, publisher))
      } catch {
        failures.add(error)
      }
    }
    if let error = failures.first { throw error }
    return jobs.indices.filter { jobs[$0].path.hasPrefix(folder) }.map {
      DownloadFile(path: jobs[$0].path, format: jobs[$0].kind.rawValue, bytes: sizes.value($0))
    }
  }

  /// The files to write: the dataset in each format asked for, then each group's list.
  static func plan(_ model: SiteModel) -> [Job] {
    let settings = model.config.exports
    let all = Array(model.catalog.recommendations.indices)
    var jobs = [ExportSettings.Kind.csv, .xlsx, .jsonl, .sqlite].filter(settings.has).map {
      Job(kind: $0, rows: all, path: folder + "recommendations." + $0.rawValue)
    }
    guard settings.has(.groupFiles) else { return jobs }
    for taxonomy in PageContextBuilder.groupDownloadTaxonomies {
      for group in model.catalog.terms(taxonomy) {
        jobs.append(Job(kind: .csv, rows: group.members, path: group.path + "recommendations.csv"))
        if PageContextBuilder.groupWorkbookTaxonomies.contains(taxonomy) {
          jobs.append(Job(kind: .xlsx, rows: group.members, path: group.path + "recommendations.xlsx"))
        }
      }
    }
    return jobs
  }

  /// Writes one file; returns its size in bytes.
  private static func write(_ job: Job, _ model: SiteModel, _ csvRows: [[UInt8]], _ publisher: SitePublisher) throws(DiagnosticError) -> Int {
    let scratch: String
    switch job.kind {
    case .csv, .jsonl:
      let file = try ScratchFile(publisher, for: job.path)
      if job.kind == .csv { try TableFiles.csv(job.rows, csvRows, into: file) } else { try TableFiles.jsonLines(job.rows, model, into: file) }
      try file.finish()
      scratch = file.path
    case .xlsx:
      scratch = try publisher.scratchPath(for: job.path)
      try XLSXWorkbook.write(job.rows, model, to: scratch)
    case .sqlite:
      scratch = try publisher.scratchPath(for: job.path)
      try SQLiteDataset.write(model, to: scratch)
    case .groupFiles, .api, .feeds:
      preconditionFailure("not a file format")
    }
    return try publisher.adopt(job.path, scratch: scratch)
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
