import Foundation
import SiteCore

/// A large output file (a download) written piece by piece into the scratch folder beside the
/// standby copy, then handed whole to `SitePublisher.adopt`: the file never sits in memory.
final class ScratchFile {
  let path: String
  private let handle: UnsafeMutablePointer<FILE>
  private var buffer: [UInt8] = []
  private static let flushAt = 1 << 20

  /// Opens a new scratch file named after the output path `name` (`downloads/x.csv`).
  init(_ publisher: SitePublisher, for name: String) throws(DiagnosticError) {
    path = try publisher.scratchPath(for: name)
    guard let handle = fopen(path, "wb") else { throw StandbyCopy.failure("cannot create", path) }
    self.handle = handle
    buffer.reserveCapacity(Self.flushAt + 65_536)
  }

  deinit { fclose(handle) }

  func append(_ bytes: [UInt8]) throws(DiagnosticError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.flushAt { try flush() }
  }

  func append(_ text: String) throws(DiagnosticError) { try append(Array(text.utf8)) }

  /// Appends what `fill` adds to a buffer (with no copy when the buffer has room).
  func append(_ fill: (inout [UInt8]) -> Void) throws(DiagnosticError) {
    fill(&buffer)
    if buffer.count >= Self.flushAt { try flush() }
  }

  private func flush() throws(DiagnosticError) {
    let count = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
    guard count == buffer.count else { throw StandbyCopy.failure("cannot write", path) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is left and closes the file, ready for `SitePublisher.adopt`.
  func finish() throws(DiagnosticError) {
    try flush()
    guard fflush(handle) == 0 else { throw StandbyCopy.failure("cannot write", path) }
  }
}

/// A file's bytes mapped into memory (read only), for hashing and comparing without a copy.
struct MappedFile: ~Copyable {
  let bytes: UnsafeRawBufferPointer

  init?(_ path: String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    if size == 0 {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      return
    }
    guard let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), start != MAP_FAILED else { return nil }
    bytes = UnsafeRawBufferPointer(start: start, count: size)
  }

  deinit {
    if let start = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: start), bytes.count) }
  }

  func sameBytes(as other: borrowing MappedFile) -> Bool {
    bytes.count == other.bytes.count && (bytes.count == 0 || memcmp(bytes.baseAddress!, other.bytes.baseAddress!, bytes.count) == 0)
  }
}
