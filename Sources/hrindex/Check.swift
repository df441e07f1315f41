import ArgumentParser
import Foundation
import SiteBuild
import SiteCore

extension DiagnosticFormat: ExpressibleByArgument {}

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate the site as a build would (settings, vocabularies, theme, pages, every recommendation) and write nothing.",
    discussion: "Exits 0 when there is no error (warnings allowed), 1 otherwise. For CI: --format github prints workflow annotations, --format json one JSON document.")

  @Option(help: "The content folder: site.yml, recommendations/, pages/, vocabularies/.")
  var content = "Content"
  @Option(help: "Templates folder (default: Templates/ beside the content folder, else the built-in theme).")
  var templates: String?
  @Option(name: .customLong("public"), help: "Static assets folder (default: Public/ beside the content folder, else the built-in assets).")
  var publicFolder: String?
  @Option(help: "How problems are printed: text (to standard error), json or github (to standard output).")
  var format: DiagnosticFormat = .text
  @Option(help: "Worker threads (default: the machine's cores).")
  var threads: Int?

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
  }

  func run() throws {
    let configuration = BuildConfiguration(content: content, templates: templates, publicFolder: publicFolder, threads: threads)
    let report = SiteBuilder.check(configuration)
    let diagnostics = report.diagnostics
    switch format {
    case .text:
      for d in diagnostics { Terminal.error(d.description) }
      if report.succeeded {
        let warnings = diagnostics.warningCount == 0 ? "" : " (\(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s"))"
        print("Checked \(report.recommendations) recommendations in \(content): no errors\(warnings)")
      } else {
        Terminal.error(Terminal.problemSummary(diagnostics, written: false))
      }
    case .json, .github:
      FileHandle.standardOutput.write(Data(format.render(diagnostics).utf8))
    }
    if !report.succeeded { throw ExitCode(1) }
  }
}
