import Foundation
import SiteCore
import SiteFiles

/// What a successful build leaves beside its output (`.Output.state`) so that the next build can
/// tell what changed without reading every file, and can rebuild an edited text alone.
///
/// It describes one output exactly: the stamp of that output's manifest, and of the standby
/// copy's, must still be what they were, or the state is ignored and the build runs whole.
struct BuildState {
  static let header = Array("hrindex build state 4\n".utf8)

  /// The role of an entry of `tree`.
  enum Role: UInt8 {
    /// Not read by the build (a file that is not Markdown, a link).
    case ignored = 0
    case recommendation = 1
    /// `x.fr.md` beside `x.md`, in one of the site's languages.
    case translation = 2
    /// A translation into a language the site does not publish (it is only warned about).
    case foreignTranslation = 3
  }

  /// Everything a build reads besides the recommendation files, and the program itself.
  var fingerprint: UInt64 = 0
  var outputMarker = FileStamp()
  /// Nil when the standby copy is not the output of the build before (a full copy is made first).
  var standbyMarker: FileStamp?
  /// When the build that wrote this state listed the content (wall clock, ns); a file changed
  /// around then may have changed again within the same clock tick, so it is read again.
  var listedAt: Int64 = 0
  /// What that build changed in the standby copy it turned into the output.
  var lastWritten: [String] = []
  var lastRemoved: [String] = []
  var files = 0
  var pages = 0
  var recommendations = 0
  /// The warnings about recommendation files, replayed by a build that does not read them again.
  var warnings: [Diagnostic] = []
  /// The countries that have a page (recommending States link to them).
  var countryKeys: [String] = []
  /// The date follow-up was overdue against (`FollowUpIndex.asOf`); empty for none. A text edit
  /// renders its pages against it, not against the few records it reads again.
  var followUpAsOf = ""
  var tree = SourceTree()
  /// Per entry of `tree`.
  var contentHash: [UInt64] = []
  var frontMatterHash: [UInt64] = []
  var titleHash: [UInt64] = []
  /// Per entry: a recommendation's place in the catalog; a translation's original (an entry index).
  var position: [Int32] = []
  /// Per entry: a recommendation's follow-up progress report (numbered across countries), -1 for none.
  var report: [Int32] = []
  var roles: [UInt8] = []

  // MARK: - Reading and writing

  func encoded() -> [UInt8] {
    var w = BinaryWriter()
    w.u64(fingerprint)
    Self.write(outputMarker, &w)
    w.byte(standbyMarker == nil ? 0 : 1)
    Self.write(standbyMarker ?? FileStamp(), &w)
    w.i64(listedAt)
    w.strings(lastWritten)
    w.strings(lastRemoved)
    for n in [files, pages, recommendations] { w.int(n) }
    w.int(warnings.count)
    for d in warnings { Self.write(d, &w) }
    w.strings(countryKeys)
    w.string(followUpAsOf)
    w.byte(tree.folderIsLink ? 1 : 0)
    w.data(tree.pathBytes)
    w.array(tree.pathEnd)
    w.data(tree.kinds.map(\.rawValue))
    w.array(tree.stamps.map { UInt64(bitPattern: $0.size) })
    w.array(tree.stamps.map { UInt64(bitPattern: $0.modified) })
    w.array(tree.stamps.map { UInt64(bitPattern: $0.changed) })
    w.array(tree.stamps.map(\.inode))
    w.array(contentHash)
    w.array(frontMatterHash)
    w.array(titleHash)
    w.array(position)
    w.array(report)
    w.data(roles)
    return Self.header + w.bytes
  }

