import Dispatch

/// Maps `input` on `threads` threads, keeping the order; `transform` must be safe to run concurrently.
/// Work goes out in chunks of at least `grain` items; fewer than `4 × grain` items run on one thread.
/// Chunks stay small (see `chunkSize`), so no thread is left alone with a long last chunk.
public func parallelMap<T: Sendable, R>(_ input: [T], threads: Int, grain: Int = 16,
                                        _ transform: @Sendable (T) -> R) -> [R] {
  guard threads > 1, input.count > 4 * grain else { return input.map(transform) }
  let results = UnsafeMutableBufferPointer<R>.allocate(capacity: input.count)
  let box = ResultBox(results)
  let chunk = chunkSize(input.count, threads: threads, grain: grain)
  forEachChunk((input.count + chunk - 1) / chunk, threads: threads) { c in
    let end = min(input.count, (c + 1) * chunk)
    for i in (c * chunk)..<end { (box.base + i).initialize(to: transform(input[i])) }
  }
  let array = Array(results)
  _ = results.deinitialize()
  results.deallocate()
  return array
}

/// Runs `body` for every index on `threads` threads.
public func parallelForEach(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
  guard threads > 1, count > 64 else { return (0..<count).forEach(body) }
  let chunk = chunkSize(count, threads: threads, grain: 8)
  forEachChunk((count + chunk - 1) / chunk, threads: threads) { c in
    for i in (c * chunk)..<min(count, (c + 1) * chunk) { body(i) }
  }
}

/// Calls `body` for every chunk number in `0..<chunks` on exactly `min(threads, chunks)`
/// threads, each taking the next chunk as it finishes one: the build's `threads` setting holds
/// whatever the machine's core count. Also for jobs of uneven size handed out one at a time,
/// longest first (the downloads).
public func forEachChunk(_ chunks: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
  let next = ChunkCounter()
  DispatchQueue.concurrentPerform(iterations: max(1, min(threads, chunks))) { _ in
    while true {
      let c = next.take()
      guard c < chunks else { return }
      body(c)
    }
  }
}

/// Hands out chunk numbers 0, 1, 2… to the threads that ask.
private final class ChunkCounter: @unchecked Sendable {
  private let lock = ShortLock()
  private var value = 0
  func take() -> Int {
    lock.withLock {
      value += 1
      return value - 1
    }
  }
}

/// Items per chunk: at least `grain`, at most 256 and at most an eighth of a thread's share.
/// Threads take the next chunk as they finish one, so the last chunk is what one thread may do
/// while the others wait; with 16 chunks of 21,000 pages, that wait was about 4 s of a 270k
/// build's 40 s of rendering on two cores.
func chunkSize(_ count: Int, threads: Int, grain: Int) -> Int {
  max(grain, min(256, count / (threads * 8)))
}

/// Each worker writes only its own slots, so sharing the buffer across threads is safe.
private struct ResultBox<R>: @unchecked Sendable {
  let base: UnsafeMutablePointer<R>
  init(_ buffer: UnsafeMutableBufferPointer<R>) { base = buffer.baseAddress! }
}

#if canImport(Glibc)
  import Glibc
#endif

/// A mutex for critical sections of a few dozen instructions taken by every worker, such as a
/// page writer's bookkeeping: it spins a little before it sleeps, so a collision between two
/// workers does not cost a context switch (glibc's adaptive mutex; a plain mutex elsewhere).
public final class ShortLock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  public init() {
    var attributes = pthread_mutexattr_t()
    pthread_mutexattr_init(&attributes)
    #if os(Linux)
      pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
    #endif
    pthread_mutex_init(mutex, &attributes)
    pthread_mutexattr_destroy(&attributes)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  public func withLock<R>(_ body: () throws -> R) rethrows -> R {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}
