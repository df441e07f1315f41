import Foundation

/// Fixed slots that parallel workers write, each worker only its own slots.
///
/// `@unchecked Sendable` is sound because `DispatchQueue.concurrentPerform` gives every
/// iteration disjoint indexes and returns only after all of them finished.
final class SharedSlots<Value>: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<Value>
  let count: Int

  init(count: Int, initial: Value) {
    self.count = count
    storage = .allocate(capacity: max(count, 1))
    storage.initialize(repeating: initial, count: count)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  subscript(index: Int) -> Value {
    get { storage[index] }
    set { storage[index] = newValue }
  }

  var values: [Value] { Array(UnsafeBufferPointer(start: storage, count: count)) }
}
