import ArgumentParser
import Foundation
import SiteBuild
import SiteCore
import SiteImport

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Convert a public export into recommendation files of a content folder.",
    discussion: """
      Writes one file per recommendation, recommendations/<country>/<id>.md, and site.yml when the \
      folder has none. Importing the same input again rewrites nothing; a file edited by hand since \
      the last import is kept and reported (see --overwrite). Values that could not be mapped are \
      listed with their rows in <output>/import-report.txt.
      """,
    subcommands: [UPRInfo.self, UHRI.self])
}

/// What every import accepts.
struct ImportOptions: ParsableArguments {
  @Option(help: "The export to read.")
  var input: String
  @Option(help: "The content folder to write into (created when missing).")
  var output = "Content"
  @Flag(help: "Also replace files that were edited by hand since the last import.")
  var overwrite = false
  @Flag(help: "Delete files of an earlier import that this input no longer makes (edited ones are kept).")
  var prune = false
  @Option(name: .customLong("report"), help: "Also write every skipped or altered row to this CSV file (place, field, value, effect).")
  var reportCSV: String?

  var run: ImportRun.Options { ImportRun.Options(output: output, overwrite: overwrite, prune: prune, reportCSV: reportCSV) }

  /// The vocabularies the output folder's site will be built with: its own files in
  /// vocabularies/, and the defaults for the others.
  func vocabulary() throws -> Vocabulary {
    try VocabularyLoader(contentFolder: output).load().get()
  }
}

extension Import {
  struct UPRInfo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "upr-info",
      abstract: "Import UPR Info's CSV export (a .csv file, or a folder of them; MacRoman or UTF-8).")

    @OptionGroup var options: ImportOptions
    @Option(help: "A folder with your own upr-info-countries.yml, upr-info-issues.yml or upr-sessions.yml (default: the built-in ones).")
    var mappings: String?

    func run() throws {
      try Import.reporting(output: options.output) {
        let vocabulary = try options.vocabulary()
        let tables = try UPRInfoMappings(
          countries: mapping("upr-info-countries.yml"), issues: mapping("upr-info-issues.yml"),
          sessions: mapping("upr-sessions.yml"), vocabulary: vocabulary)
        return try ImportRun.uprInfo(input: options.input, mappings: tables, vocabulary: vocabulary, options: options.run)
      }
    }

    func mapping(_ name: String) throws -> MappingFile {
      if let mappings, let data = FileManager.default.contents(atPath: mappings + "/" + name) {
        return MappingFile(path: mappings + "/" + name, text: String(decoding: data, as: UTF8.self))
      }
      guard let text = VocabularyLoader.defaultFile("mappings/" + name) else { throw ImportFailure("no built-in \(name)") }
      return MappingFile(path: "(default)/vocabularies/mappings/" + name, text: text)
    }
  }

  struct UHRI: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "uhri",
      abstract: "Import a Universal Human Rights Index export: the JSON export (read as a stream; any size), the Excel export (.xlsx) or a CSV saved from it.")

    @OptionGroup var options: ImportOptions
    @Option(help: "The language of the export's texts (export-full-en.json: en).")
    var language = "en"

    func run() throws {
      try Import.reporting(output: options.output) {
        try ImportRun.uhri(input: options.input, vocabulary: options.vocabulary(), language: language, options: options.run)
      }
    }
  }

  /// Runs an import, prints its summary, and exits 1 when it failed or imported nothing.
  static func reporting(output: String, _ body: () throws -> ImportReport) throws {
    let report: ImportReport
    do {
      report = try body()
    } catch let error as DiagnosticError {
      Terminal.print(error.diagnostics)
      Terminal.error("error: the import did not start; nothing was written")
      throw ExitCode(1)
    } catch let error as ImportFailure {
      Terminal.error("error: \(error.description)")
      throw ExitCode(1)
    }
    print(report.summary)
    print("Report with every unmapped value and its rows: \(output)/\(ImportRun.reportFileName)")
    if report.recommendations == 0 {
      Terminal.error("error: nothing could be imported")
      throw ExitCode(1)
    }
  }
}
