import Foundation
import SiteCore
import SiteFiles

/// Runs a build: load the inputs → list the content → decide the plan → produce the files →
/// publish them.
///
/// Nothing is written unless every input is valid: problems are collected from every stage that
/// can run and reported together, and the output folder changes only by the publisher's final
/// exchange. `docs/architecture.md` draws the stages and the values between them.
public enum SiteBuilder {
  public static func build(_ configuration: BuildConfiguration) -> BuildReport {
    var log = BuildLog()
    let (loaded, problems) = BuildInputs.load(configuration)
    log.add(problems)
    guard let inputs = loaded else { return log.finished() }
    log.lap("load settings, vocabularies and theme")
    let listedAt = FileStamp.now()
    let tree = SourceTree.scan(root: inputs.content.root, folder: "recommendations", threads: configuration.threads)
    let draft = BuildState(tree: tree, listedAt: listedAt, fingerprint: InputFingerprint.of(inputs, configuration: configuration))
    log.lap("list recommendations")
    let location = OutputLocation(configuration.output)
    switch BuildPlan.decide(inputs, draft, configuration, location, &log) {
    case .refused(let problems): log.add(problems)
    case .textEdit(let plan): plan.publish(configuration, inputs, &log)
    case .full: FullBuild(inputs: inputs, configuration: configuration, location: location).run(draft, &log)
    }
    return log.finished()
  }
}
