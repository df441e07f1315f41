import Foundation
import SiteCore
import SiteFiles

// How incremental builds fit together
//
// A build leaves two things beside its output: the manifest inside it (every file's hash, see
// `OutputManifest`) and the build state (`BuildState`: the source files' stamps and hashes, the
// fingerprint of every other input). The next build lists the content (`SourceTree`) and
// `BuildPlan.decide` compares:
// - the state vouches for the output, the same inputs (`InputFingerprint`) and the same files,
//   and every changed file changed only its text (`Edit.find`): the plan is a text edit — the
//   edited recommendations' pages in every language and a patch of the search index
//   (`EditedSite.make`), published as a patch of the current output;
// - anything else: the plan is a full build, published over the standby copy, where the manifest
//   lets unchanged files stay unwritten.
// Both plans end in `SitePublisher`, which writes the new state: the full build hands it each
// `OutputFile` as it is rendered (the whole site never sits in memory), the text edit its list.

/// What a build will do, decided before anything is written.
enum BuildPlan {
  /// Read every file and render every page.
  case full
  /// Publish the few files an edit of texts changed; the rest of the output stays.
  case textEdit(TextEditPlan)
  /// The output cannot be written (misplaced, or another build holds it).
  case refused([Diagnostic])

  /// The plan for `fresh` (the state of this build's listing, not yet filled in).
  static func decide(_ inputs: BuildInputs, _ fresh: BuildState, _ configuration: BuildConfiguration,
                     _ location: OutputLocation, _ log: inout BuildLog) -> BuildPlan {
    // An input with an error (a misnamed free page, say) may leave the fingerprint unchanged;
    // the full build reports it with every other problem and writes nothing.
    guard log.succeeded, let previous = BuildState.read(at: location), previous.fingerprint == fresh.fingerprint,
      fresh.tree.sameEntries(as: previous.tree)
    else { return .full }
    let lock: OutputLock
    do {
      try location.checkPlace(inputs: configuration.inputFolders)
      lock = try OutputLock(location)
    } catch {
      return .refused(error.diagnostics)
    }
    // Read under the lock: the state describes this output only while its manifest is the same file.
    guard FileStamp.of(location.manifest) == previous.outputMarker, let edit = Edit.find(previous, fresh.tree, inputs),
      !needsFullBuild(edit, inputs.config.exports)
    else {
      lock.release()
      return .full
    }
    log.lap("find edited texts")
    guard let site = EditedSite.make(edit, previous, inputs, location: location) else {
      lock.release()
      return .full
    }
    log.lap("render edited pages and search index")
    return .textEdit(TextEditPlan(edit: edit, site: site, previous: previous, fresh: fresh, location: location, lock: lock))
  }

  /// Whether an edit of texts alone (`Edit.find`: no title, front matter or file changed) still
  /// needs a full build. A text edit renders the edited recommendations' own pages, their
  /// countries' matrix pages (`EditedSite.matrices`), the follow-up progress reports they are on
  /// (page, `report.csv`, `report.xlsx`: `EditedSite.reports`) and patches the search index; every other file that carries a text would keep the old one: the
  /// exports, while any kind is on (`ExportSettings.hasDatasetFiles`): the downloads, the group
  /// lists and countries' `matrix.csv`, the static API and the feeds carry every text.
  static func needsFullBuild(_ edit: Edit, _ exports: ExportSettings) -> Bool {
    !edit.recommendations.isEmpty && exports.hasDatasetFiles
  }
}

/// A text edit, ready to publish: what changed, and the files it changes.
struct TextEditPlan {
  var edit: Edit
  var site: EditedSite
  var previous: BuildState
  var fresh: BuildState
  var location: OutputLocation
  /// Held from the decision until the edit is published.
  var lock: OutputLock

  /// Publishes the edit through the publisher, as a patch of the current output; with nothing
  /// changed and a standby copy the state vouches for, only the state is written anew.
  func publish(_ configuration: BuildConfiguration, _ inputs: BuildInputs, _ log: inout BuildLog) {
    defer { lock.release() }
    var state = nextState()
    log.report.diagnostics += state.warnings
    (log.report.recommendations, log.report.pages) = (previous.recommendations, previous.pages)
    (log.report.incremental, log.report.textEdits) = (true, edit.recommendations.count)
    let standbyTrusted = state.standbyMarker != nil && FileStamp.of(location.standbyManifest) == state.standbyMarker
    if site.files.isEmpty && site.removals.isEmpty && standbyTrusted {
      log.report.files = state.files
      SitePublisher.recordUnchanged(state, at: location)
      return
    }
    do throws(DiagnosticError) {
      let publisher = try SitePublisher(location, start: .patch(state, threads: configuration.threads))
      for file in site.files { try publisher.write(file) }
      for path in site.removals { publisher.remove(path) }
      try publisher.commit(&state, pages: state.pages, diagnostics: state.warnings, loader: inputs.content)
      (log.report.files, log.report.filesWritten) = (publisher.fileCount, publisher.written.count)
    } catch {
      log.report.diagnostics += error.diagnostics
    }
    log.lap("publish")
  }

  /// The previous state with this listing's stamps, the edited files' hashes and their warnings.
  private func nextState() -> BuildState {
    var state = previous
    state.tree = fresh.tree
    state.listedAt = fresh.listedAt
    for (k, hash) in edit.contentHash { state.contentHash[k] = hash }
    state.warnings = previous.warnings.filter { !edit.changedPaths.contains($0.location?.path ?? "") } + edit.diagnostics
    return state
  }
}
