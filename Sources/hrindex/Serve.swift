import ArgumentParser
import Foundation
import SiteBuild
import SiteCore
import SitePreview

struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build the site, serve it on 127.0.0.1, and rebuild and reload open pages when its files change.",
    discussion: """
      Watches the content, templates and public folders (every 500 ms); each change rebuilds the site \
      (only changed files are rewritten) and reloads the pages open in the browser. While a build \
      fails, pages show its problems. Only files inside the output folder are ever served.

      The preview leaves out the exports (downloads, group lists, static API, feeds), which carry \
      every text: with them an edited text rebuilds the whole site, without them only its pages \
      and the search index (about a second at 270,000 recommendations). `--exports` writes them \
      as site.yml says; `hrindex build` always does.
      """)

  @OptionGroup var site: SiteOptions
  @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
  var port: UInt16 = 8000
  @Flag(help: "Also write the exports site.yml asks for on every rebuild (slower after an edited text).")
  var exports = false

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    var configuration = site.configuration
    if !exports { configuration.exports = ExportSettings.none }
    let state = PreviewState()
    rebuild(configuration, state)
    let server: PreviewServer
    do {
      server = try PreviewServer(responder: PreviewResponder(root: configuration.output, state: state), port: port)
    } catch {
      Terminal.error("error: \(error.description)")
      throw ExitCode(1)
    }
    server.start()
    let watcher = SourceWatcher(folders: watchedFolders)
    say("Serving \(site.output) at http://127.0.0.1:\(server.port)/ and watching \(watcher.folders.joined(separator: ", ")); Ctrl-C stops")
    var seen = watcher.fingerprint()
    while true {
      Thread.sleep(forTimeInterval: 0.5)
      let now = watcher.fingerprint()
      guard now != seen else { continue }
      seen = now
      rebuild(configuration, state)
    }
  }

  /// The folders a build reads: the content, and the templates and public folders in use.
  var watchedFolders: [String] { site.configuration.inputFolders }

  private func rebuild(_ configuration: BuildConfiguration, _ state: PreviewState) {
    let started = DispatchTime.now().uptimeNanoseconds
    let report = SiteBuilder.build(configuration)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    Terminal.print(report.diagnostics)
    if report.succeeded {
      say(String(format: "Built %d pages in %.2f s", report.pages, seconds))
      state.finishBuild(problems: nil)
    } else {
      let summary = Terminal.problemSummary(report.diagnostics)
      Terminal.error(summary)
      state.finishBuild(problems: report.diagnostics.map(\.description) + [summary])
    }
  }

  /// Prints a line at once (standard output is buffered when it is not a terminal).
  private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }
}
