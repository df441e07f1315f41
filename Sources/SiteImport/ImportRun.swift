import Foundation
import SiteFiles
import SiteCore

/// Runs an import end to end: read the input, map each row, write the files, save the manifest.
public enum ImportRun {
  public struct Options: Sendable {
    public var output: String
    public var overwrite = false
    public var prune = false
    /// Where to write every skipped or altered row as CSV (`--report`), besides the text report.
    public var reportCSV: String?
    public init(output: String, overwrite: Bool = false, prune: Bool = false, reportCSV: String? = nil) {
      self.output = output
      self.overwrite = overwrite
      self.prune = prune
      self.reportCSV = reportCSV
    }
  }

  /// Imports UPR Info CSV files: `input` is one file, or a folder whose `*.csv` files are read
  /// in name order.
  public static func uprInfo(input: String, mappings: UPRInfoMappings, vocabulary: Vocabulary, options: Options) throws -> ImportReport {
    let files = try csvFiles(input)
    var report = ImportReport(source: "upr-info (UPR Info CSV export)", input: input)
    let writer = try ContentWriter(folder: options.output, source: UPRInfoImporter.source, overwrite: options.overwrite)
    var importer = UPRInfoImporter(mappings: mappings, vocabulary: vocabulary)
    for file in files {
      let name = (file as NSString).lastPathComponent
      guard let data = FileManager.default.contents(atPath: file) else { throw ImportFailure("cannot read \(file)") }
      let records = CSVReader.records(TextDecoding.decode(Array(data)).text)
      guard let header = records.first else {
        report.problems.append(ImportProblem(.file, "no header row", .rowSkipped, at: name))
        continue
      }
      let columns: UPRInfoImporter.Columns
      do {
        columns = try UPRInfoImporter.Columns(header: header.fields)
      } catch {
        report.problems.append(ImportProblem(.file, "\(error)", .rowSkipped, at: name))
        continue
      }
      for record in records.dropFirst() {
        report.rowsRead += 1
        let place = "\(name):\(record.line)"
        switch importer.row(record.fields, columns, at: place, problems: &report.problems) {
        case .recommendation(let r): if try write(r, at: place, writer, &report) { report.rowsImported += 1 }
        case .ignored(let reason): report.rowsIgnored[reason, default: 0] += 1
        case .skipped: break
        }
      }
    }
    try finish(writer, title: "UPR recommendations (UPR Info export)", options, &report)
    return report
  }

  /// Imports a UHRI export: the JSON export (read as a stream), the Excel export (.xlsx) or a
  /// CSV saved from it; `UHRIInput` tells which from the file's first bytes.
  public static func uhri(input: String, vocabulary: Vocabulary, language: String = "en", options: Options) throws -> ImportReport {
    let source = try UHRIInput.open(input)
    var report = ImportReport(source: "uhri (Universal Human Rights Index \(source.formatName))", input: input)
    let importer = UHRIImporter(vocabulary: vocabulary, language: language)
    // Made once the header is read, so that a file without UHRI's columns creates nothing.
    var opened: ContentWriter?
    try source.forEachRecord(onHeader: {
      opened = try ContentWriter(folder: options.output, source: UHRIImporter.source, overwrite: options.overwrite)
    }) { fields, place in
      let writer = opened!  // onHeader runs before the first record
      report.rowsRead += 1
      guard let fields else {
        report.problems.append(ImportProblem(.record, "not an object", .rowSkipped, at: place))
        return
      }
      var imported = false
      for r in importer.recommendations(fields, at: place, problems: &report.problems) {
        imported = try write(r, at: place, writer, &report) || imported
      }
      if imported { report.rowsImported += 1 }
    }
    guard let writer = opened else { throw ImportFailure("\(input): no header row") }
    try finish(writer, title: "Universal Human Rights Index", options, &report)
    return report
  }

  // MARK: - Shared steps

  /// Writes one recommendation unless an earlier row of this run made the same file.
  private static func write(_ r: ImportedRecommendation, at place: String, _ writer: ContentWriter, _ report: inout ImportReport) throws -> Bool {
    guard writer.claim(r.id) else {
      report.problems.append(ImportProblem(.duplicateID, r.id + " (given by an earlier row too)", .rowSkipped, at: place))
      return false
    }
    _ = try writer.write(r.fileText, to: r.path, into: &report)
    return true
  }

  private static func finish(_ writer: ContentWriter, title: String, _ options: Options, _ report: inout ImportReport) throws {
    if report.recommendations > 0 { try writer.createSiteSettings(title: title, into: &report) }
    try writer.finish(prune: options.prune, into: &report)
    let reportPath = options.output + "/" + reportFileName
    do {
      try AtomicFile.write(report.text, to: reportPath)
      if let csv = options.reportCSV { try AtomicFile.write(report.csv, to: csv) }
    } catch {
      throw ImportFailure(error.description)
    }
  }

  /// The report file written into the content folder (the build reads only recommendations/,
  /// pages/, vocabularies/ and site.yml, so it is not content).
  public static let reportFileName = "import-report.txt"

  static func csvFiles(_ input: String) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
      throw ImportFailure("\(input): no such file or folder")
    }
    guard isDirectory.boolValue else { return [input] }
    let names = Folder.entries(input).filter { $0.kind != .folder }.map(\.nameString)
    let files = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map { input + "/" + $0 }
    guard !files.isEmpty else { throw ImportFailure("\(input): no .csv files in the folder") }
    return files
  }
}
