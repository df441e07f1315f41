import CDeflate
import Foundation
import SiteCore

/// A zip archive written front to back into one file: the container of the XLSX downloads
/// (`XLSXWorkbook`), and the one place that calls zlib.
///
/// Entries are deflated as they are written, so a workbook of 270,000 recommendations never
/// sits in memory; each entry's local header is completed once its data is written (CRC and
/// sizes), so no data descriptor is needed. Every entry carries the same time stamp, so the same
/// entries give the same bytes. No zip64: an entry or archive of 4 GiB or more is an error.
final class ZipArchive {
  /// zlib's level. Deflating was a sixth of a 270,000-recommendation build's CPU time at the
  /// level libxlsxwriter fixes (6); at 1 the workbooks are a quarter larger (365 MB against
  /// 310 MB in all) and the build takes about 9 CPU-seconds less.
  static let level: Int32 = 1

  private struct Entry {
    var name: [UInt8]
    var offset: UInt64
    var crc: UInt32 = 0
    var compressed: UInt64 = 0
    var size: UInt64 = 0
  }

  let path: String
  private let file: UnsafeMutablePointer<FILE>
  private let stamp: (time: UInt16, date: UInt16)
  private var entries: [Entry] = []
  private var written: UInt64 = 0
  private var output: [UInt8] = []
  private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
  /// Where deflate puts its output before it joins `output`.
  private var deflated = [UInt8](repeating: 0, count: 1 << 16)
  private var open = false

  /// Creates the file `path`, every entry dated `modified` (seconds since 1970, UTC).
  init(path: String, modified: time_t) throws(DiagnosticError) {
    guard let file = fopen(path, "wb") else { throw Self.failure("cannot create", path) }
    self.path = path
    self.file = file
    stamp = Self.dosStamp(modified)
    output.reserveCapacity(1 << 18)
  }

  deinit {
    if open { deflateEnd(stream) }
    stream.deallocate()
    fclose(file)
  }

  /// Adds a whole entry.
  func add(_ name: String, _ bytes: [UInt8]) throws(DiagnosticError) {
    try begin(name)
    try write(bytes)
    try end()
  }

  /// Starts an entry whose data `write` then delivers piece by piece, up to `end()`.
  func begin(_ name: String) throws(DiagnosticError) {
    precondition(!open, "an entry is already open")
    entries.append(Entry(name: Array(name.utf8), offset: written))
    try emit(localHeader(entries[entries.count - 1]))
    stream.initialize(to: z_stream())
    let made = deflateInit2_(stream, Self.level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                             Int32(MemoryLayout<z_stream>.size))
    guard made == Z_OK else { throw Self.failure("cannot start deflating into", path) }
    open = true
  }

  /// Deflates `bytes` into the open entry.
  func write(_ bytes: [UInt8]) throws(DiagnosticError) {
    guard !bytes.isEmpty else { return }
    var entry = entries[entries.count - 1]
    let failed = bytes.withUnsafeBufferPointer { input -> Bool in
      entry.crc = UInt32(crc32(uLong(entry.crc), input.baseAddress, uInt(input.count)))
      stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.pointee.avail_in = uInt(input.count)
      return !deflateAll(Z_NO_FLUSH)
    }
    entry.size += UInt64(bytes.count)
    entries[entries.count - 1] = entry
    stream.pointee.next_in = nil
    if failed { throw Self.failure("cannot deflate into", path) }
    try flushOutput()
  }

  /// Finishes the open entry and completes its local header.
  func end() throws(DiagnosticError) {
    precondition(open, "no entry is open")
    stream.pointee.next_in = nil
    stream.pointee.avail_in = 0
    let finished = deflateAll(Z_FINISH)
    deflateEnd(stream)
    open = false
    guard finished else { throw Self.failure("cannot deflate into", path) }
    var entry = entries[entries.count - 1]
    entry.compressed = written - entry.offset - UInt64(30 + entry.name.count)
    entries[entries.count - 1] = entry
    guard entry.size < UInt64(UInt32.max), entry.compressed < UInt64(UInt32.max) else {
      throw Self.failure("a workbook part is too large (4 GiB or more) for", path)
    }
    // CRC, compressed and uncompressed size, at offset 14 of the local header.
    var patch: [UInt8] = []
    Self.put32(entry.crc, &patch)
    Self.put32(UInt32(entry.compressed), &patch)
    Self.put32(UInt32(entry.size), &patch)
    try flushOutput()
    guard fseeko(file, off_t(entry.offset + 14), SEEK_SET) == 0,
      fwrite(patch, 1, patch.count, file) == patch.count,
      fseeko(file, 0, SEEK_END) == 0
    else { throw Self.failure("cannot write", path) }
  }

