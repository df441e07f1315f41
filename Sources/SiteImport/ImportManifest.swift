import Foundation

/// `<content>/.hrindex-import.json`: the SHA-256 of every file an import wrote, so that the
/// next import can tell its own unchanged output from a file someone edited since.
///
/// A hidden file, so the build never reads it. Kept sorted, so that the same imports give the
/// same bytes.
struct ImportManifest: Codable, Equatable {
  struct Entry: Codable, Equatable {
    var sha256: String
    /// The importer that wrote the file (`upr-info`, `uhri`); several can share a content folder.
    var source: String
  }

  static let fileName = ".hrindex-import.json"
  static let currentFormat = "hrindex-import-manifest/1"

  var format = currentFormat
  /// Content-relative path → what was written there.
  var files: [String: Entry] = [:]

  /// The manifest of `folder`, or an empty one when there is none yet.
  static func load(from folder: String) throws -> ImportManifest {
    let path = folder + "/" + fileName
    guard let data = FileManager.default.contents(atPath: path) else { return ImportManifest() }
    do {
      let manifest = try JSONDecoder().decode(ImportManifest.self, from: data)
      guard manifest.format == currentFormat else { throw ImportFailure("\(path): unknown manifest format \"\(manifest.format)\"") }
      return manifest
    } catch let failure as ImportFailure {
      throw failure
    } catch {
      throw ImportFailure("\(path) is not a readable import manifest (\(error)); move it away to import afresh")
    }
  }

  func save(to folder: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    try data.write(to: URL(fileURLWithPath: folder + "/" + Self.fileName), options: .atomic)
  }
}

/// An import that cannot go on: unreadable input, a broken mapping file, an unwritable folder.
public struct ImportFailure: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
