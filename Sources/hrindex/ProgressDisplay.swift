import Foundation
import SiteBuild

/// Shows where a long build is: one line redrawn in place on a terminal, plain lines (one per
/// stage) when standard error is a file or a CI log.
enum ProgressDisplay {
  private static let isTerminal = isatty(STDERR_FILENO) == 1
  private nonisolated(unsafe) static var lastStage = ""
  private nonisolated(unsafe) static var drewLine = false
  private static let lock = NSLock()

  static func forStandardError() -> @Sendable (BuildProgress) -> Void {
    { progress in lock.withLock { show(progress) } }
  }

  private static func show(_ progress: BuildProgress) {
    if isTerminal {
      let count = progress.total > 0 ? " \(progress.done)/\(progress.total)" : ""
      FileHandle.standardError.write(Data("\r\u{1B}[2K\(progress.stage)\(count)".utf8))
      drewLine = true
    } else if progress.stage != lastStage {
      let count = progress.total > 0 ? " (\(progress.total))" : ""
      FileHandle.standardError.write(Data("\(progress.stage)\(count)…\n".utf8))
    }
    lastStage = progress.stage
  }

  /// Clears the progress line so the summary starts on a clean line.
  static func finish() {
    lock.withLock {
      if drewLine { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
  }
}