  /// Writes the central directory and closes the file.
  func finish() throws(DiagnosticError) {
    precondition(!open, "an entry is still open")
    let start = written
    for entry in entries { try emit(centralHeader(entry)) }
    guard written < UInt64(UInt32.max), entries.count < 0xFFFF else {
      throw Self.failure("the workbook is too large (4 GiB or more) for", path)
    }
    var end: [UInt8] = []
    Self.put32(0x0605_4b50, &end)
    Self.put16(0, &end)
    Self.put16(0, &end)
    Self.put16(UInt16(entries.count), &end)
    Self.put16(UInt16(entries.count), &end)
    Self.put32(UInt32(written - start), &end)
    Self.put32(UInt32(start), &end)
    Self.put16(0, &end)
    try emit(end)
    try flushOutput()
    guard fflush(file) == 0 else { throw Self.failure("cannot write", path) }
  }

  /// Runs deflate until it has taken all its input (and, with Z_FINISH, ended the stream),
  /// collecting its output; false when zlib fails.
  private func deflateAll(_ flush: Int32) -> Bool {
    while true {
      let (status, produced) = deflated.withUnsafeMutableBufferPointer { out in
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = uInt(out.count)
        let status = deflate(stream, flush)
        return (status, out.count - Int(stream.pointee.avail_out))
      }
      guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { return false }
      output.append(contentsOf: deflated[0..<produced])
      written += UInt64(produced)
      if flush == Z_FINISH ? status == Z_STREAM_END : (stream.pointee.avail_in == 0 && produced < deflated.count) { return true }
    }
  }

  private func emit<C: Collection<UInt8>>(_ bytes: C) throws(DiagnosticError) {
    output.append(contentsOf: bytes)
    written += UInt64(bytes.count)
    if output.count >= 1 << 18 { try flushOutput() }
  }

  private func flushOutput() throws(DiagnosticError) {
    guard !output.isEmpty else { return }
    guard fwrite(output, 1, output.count, file) == output.count else { throw Self.failure("cannot write", path) }
    output.removeAll(keepingCapacity: true)
  }

  private func localHeader(_ entry: Entry) -> [UInt8] {
    var out: [UInt8] = []
    Self.put32(0x0403_4b50, &out)
    Self.put16(20, &out)  // version needed: 2.0 (deflate)
    Self.put16(0x0800, &out)  // names are UTF-8
    Self.put16(8, &out)  // deflate
    Self.put16(stamp.time, &out)
    Self.put16(stamp.date, &out)
    for _ in 0..<3 { Self.put32(0, &out) }  // CRC and sizes, completed by end()
    Self.put16(UInt16(entry.name.count), &out)
    Self.put16(0, &out)
    out.append(contentsOf: entry.name)
    return out
  }

  private func centralHeader(_ entry: Entry) -> [UInt8] {
    var out: [UInt8] = []
    Self.put32(0x0201_4b50, &out)
    Self.put16(20, &out)  // made by: version 2.0, MS-DOS attributes
    Self.put16(20, &out)
    Self.put16(0x0800, &out)
    Self.put16(8, &out)
    Self.put16(stamp.time, &out)
    Self.put16(stamp.date, &out)
    Self.put32(entry.crc, &out)
    Self.put32(UInt32(entry.compressed), &out)
    Self.put32(UInt32(entry.size), &out)
    Self.put16(UInt16(entry.name.count), &out)
    for _ in 0..<4 { Self.put16(0, &out) }  // extra, comment, disk, internal attributes
    Self.put32(0, &out)  // external attributes
    Self.put32(UInt32(entry.offset), &out)
    out.append(contentsOf: entry.name)
    return out
  }

  /// MS-DOS time and date of `seconds` (UTC), as zip headers store them (from 1980 on).
  static func dosStamp(_ seconds: time_t) -> (time: UInt16, date: UInt16) {
    var t = seconds
    var parts = tm()
    gmtime_r(&t, &parts)
    let year = max(1980, Int(parts.tm_year) + 1900)
    let time = UInt16(parts.tm_hour) << 11 | UInt16(parts.tm_min) << 5 | UInt16(parts.tm_sec / 2)
    let date = UInt16(year - 1980) << 9 | UInt16(parts.tm_mon + 1) << 5 | UInt16(parts.tm_mday)
    return (time, date)
  }

  private static func put16(_ v: UInt16, _ out: inout [UInt8]) {
    out.append(UInt8(v & 0xFF))
    out.append(UInt8(v >> 8))
  }

  private static func put32(_ v: UInt32, _ out: inout [UInt8]) {
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((v >> UInt32(shift)) & 0xFF)) }
  }

  private static func failure(_ what: String, _ path: String) -> DiagnosticError {
    DiagnosticError([.error(at: nil, "\(what) \(path)")])
  }
}
