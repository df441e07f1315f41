import Foundation
import Testing

@testable import SiteImport

@Suite("Reading UPR Info's CSV export")
struct CSVReaderTests {
  @Test("MacRoman bytes decode to the characters they stand for, and valid UTF-8 stays UTF-8")
  func macRoman() {
    let bytes: [UInt8] = Array("C".utf8) + [0x8E, 0x20, 0x8F, 0x20, 0xD1, 0x20, 0xD2, 0xD3, 0x20, 0x82] + Array("te".utf8)
    let (text, encoding) = TextDecoding.decode(bytes)
    #expect(encoding == .macRoman)
    #expect(text == "Cé è — “” Çte")
    #expect(TextDecoding.decode(Array("Côte".utf8)) == ("Côte", .utf8))
    #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("a".utf8)) == ("a", .utf8))
  }

  @Test("bare CR, LF and CRLF all end a record, and each record knows the line it starts on")
  func lineEnds() {
    let records = CSVReader.records("a,b\rc,d\ne,f\r\ng,h")
    #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
    #expect(records.map(\.line) == [1, 2, 3, 4])
  }

  @Test("quoted fields keep commas, doubled quotes and line ends, and later lines are counted")
  func quotedFields() {
    let records = CSVReader.records("x,\"one, two\",\"say \"\"hi\"\"\"\r\"first\rsecond\r\nthird\",,last\rnext,row")
    #expect(records.map(\.fields) == [["x", "one, two", "say \"hi\""], ["first\nsecond\nthird", "", "last"], ["next", "row"]])
    #expect(records.map(\.line) == [1, 2, 5])
  }

  @Test("the fixture export reads as one header and nine rows, the multi-line row on its own line numbers")
  func fixture() throws {
    let data = try #require(FileManager.default.contents(atPath: ImportFixture.uprInfoCSV))
    let (text, encoding) = TextDecoding.decode(Array(data))
    #expect(encoding == .macRoman)
    let records = CSVReader.records(text)
    #expect(records.count == 10)
    #expect(records.allSatisfy { $0.fields.count == 11 })
    #expect(records.map(\.line) == [1, 2, 3, 6, 7, 8, 9, 10, 11, 12])
    #expect(records[2].fields[3] == "Consider ratifying the \"Optional Protocol\", as recommended by the Committee;\nand report on it, in particular on:\n- detention conditions.")
    #expect(records[3].fields[0] == "Côte d'Ivoire")
  }
}
