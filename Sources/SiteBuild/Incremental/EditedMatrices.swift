import SiteCore
import SiteTemplates

extension EditedSite {
  /// The country matrix pages an edit of texts changes, in every language and grouping: each row
  /// shows its recommendation's full text. Every recommendation of each edited one's country is
  /// read again (the build state names each entry's country) and the pages are made from them
  /// alone, byte for byte what a full build writes; nil if any cannot be read (then the build
  /// runs whole). The CSV beside them is an export: with exports on, an edit runs the whole build.
  static func matrices(_ edit: Edit, _ previous: BuildState, _ inputs: BuildInputs) -> [OutputFile]? {
    guard previous.country.count == previous.roles.count else { return nil }
    let countries = Set(edit.recommendations.map { previous.country[$0] }.filter { $0 >= 0 && Int($0) < previous.countryKeys.count })
    guard !countries.isEmpty else { return [] }
    let entries = previous.roles.indices.filter { k in
      previous.roles[k] == BuildState.Role.recommendation.rawValue && countries.contains(previous.country[k])
    }
    guard let (model, _) = model(edit, previous, inputs, only: entries) else { return nil }
    let keys = Set(countries.map { previous.countryKeys[Int($0)] })
    let groups = model.catalog.terms(.country).indices.filter { keys.contains(model.catalog.terms(.country)[$0].key) }
    var files: [OutputFile] = []
    for language in inputs.config.languages {
      let builder = PageContextBuilder(model: model, strings: inputs.strings(language), language: language)
      for g in groups {
        for grouping in MatrixGrouping.allCases {
          let page = builder.context(for: .countryMatrix(group: g, grouping: grouping))
          files.append(OutputFile(path: page.file, bytes: inputs.renderer.renderBytes(page.template, .object(page.values))))
        }
      }
    }
    return files
  }
}
