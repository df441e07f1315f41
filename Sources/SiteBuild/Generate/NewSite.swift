import Foundation
import SiteFiles

/// The starting point `hrindex new` writes: a content folder with the settings, one
/// recommendation and an About page, which builds as it is.
public enum NewSite {
  /// Each file of the new content folder: path inside it → text.
  public static let files: [(path: String, text: String)] = [
    ("site.yml", """
      # The site's settings: docs/content-format.md describes every key.
      title: My human rights recommendations index
      language: en
      languages: [en]
      page_size: 50
      # base_url: https://example.org/my-index/

      """),
    ("recommendations/a-hrc-36-4-118-64.md", """
      ---
      document: A/HRC/36/4
      paragraph: "118.64"
      country: ECU
      mechanism: upr
      body: UPR
      date: 2017-07-11
      cycle: 3
      recommending_states: [GBR]
      response: supported
      themes: [trafficking-and-contemporary-slavery]
      affected_persons: [vulnerable-persons-and-groups]
      sdgs: ["8", "8.7"]
      ---
      Develop a national strategy against modern slavery that contributes to SDG target 8.7.

      """),
    ("pages/about.md", """
      ---
      title: About this index
      ---
      This index gathers the recommendations that United Nations human rights mechanisms have
      addressed to States. Add one Markdown file per recommendation under `recommendations/`,
      then run `hrindex check` to validate them and `hrindex build` to write the site.

      """),
  ]

  /// Writes the files into `folder`, which must not exist or be empty; returns their paths.
  @discardableResult
  public static func write(to folder: String) throws -> [String] {
    guard Folder.entries(folder, includeHidden: true).isEmpty else {
      throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: folder,
        NSLocalizedDescriptionKey: "\(folder) is not empty: hrindex new writes only into a new or empty folder"])
    }
    var written: [String] = []
    for (path, text) in files {
      let full = folder + "/" + path
      try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: full, atomically: false, encoding: .utf8)
      written.append(full)
    }
    return written
  }
}
