import Foundation

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

  /// Writes the lines a chunk at a time (the manifest of a whole UHRI import is tens of MB).
  func save(to folder: String, source: String) throws {
    try FileManager.default.createDirectory(atPath: folder + "/" + Self.folderName, withIntermediateDirectories: true)
    try AtomicFile.write(to: Self.path(in: folder, source: source)) { handle in
      var chunk: [UInt8] = []
      chunk.reserveCapacity(1 << 20)
      for path in files.keys.sorted() {
        chunk += files[path]!.digest.hex.utf8
        chunk += "  ".utf8
        chunk += path.utf8
        chunk.append(0x0A)
        if chunk.count >= 1 << 20 {
          try handle.write(contentsOf: chunk)
          chunk.removeAll(keepingCapacity: true)
        }
      }
      try handle.write(contentsOf: chunk)
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

/// Writes a file by writing a hidden temporary file beside it and renaming it over the old one,
/// so that an interrupted import never leaves half a file. (No fsync: a re-run repairs a crash.)
enum AtomicFile {
  static func write(_ bytes: [UInt8], to path: String) throws {
    try write(to: path) { try $0.write(contentsOf: bytes) }
  }

  /// Calls `fill` with a handle on the temporary file, then renames it to `path`.
  static func write(to path: String, _ fill: (FileHandle) throws -> Void) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).importing").path
    guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
      throw ImportFailure("cannot write \(temporary)")
    }
    do {
      try fill(handle)
      try handle.close()
    } catch {
      try? handle.close()
      try? FileManager.default.removeItem(atPath: temporary)
      throw ImportFailure("cannot write \(path): \(error.localizedDescription)")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw ImportFailure("cannot write \(path): \(reason)")
    }
  }
}

/// An import that cannot go on: unreadable input, a broken mapping file, an unwritable folder.
public struct ImportFailure: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