  static func decode(_ bytes: [UInt8]) -> BuildState? {
    guard bytes.starts(with: header) else { return nil }
    var r = BinaryReader(Array(bytes.dropFirst(header.count)))
    var s = BuildState()
    guard let fingerprint = r.u64(), let output = readStamp(&r), let hasStandby = r.byte(), let standby = readStamp(&r),
      let listedAt = r.i64(), let written = r.strings(), let removed = r.strings(),
      let files = r.int(), let pages = r.int(), let recommendations = r.int(), let warningCount = r.int(), warningCount >= 0,
      // The publisher links and unlinks these paths: a damaged state must not name any outside the output.
      (written + removed).allSatisfy(SitePublisher.staysInside)
    else { return nil }
    (s.fingerprint, s.outputMarker, s.standbyMarker, s.listedAt) = (fingerprint, output, hasStandby == 1 ? standby : nil, listedAt)
    (s.lastWritten, s.lastRemoved, s.files, s.pages, s.recommendations) = (written, removed, files, pages, recommendations)
    for _ in 0..<warningCount {
      guard let d = readDiagnostic(&r) else { return nil }
      s.warnings.append(d)
    }
    guard let countries = r.strings(), let asOf = r.string(), let link = r.byte(), let pathBytes = r.data(), let pathEnd = r.array(of: Int32.self),
      let kinds = r.data(), let sizes = r.array(of: UInt64.self), let modified = r.array(of: UInt64.self),
      let changed = r.array(of: UInt64.self), let inodes = r.array(of: UInt64.self),
      let contentHash = r.array(of: UInt64.self), let frontMatterHash = r.array(of: UInt64.self),
      let titleHash = r.array(of: UInt64.self), let position = r.array(of: Int32.self), let report = r.array(of: Int32.self),
      let roles = r.data(), r.isAtEnd
    else { return nil }
    let n = pathEnd.count
    guard [kinds.count, sizes.count, modified.count, changed.count, inodes.count, contentHash.count, frontMatterHash.count,
           titleHash.count, position.count, report.count, roles.count].allSatisfy({ $0 == n }),
      pathEnd.last.map({ Int($0) == pathBytes.count }) ?? pathBytes.isEmpty
    else { return nil }
    (s.countryKeys, s.followUpAsOf, s.report) = (countries, asOf, report)
    s.tree.folderIsLink = link == 1
    s.tree.pathBytes = pathBytes
    s.tree.pathEnd = pathEnd
    s.tree.kinds = kinds.map { SourceTree.Kind(rawValue: $0) ?? .link }
    s.tree.stamps = (0..<n).map { k in
      var stamp = FileStamp()
      stamp.size = Int64(bitPattern: sizes[k])
      stamp.modified = Int64(bitPattern: modified[k])
      stamp.changed = Int64(bitPattern: changed[k])
      stamp.inode = inodes[k]
      return stamp
    }
    (s.contentHash, s.frontMatterHash, s.titleHash, s.position, s.roles) = (contentHash, frontMatterHash, titleHash, position, roles)
    return s
  }

  static func read(at location: OutputLocation) -> BuildState? {
    guard let bytes = RegularFile.read(location.state) else { return nil }
    return decode(bytes)
  }

  /// Writes the state beside the output, replacing the old one whole. A state that cannot be
  /// written only costs the next build its shortcut: that build runs whole.
  func write(at location: OutputLocation) {
    do {
      try AtomicFile.write(encoded(), to: location.state)
    } catch {
      unlink(location.state)
    }
  }

  private static func write(_ stamp: FileStamp, _ w: inout BinaryWriter) {
    w.i64(stamp.size)
    w.i64(stamp.modified)
    w.i64(stamp.changed)
    w.u64(stamp.inode)
  }

  private static func readStamp(_ r: inout BinaryReader) -> FileStamp? {
    guard let size = r.i64(), let modified = r.i64(), let changed = r.i64(), let inode = r.u64() else { return nil }
    var stamp = FileStamp()
    (stamp.size, stamp.modified, stamp.changed, stamp.inode) = (size, modified, changed, inode)
    return stamp
  }

  private static func write(_ d: Diagnostic, _ w: inout BinaryWriter) {
    w.byte(d.severity == .error ? 1 : 0)
    w.byte(d.location == nil ? 0 : 1)
    w.string(d.location?.path ?? "")
    w.int(d.location?.line ?? 0)
    w.int(d.location?.column ?? 0)
    w.byte(d.field == nil ? 0 : 1)
    w.string(d.field ?? "")
    w.string(d.message)
    w.strings(d.notes)
  }

  private static func readDiagnostic(_ r: inout BinaryReader) -> Diagnostic? {
    guard let severity = r.byte(), let hasLocation = r.byte(), let path = r.string(), let line = r.int(), let column = r.int(),
      let hasField = r.byte(), let field = r.string(), let message = r.string(), let notes = r.strings()
    else { return nil }
    return Diagnostic(severity == 1 ? .error : .warning,
      at: hasLocation == 1 ? SourceLocation(path: path, line: line, column: column) : nil,
      field: hasField == 1 ? field : nil, message, notes: notes)
  }
}
