import Testing

@testable import SiteSearch

@Suite("Index encodings")
struct ByteBufferTests {
  @Test("writes varints as unsigned LEB128", arguments: [0, 1, 127, 128, 300, 16_384, 270_000, 1 << 40])
  func varintRoundTrip(value: Int) {
    var buffer = ByteBuffer()
    buffer.varint(value)
    var reader = ByteReader(buffer.bytes)
    #expect(reader.varint() == value)
    #expect(reader.at == buffer.count)
  }

  @Test(
    "round-trips integer sets in every form",
    arguments: [
      [Int32](), [0], [5], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 900, 901, 5000],
      Array(stride(from: 0, to: 2000, by: 2)), Array(0..<300) + Array(1000..<1300),
      Array(stride(from: 7, to: 270_000, by: 97)),
    ])
  func intSetRoundTrip(values: [Int32]) {
    var buffer = ByteBuffer()
    buffer.intSet(values)
    var reader = ByteReader(buffer.bytes)
    #expect(reader.intSet() == values.map(Int.init))
    #expect(reader.at == buffer.count)
  }

  @Test("stores consecutive documents as one run and dense sets as a bitmap")
  func compactForms() {
    #expect(ByteBuffer.encodeIntSet(Array(Int32(0)..<Int32(10_000))).count <= 6)
    let dense = Array(stride(from: Int32(0), to: 80_000, by: 2))
    #expect(ByteBuffer.encodeIntSet(dense).count <= 80_000 / 8 + 12)
  }
}
