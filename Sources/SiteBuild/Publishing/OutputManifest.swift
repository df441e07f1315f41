import Foundation
import SiteCore
import SiteFiles

/// The list of a published site's files with their hashes (`.hrindex-output`, one `hash path`
/// line each, sorted by path). It marks a folder as HRIndex's output, and tells the next build
/// which files it need not write again.
enum OutputManifest {
  static let fileName = ".hrindex-output"
  static let header = "hrindex output manifest 1"

  static func text(_ files: [String: UInt64]) -> String {
    var text = header + "\n"
    for path in files.keys.sorted() { text += ContentHash.hex(files[path]!) + " " + path + "\n" }
    return text
  }

  static func read(_ path: String) -> [String: UInt64]? {
    guard let bytes = RegularFile.read(path) else { return nil }
    return parse(String(decoding: bytes, as: UTF8.self))
  }

  static func parse(_ text: String) -> [String: UInt64]? {
    var lines = text.split(separator: "\n")
    guard lines.first == Substring(header) else { return nil }
    lines.removeFirst()
    var files: [String: UInt64] = [:]
    files.reserveCapacity(lines.count)
    for line in lines {
      guard line.count > 17, let hash = UInt64(line.prefix(16), radix: 16) else { return nil }
      let path = String(line.dropFirst(17))
      // A rebuild deletes what the manifest lists and it does not produce: only paths inside the copy.
      guard SitePublisher.staysInside(path) else { return nil }
      files[path] = hash
    }
    return files
  }
}

/// Changes a few lines of an output manifest (`hash path`, sorted by path) without parsing the
/// hundreds of thousands of others.
enum ManifestPatch {
  /// The manifest with `changes` applied (a hash: the file's new hash; nil: the file is gone),
  /// and its number of files; nil when `manifest` is not one.
  static func apply(_ changes: [String: UInt64?], to manifest: [UInt8]) -> ([UInt8], Int)? {
    let header = Array((OutputManifest.header + "\n").utf8)
    guard manifest.starts(with: header) else { return nil }
    // Byte order is the manifest's order only for ASCII paths; otherwise sort it whole.
    if manifest.contains(where: { $0 >= 0x80 }) || changes.keys.contains(where: { $0.utf8.contains { $0 >= 0x80 } }) {
      return slowApply(changes, to: manifest)
    }
    var lineStarts: [Int] = []
    lineStarts.reserveCapacity(manifest.count / 48)
    var i = header.count
    while i < manifest.count {
      lineStarts.append(i)
      while i < manifest.count && manifest[i] != 0x0A { i += 1 }
      i += 1
    }
    func path(_ line: Int) -> ArraySlice<UInt8> {
      let start = lineStarts[line] + 17
      var end = start
      while end < manifest.count && manifest[end] != 0x0A { end += 1 }
      return manifest[min(start, end)..<end]
    }
    var out = header
    out.reserveCapacity(manifest.count + changes.count * 64)
    var next = 0
    var count = 0
    func copyLines(upTo line: Int) {
      guard next < line else { return }
      let end = line < lineStarts.count ? lineStarts[line] : manifest.count
      out.append(contentsOf: manifest[lineStarts[next]..<end])
      count += line - next
      next = line
    }
    for key in changes.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let bytes = Array(key.utf8)
      // The first line whose path is not before `key`.
      var low = next
      var high = lineStarts.count
      while low < high {
        let mid = (low + high) / 2
        if path(mid).lexicographicallyPrecedes(bytes) { low = mid + 1 } else { high = mid }
      }
      copyLines(upTo: low)
      if next < lineStarts.count && path(next).elementsEqual(bytes) { next += 1 }
      if let hash = changes[key]! {
        out.append(contentsOf: (ContentHash.hex(hash) + " " + key + "\n").utf8)
        count += 1
      }
    }
    copyLines(upTo: lineStarts.count)
    return (out, count)
  }

  private static func slowApply(_ changes: [String: UInt64?], to manifest: [UInt8]) -> ([UInt8], Int)? {
    guard var files = OutputManifest.parse(String(decoding: manifest, as: UTF8.self)) else { return nil }
    for (path, hash) in changes { files[path] = hash }
    return (Array(OutputManifest.text(files).utf8), files.count)
  }
}
