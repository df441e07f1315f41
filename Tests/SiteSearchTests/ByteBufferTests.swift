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

  struct IntSetCase: CustomTestStringConvertible, Sendable {
    let name: String
    let values: [Int32]
    var testDescription: String { name }
  }

  static let intSetCases = [
    IntSetCase(name: "empty", values: []), IntSetCase(name: "zero", values: [0]),
    IntSetCase(name: "one value", values: [5]), IntSetCase(name: "one run", values: Array(0..<10)),
    IntSetCase(name: "sparse", values: [3, 900, 901, 5000]),
    IntSetCase(name: "every other", values: Array(stride(from: 0, to: 2000, by: 2))),
    IntSetCase(name: "two runs", values: Array(0..<300) + Array(1000..<1300)),
    IntSetCase(name: "270k spread", values: Array(stride(from: 7, to: 270_000, by: 97))),
  ]

  @Test("round-trips integer sets in every form", arguments: intSetCases)
  func intSetRoundTrip(_ c: IntSetCase) {
    var buffer = ByteBuffer()
    buffer.intSet(c.values)
    var reader = ByteReader(buffer.bytes)
    #expect(reader.intSet() == c.values.map(Int.init))
    #expect(reader.at == buffer.count)
  }

  @Test("stores consecutive documents as one run and dense sets as a bitmap")
  func compactForms() {
    #expect(ByteBuffer.encodeIntSet(Array(Int32(0)..<Int32(10_000))).count <= 6)
    let dense = Array(stride(from: Int32(0), to: 80_000, by: 2))
    #expect(ByteBuffer.encodeIntSet(dense).count <= 80_000 / 8 + 12)
  }
}
