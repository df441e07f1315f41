import Foundation
import SiteFiles

/// What one importer wrote into a content folder: `<content>/.hrindex-import/<source>.sha256`,
/// one line `<sha256>  <path>` per file, sorted by path. That is `sha256sum`'s format, so
/// `cd Content && sha256sum --quiet -c .hrindex-import/uhri.sha256` lists the files edited since.
///
/// The next import rewrites a file only when it still has the recorded digest. The folder is
/// hidden, so the build never reads it.
struct ImportManifest {
  static let folderName = ".hrindex-import"

  /// Content-relative path → the digest of what the importer last wrote there.
  var files: [String: Entry] = [:]

  struct Entry: Equatable {
    var digest: Digest
    /// Whether the current import made (or kept) the file; not saved.
    var made = false
  }

  static func path(in folder: String, source: String) -> String { "\(folder)/\(folderName)/\(source).sha256" }

  /// The manifest of `source` in `folder`, or an empty one when there is none yet.
  static func load(from folder: String, source: String) throws -> ImportManifest {
    let path = Self.path(in: folder, source: source)
    guard let data = FileManager.default.contents(atPath: path) else { return ImportManifest() }
    var manifest = ImportManifest()
    for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
      let parts = line.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, let digest = Digest(hex: parts[0]), parts[1].hasPrefix(" ") else {
        throw ImportFailure("\(path):\(index + 1): not a line \"<sha256>  <path>\"; move the file away to import afresh")
      }
      manifest.files[String(parts[1].dropFirst())] = Entry(digest: digest)
    }
    return manifest
  }

  /// Writes the manifest whole or not at all.
  func save(to folder: String, source: String) throws {
    try FileManager.default.createDirectory(atPath: folder + "/" + Self.folderName, withIntermediateDirectories: true)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(files.count * 100)
    for path in files.keys.sorted() {
      bytes += files[path]!.digest.hex.utf8
      bytes += "  ".utf8
      bytes += path.utf8
      bytes.append(0x0A)
    }
    do {
      try AtomicFile.write(bytes, to: Self.path(in: folder, source: source))
    } catch {
      throw ImportFailure(error.description)
    }
  }
}

/// A SHA-256 digest held in four words, so that a manifest of 300,000 files stays small.
struct Digest: Hashable, Sendable {
  var words: (UInt64, UInt64, UInt64, UInt64)

  init<Bytes: Collection>(of bytes: Bytes) where Bytes.Element == UInt8 {
    let d = SHA256.digest(bytes)
    func word(_ at: Int) -> UInt64 { d[at..<at + 8].reduce(0) { $0 << 8 | UInt64($1) } }
    words = (word(0), word(8), word(16), word(24))
  }

  init?<S: StringProtocol>(hex: S) {
    guard hex.utf8.count == 64 else { return nil }
    var parsed: [UInt64] = []
    var index = hex.startIndex
    for _ in 0..<4 {
      let end = hex.index(index, offsetBy: 16)
      guard let word = UInt64(hex[index..<end], radix: 16) else { return nil }
      parsed.append(word)
      index = end
    }
    words = (parsed[0], parsed[1], parsed[2], parsed[3])
  }

  var hex: String {
    [words.0, words.1, words.2, words.3].map { word in
      let digits = String(word, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }.joined()
  }

  static func == (a: Self, b: Self) -> Bool { a.words == b.words }
  func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
  }
}

/// An import that cannot go on: unreadable input, a broken mapping file, an unwritable folder.
public struct ImportFailure: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
