/// Interns byte strings: equal bytes get the same id, ids are dense (0, 1, 2... in first-seen
/// order). One per worker thread; nothing here allocates per lookup.
struct TermTable {
  /// Every interned string, back to back.
  private(set) var arena: [UInt8] = []
  /// String `id` is `arena[starts[id] ..< starts[id + 1]]`.
  private(set) var starts: [Int32] = [0]
  /// The 64-bit hash of each string (`TermTable.hash`), also used to combine pairs.
  private(set) var hashes: [UInt64] = []
  /// Open addressing: slot -> id + 1, or 0 when empty.
  private var slots: [Int32]
  private var mask: Int

  init(capacity: Int = 1024) {
    slots = emptySlots(capacity)
    mask = slots.count - 1
  }

  var count: Int { hashes.count }

  /// The id of `bytes`, adding them if new.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let h = Self.hash(UnsafeRawBufferPointer(bytes))
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let id = Int(entry) - 1
      if hashes[id] == h && equals(id, bytes) { return Int32(id) }
      slot = (slot + 1) & mask
    }
    let id = Int32(hashes.count)
    slots[slot] = id + 1
    hashes.append(h)
    arena.append(contentsOf: bytes)
    starts.append(Int32(arena.count))
    if hashes.count * 2 > slots.count { grow() }
    return id
  }

  mutating func intern(_ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBufferPointer { intern($0) }
  }

  /// The id of `bytes`, or nil.
  func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    let h = Self.hash(UnsafeRawBufferPointer(bytes))
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      let id = Int(entry) - 1
      if hashes[id] == h && equals(id, bytes) { return Int32(id) }
      slot = (slot + 1) & mask
    }
  }

  func bytes(_ id: Int32) -> ArraySlice<UInt8> { arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])] }

  func length(_ id: Int32) -> Int { Int(starts[Int(id) + 1] - starts[Int(id)]) }

  func string(_ id: Int32) -> String { String(decoding: bytes(id), as: UTF8.self) }

  /// Every id, in the byte order of its string (the strings are distinct).
  func idsInByteOrder() -> [Int32] {
    arena.withUnsafeBufferPointer { arena in
      starts.withUnsafeBufferPointer { starts in
        (0..<Int32(count)).sorted { a, b in
          let sa = Int(starts[Int(a)])
          let la = Int(starts[Int(a) + 1]) - sa
          let sb = Int(starts[Int(b)])
          let lb = Int(starts[Int(b) + 1]) - sb
          let n = min(la, lb)
          var k = 0
          while k < n {
            let x = arena[sa + k]
            let y = arena[sb + k]
            if x != y { return x < y }
            k += 1
          }
          return la < lb
        }
      }
    }
  }

  @inline(__always)
  private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(starts[id])
    let length = Int(starts[id + 1]) - start
    guard length == bytes.count else { return false }
    return arena.withUnsafeBufferPointer { arena in
      length == 0 || memcmpBytes(arena.baseAddress! + start, bytes.baseAddress!, length)
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    for id in hashes.indices {
      var slot = Int(truncatingIfNeeded: hashes[id]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id + 1)
    }
  }

  /// A fast 64-bit hash of bytes (not cryptographic; the same on every platform).
  @inline(__always)
  static func hash(_ p: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(p.count) &* 0xFF51_AFD7_ED55_8CCD)
    var i = 0
    let n = p.count
    while i + 8 <= n {
      h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
      i += 8
    }
    if i < n {
      var v: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        v |= UInt64(p[i]) << shift
        shift += 8
        i += 1
      }
      h = (h ^ v) &* 0x94D0_49BB_1331_11EB
      h ^= h >> 29
    }
    h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
    return h ^ (h >> 32)
  }
}

@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  var i = 0
  while i + 8 <= n {
    if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
      return false
    }
    i += 8
  }
  while i < n {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}

/// Maps 64-bit keys to dense ids (0, 1, 2... in first-seen order).
struct IntKeyTable {
  private(set) var keys: [UInt64] = []
  private var slots: [Int32]
  private var mask: Int

  init(capacity: Int = 1024) {
    slots = emptySlots(capacity)
    mask = slots.count - 1
  }

  var count: Int { keys.count }

  @inline(__always)
  static func mix(_ key: UInt64) -> Int {
    var h = key &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    return Int(truncatingIfNeeded: h)
  }

  @inline(__always)
  mutating func intern(_ key: UInt64) -> Int32 {
    var slot = Self.mix(key) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if keys[Int(entry) - 1] == key { return entry - 1 }
      slot = (slot + 1) & mask
    }
    let id = Int32(keys.count)
    slots[slot] = id + 1
    keys.append(key)
    if keys.count * 2 > slots.count { grow() }
    return id
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    for (id, key) in keys.enumerated() {
      var slot = Self.mix(key) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id + 1)
    }
  }
}

/// An empty open-addressing table for `capacity` entries: a power of two, at most half full.
private func emptySlots(_ capacity: Int) -> [Int32] {
  var size = 64
  while size < capacity * 2 { size <<= 1 }
  return [Int32](repeating: 0, count: size)
}
