import ArgumentParser
import Foundation
import SiteBuild
import SiteCore

@main
struct HRIndex: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hrindex",
    abstract: "Builds a static website of UN human-rights recommendations from a folder of Markdown files.",
    subcommands: [Build.self, Check.self, New.self, Generate.self, Import.self, FollowUpCommand.self, Serve.self],
    defaultSubcommand: Build.self)
}

/// Where the site comes from and goes to; every command that builds accepts these.
struct SiteOptions: ParsableArguments {
  @Option(help: "The content folder: site.yml, recommendations/, pages/, vocabularies/.")
  var content = "Content"
  @Option(help: "Templates folder (default: Templates/ beside the content folder, else the built-in theme).")
  var templates: String?
  @Option(name: .customLong("public"), help: "Static assets folder (default: Public/ beside the content folder, else the built-in assets).")
  var publicFolder: String?
  @Option(help: "Where the site is written; replaced whole, atomically, by each successful build.")
  var output = "Output"
  @Option(name: .customLong("base-url"), help: "The site's public URL, such as https://example.org/uhri/ (overrides site.yml).")
  var baseURL: String?
  @Option(help: "Worker threads for every stage (default: the machine's cores). The output is the same for any number.")
  var threads: Int?

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
    if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
      throw ValidationError("--base-url must be an absolute http(s) URL, such as https://example.org/uhri/")
    }
  }

  var configuration: BuildConfiguration {
    BuildConfiguration(
      content: content, templates: templates, publicFolder: publicFolder, output: output, baseURL: baseURL, threads: threads)
  }
}

struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

  @OptionGroup var site: SiteOptions
  @Flag(help: "Print the time each stage took.")
  var timings = false

  func run() throws {
    let started = DispatchTime.now().uptimeNanoseconds
    var configuration = site.configuration
    configuration.progress = ProgressDisplay.forStandardError()
    let report = SiteBuilder.build(configuration)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    ProgressDisplay.finish()
    Terminal.print(report.diagnostics)
    if timings {
      let width = report.stages.map(\.name.count).max() ?? 0
      for stage in report.stages {
        // Padded here: `%-40@` does not pad on Linux's Foundation.
        let name = stage.name + String(repeating: " ", count: width - stage.name.count)
        Terminal.error("  " + name + String(format: " %7.3f s  (CPU %.3f s)", stage.seconds, stage.cpuSeconds))
      }
      Terminal.error("  memory allocator: \(Allocator.description)")
    }
    guard report.succeeded else {
      Terminal.error(Terminal.problemSummary(report.diagnostics))
      throw ExitCode(1)
    }
    var written = report.incremental ? String(format: " (%d of %d files changed)", report.filesWritten, report.files) : ""
    if let edits = report.textEdits {
      written += " by a text edit (\(edits) recommendation\(edits == 1 ? "" : "s") re-rendered)"
    }
    print(String(format: "Built %d pages from %d recommendations into %@%@ in %.2f s",
      report.pages, report.recommendations, site.output, written, seconds))
  }
}

enum Terminal {
  static func print(_ diagnostics: [Diagnostic]) {
    for d in diagnostics { error(d.description) }
  }

  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// "2 errors, 1 warning in 3 files".
  static func problemSummary(_ diagnostics: [Diagnostic], written: Bool = true) -> String {
    let files = Set(diagnostics.compactMap { $0.location?.path }).count
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    var text = plural(diagnostics.errorCount, "error")
    if diagnostics.warningCount > 0 { text += ", " + plural(diagnostics.warningCount, "warning") }
    if files > 0 { text += " in " + plural(files, "file") }
    return text + (written ? "; the output was not changed" : "")
  }
}
