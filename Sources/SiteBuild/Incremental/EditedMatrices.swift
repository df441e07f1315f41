import SiteCore
import SiteFiles
import SiteTemplates

extension EditedSite {
  /// The country matrix pages an edit of texts changes, in every language and grouping. Each row
  /// shows its recommendation's full text and nothing else on the page depends on a text, so the
  /// rows of the edited recommendations (`model` holds them alone) are rewritten in place in the
  /// pages the last build published: byte for byte what a full build writes, without reading
  /// the country's other recommendations. nil when a page or one of the rows is not there (then
  /// the build runs whole). The CSV beside them is an export: with exports on, an edit runs the
  /// whole build.
  static func matrices(_ model: SiteModel, _ inputs: BuildInputs, location: OutputLocation) -> [OutputFile]? {
    var files: [OutputFile] = []
    let countries = model.catalog.terms(.country)
    for language in inputs.config.languages {
      let builder = PageContextBuilder(model: model, strings: inputs.strings(language), language: language)
      // The model's catalog lists every country of the last build; only the edited records' have members.
      for (g, group) in countries.enumerated() where !group.members.isEmpty {
        for grouping in MatrixGrouping.allCases {
          let path = builder.prefix + Route.countryMatrix(group: g, grouping: grouping).path(in: model) + "index.html"
          guard var page = RegularFile.read(location.path + "/" + path) else { return nil }
          for i in group.members {
            let id = "\(model.catalog.recommendations[i].id)"
            guard MatrixRows.replaceText(of: id, with: Array(model.text(i, in: language).text.html.rawValue.utf8), in: &page) else {
              return nil
            }
          }
          files.append(OutputFile(path: path, bytes: page))
        }
      }
    }
    return files
  }
}

/// The rows of a published matrix page, found by the link of their reference cell
/// (`…recommendations/<id>/"><bdi>`), each followed by its text cell (`<td class="rec-text"…>`).
enum MatrixRows {
  /// Replaces the content of the text cell of every row of recommendation `id` in `page` with
  /// `html`; false when the page has no such row. A text's HTML (cmark's, safe mode, no tables)
  /// holds no `</td>`, so the cell ends at the first one.
  static func replaceText(of id: String, with html: [UInt8], in page: inout [UInt8]) -> Bool {
    let link = Array("recommendations/\(id)/\"><bdi>".utf8)
    let cell = Array("<td class=\"rec-text\"".utf8)
    let close = Array("</td>".utf8)
    var from = 0
    var found = false
    while let at = page.firstIndex(of: link, from: from) {
      from = at + link.count
      // The link's path starts the attribute or follows a folder: not the tail of a longer id.
      guard at > 0, page[at - 1] == UInt8(ascii: "/") || page[at - 1] == UInt8(ascii: "\"") else { continue }
      guard let open = page.firstIndex(of: cell, from: from),
        let start = page[open...].firstIndex(of: UInt8(ascii: ">")).map({ $0 + 1 }),
        let end = page.firstIndex(of: close, from: start)
      else { return false }
      page.replaceSubrange(start..<end, with: html)
      from = start + html.count + close.count
      found = true
    }
    return found
  }
}
