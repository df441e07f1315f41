import Dispatch
import Foundation

/// Runs the index writer's work on the worker threads the build allows.
enum Parallel {
  /// The workers for a build of `threads` threads: at most 8, as each worker keeps term and
  /// pair tables of its own. The output is the same for any number.
  static func workers(threads: Int) -> Int { max(1, min(8, threads)) }

  /// Calls `body(worker, item)` for every item in 0..<count, items handed out in order to
  /// `workers` threads as they become free.
  static func forEachChunk(_ count: Int, workers: Int, _ body: (Int, Int) -> Void) {
    let next = Counter()
    // Each item is handed to one worker only, so the callers' per-item writes never overlap.
    nonisolated(unsafe) let work = body
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { worker in
      while true {
        let item = next.take()
        if item >= count { break }
        work(worker, item)
      }
    }
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value - 1
    }
  }
}
