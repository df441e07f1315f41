import SiteCore
import SiteFiles

extension SiteBuilder {
  /// Validates everything a build validates — settings, vocabularies, theme, free pages, every
  /// recommendation and translation, the catalog, the assets — and writes nothing: the check a
  /// CI job runs before (or instead of) a build. The report holds every problem; it counts
  /// recommendations but no pages or files.
  public static func check(_ configuration: BuildConfiguration) -> BuildReport {
    var log = BuildLog()
    let (loaded, problems) = BuildInputs.load(configuration)
    log.add(problems)
    guard let inputs = loaded else { return log.finished() }
    log.lap("load settings, vocabularies and theme")
    let tree = SourceTree.scan(root: inputs.content.root, folder: "recommendations", threads: configuration.threads)
    var state = BuildState(tree: tree, listedAt: FileStamp.now(), fingerprint: InputFingerprint.of(inputs, configuration: configuration))
    log.lap("list recommendations")
    // The same reading the full build does, up to the model; the output location is never touched.
    let reading = FullBuild(inputs: inputs, configuration: configuration, location: OutputLocation(configuration.output))
    _ = reading.model(&state, &log)
    log.add(inputs.theme.unreadableAssets())
    log.lap("check assets")
    return log.finished()
  }
}

extension Theme {
  /// An error for each asset file the build could not copy.
  func unreadableAssets() -> [Diagnostic] {
    assets.keys.sorted().compactMap { name in
      guard case .file(let path) = assets[name]!, RegularFile.read(path) == nil else { return nil }
      return .error(at: SourceLocation(path: path), "cannot read the asset")
    }
  }
}
