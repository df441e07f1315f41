import Foundation

/// What the preview shows: which build it is on (pages reload when this changes) and, when the
/// last build failed, its problems. Shared by the build loop and the connection threads.
public final class PreviewState: @unchecked Sendable {
  private let condition = NSCondition()
  private var _version = 0
  private var _problems: [String]?

  public init() {}

  /// A number that changes with every finished build, good or not.
  public var version: Int { condition.withLock { _version } }

  /// The problems of the last build, as lines; nil when it succeeded.
  public var problems: [String]? { condition.withLock { _problems } }

  /// Records a finished build and wakes every page waiting to reload.
  public func finishBuild(problems: [String]?) {
    condition.withLock {
      _version += 1
      _problems = problems
      condition.broadcast()
    }
  }

  /// Waits until the version differs from `seen` or `timeout` passes; returns the version then.
  public func wait(whileVersionIs seen: Int, timeout: TimeInterval) -> Int {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while _version == seen, condition.wait(until: deadline) {}
    return _version
  }
}
