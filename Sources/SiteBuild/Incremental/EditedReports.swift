import Foundation
import SiteCore
import SiteFiles
import SiteTemplates

extension EditedSite {
  /// The files of the follow-up progress reports an edit of texts changes, in every language: the
  /// report page and its `report.csv` and `report.xlsx` show the text of each recommendation on
  /// them. Each such report is made again from all its recommendations (the build state numbers
  /// every tracked recommendation's report), read again, against the date the last full build
  /// counted overdue against; nil if any cannot be read or written (then the build runs whole).
  /// The other follow-up pages show titles, statuses and dates, which a text edit leaves alone.
  static func reports(_ edit: Edit, _ previous: BuildState, _ inputs: BuildInputs, location: OutputLocation) -> [OutputFile]? {
    let numbers = Set(edit.decoded.compactMap { e, d in d.0.followUp == nil ? nil : previous.report[e] }.filter { $0 >= 0 })
    guard !numbers.isEmpty else { return [] }
    let reader = RecommendationReader(inputs)
    var records: [(Recommendation, RenderedText)] = []
    for e in previous.report.indices where numbers.contains(previous.report[e]) {
      guard let decoded = edit.decoded[e] ?? reader.read(previous.tree.path(e)).0.map({ ($0.recommendation, $0.text) }) else { return nil }
      records.append(decoded)
    }
    let catalog = Catalog.partial(records.map(\.0), countries: previous.countryKeys)
    let texts = Dictionary(uniqueKeysWithValues: records.map { (ObjectIdentifier($0.0), $0.1) })
    let model = SiteModel(config: config(inputs, previous), vocabulary: inputs.vocabulary, catalog: catalog,
      texts: catalog.recommendations.map { texts[ObjectIdentifier($0)]! }, translations: catalog.recommendations.map { _ in [:] },
      pages: inputs.pages)
    guard (try? FileManager.default.createDirectory(atPath: location.scratch, withIntermediateDirectories: true)) != nil else { return nil }
    let workbook = location.scratch + "/edited-report.xlsx"
    defer { unlink(workbook) }
    var files: [OutputFile] = []
    for language in inputs.config.languages {
      let builder = PageContextBuilder(model: model, strings: inputs.strings(language), language: language)
      for (c, country) in model.followUp.countries.enumerated() {
        for r in country.reports.indices {
          let page = builder.context(for: .followUpReport(country: c, report: r))
          files.append(OutputFile(path: page.file, bytes: inputs.renderer.renderBytes(page.template, .object(page.values))))
          let path = builder.prefix + builder.reportFilePath(country: c, report: r)
          let rows = builder.reportRows(country: c, report: r)
          files.append(OutputFile(path: path + ".csv", bytes: PageContextBuilder.reportCSV(rows)))
          guard (try? SiteBuilder.writeReportWorkbook(builder, rows, to: workbook)) != nil,
            let bytes = RegularFile.read(workbook)
          else { return nil }
          files.append(OutputFile(path: path + ".xlsx", bytes: bytes))
        }
      }
    }
    return files
  }

  /// The site's settings as the last full build used them: overdue counted against its date
  /// (`follow_up.as_of`, else the latest update of the whole content), not the few records read again.
  static func config(_ inputs: BuildInputs, _ previous: BuildState) -> SiteConfig {
    var config = inputs.config
    config.followUp.asOf = previous.followUpAsOf.isEmpty ? nil : previous.followUpAsOf
    return config
  }
}
