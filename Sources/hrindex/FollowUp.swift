import ArgumentParser
import Foundation
import SiteBuild
import SiteCore
import SiteFiles
import SiteImport

struct FollowUpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "follow-up",
    abstract: "Exchange national follow-up with a spreadsheet: export a country's sheet, import the updates filled in.",
    subcommands: [Export.self, Import.self])
}

extension FollowUpCommand {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write one CSV row per recommendation to a country: id, text, current status, responsible, due, and blank new_update_ columns.")

    @Option(help: "The content folder.")
    var content = "Content"
    @Option(help: "The ISO 3166-1 alpha-3 code of the country, such as ECU.")
    var country: String
    @Option(help: "The CSV file to write.")
    var output: String

    func run() throws {
      let vocabulary = try loadVocabulary(content)
      switch FollowUpSheet.export(content: content, country: country, vocabulary: vocabulary) {
      case .failure(let error):
        Terminal.print(error.diagnostics)
        throw ExitCode(1)
      case .success(let (bytes, rows)):
        do { try AtomicFile.write(bytes, to: output) } catch {
          Terminal.error("error: \(error)")
          throw ExitCode(1)
        }
        print("Wrote \(rows) recommendations of \(country.uppercased()) to \(output)")
      }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add the new updates of a sheet (as export wrote it, filled in) to the files' follow_up.updates; any bad row and nothing is written.")

    @Option(help: "The content folder.")
    var content = "Content"
    @Option(help: "The CSV sheet to read.")
    var input: String

    func run() throws {
      let vocabulary = try loadVocabulary(content)
      guard let bytes = RegularFile.read(input) else {
        Terminal.error("error: cannot read \(input)")
        throw ExitCode(1)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      switch FollowUpSheet.apply(content: content, sheet: text, sheetPath: input, vocabulary: vocabulary) {
      case .failure(let error):
        Terminal.print(error.diagnostics)
        Terminal.error("error: \(error.diagnostics.errorCount) problems; no file was changed")
        throw ExitCode(1)
      case .success(let result):
        print("Added \(result.updatesAdded) updates to \(result.filesChanged.count) files; \(result.rowsWithoutUpdate) rows had no new update")
        for file in result.filesChanged { print("  \(file)") }
      }
    }
  }
}

private func loadVocabulary(_ content: String) throws -> Vocabulary {
  switch VocabularyLoader(contentFolder: content).load() {
  case .success(let vocabulary): return vocabulary
  case .failure(let error):
    Terminal.print(error.diagnostics)
    throw ExitCode(1)
  }
}
