/// The key of a pair of adjacent tokens: first term, a space, second term (no term has a space).
enum PairKey {
  static func bytes(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> [UInt8] { Array(a) + [0x20] + Array(b) }

  /// FNV-1a (32-bit) of the key's UTF-8 bytes; search.js computes the same to find the bucket.
  static func hash(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> UInt32 {
    var h: UInt32 = 0x811C_9DC5
    for byte in a { h = (h ^ UInt32(byte)) &* 0x0100_0193 }
    h = (h ^ 0x20) &* 0x0100_0193
    for byte in b { h = (h ^ UInt32(byte)) &* 0x0100_0193 }
    return h
  }

  /// The same hash of a whole key ("<first> <second>"), or of any bytes (`NameIndex` buckets).
  static func hash(key: some Sequence<UInt8>) -> UInt32 {
    var h: UInt32 = 0x811C_9DC5
    for byte in key { h = (h ^ UInt32(byte)) &* 0x0100_0193 }
    return h
  }

  /// The partition of a pair: its hash's top four bits.
  static func partition(_ hash: UInt32) -> Int { Int(hash >> 28) }

  /// The bucket file of a pair: each partition has `buckets / 16` buckets, and the hash's other
  /// 28 bits pick one of its partition's.
  static func bucket(hash: UInt32, buckets: Int) -> Int {
    let perPartition = buckets / InvertedIndex.pairPartitions
    return partition(hash) * perPartition + Int(hash & 0x0FFF_FFFF) % perPartition
  }
}
