import Foundation
import SiteCore
import SiteFiles

/// One number for everything a build reads besides the recommendation files: the program, the
/// options, site.yml, the vocabularies, the theme (templates, strings, assets) and the free
/// pages. A build may reuse an earlier one's pages only while it is the same.
enum InputFingerprint {
  static func of(_ inputs: BuildInputs, configuration: BuildConfiguration) -> UInt64 {
    var bytes: [UInt8] = []
    func add(_ text: String) {
      bytes.append(contentsOf: text.utf8)
      bytes.append(0)
    }
    add(programIdentity())
    for option in [configuration.content, configuration.templates, configuration.publicFolder, configuration.baseURL] {
      add(option ?? "-")
    }
    // The exports in effect (site.yml's, or `hrindex serve`'s none), not the option itself.
    add(inputs.config.exports.enabled.map(\.rawValue).sorted().joined(separator: ","))
    for (path, text) in inputs.settings {
      add(path)
      add(text)
    }
    for table in [inputs.theme.templates, inputs.theme.strings] {
      for name in table.keys.sorted() {
        add(name)
        add(table[name]!.path)
        add(table[name]!.text)
      }
    }
    for name in inputs.theme.assets.keys.sorted() {
      add(name)
      switch inputs.theme.assets[name]! {
      case .embedded(let text): add(text)
      case .file(let path):
        add(path)
        bytes.append(contentsOf: RegularFile.read(path) ?? [0xFF])
        bytes.append(0)
      }
    }
    for page in inputs.pages {
      add(page.name)
      add(page.title)
      add(page.html.rawValue)
      add(page.language)
      for language in page.translations.keys.sorted() {
        add(language)
        add(page.translations[language]!.title)
        add(page.translations[language]!.html.rawValue)
      }
    }
    return ContentHash.of(bytes)
  }

  /// The running program's file, by place and stamp: a rebuilt `hrindex` may render differently.
  static func programIdentity() -> String {
    let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    let stamp = FileStamp.of(path) ?? FileStamp()
    return "\(path) \(stamp.size) \(stamp.modified) \(stamp.inode)"
  }
}
