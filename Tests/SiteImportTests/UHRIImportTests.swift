import Foundation
import Testing

@testable import SiteCore
@testable import SiteImport

@Suite("Importing the UHRI JSON export")
struct UHRIImportTests {
  static func imported() throws -> (content: String, report: ImportReport) {
    let content = ImportFixture.temporaryFolder("uhri") + "/Content"
    return (content, try ImportFixture.importUHRI(into: content))
  }

  @Test("a UPR annotation with every field becomes a file with every field mapped")
  func fullUPRRecord() throws {
    let (content, _) = try Self.imported()
    #expect(ImportFixture.read(content + "/recommendations/ecu/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000001.md") == """
      ---
      id: uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000001
      document: "A/HRC/36/4"
      paragraph: "118.64"
      country: ECU
      mechanism: upr
      body: UPR
      date: 2017-07-11
      cycle: 3
      session: 27
      recommending_states: [GBR, ITA]
      response: supported
      themes: [trafficking-and-contemporary-slavery, labour-rights-and-right-to-work]
      affected_persons: [vulnerable-persons-and-groups]
      sdgs: ["8", "8.7", "16.2"]
      language: en
      ---
      Develop a national strategy against modern slavery, including forced labour & trafficking, that contributes to SDG target 8.7

      """)
  }

  @Test("an annotation addressed to two States becomes one file for each, the id suffixed with the State")
  func severalCountries() throws {
    let (content, _) = try Self.imported()
    let chile = try #require(ImportFixture.read(content + "/recommendations/chl/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000002-chl.md"))
    let peru = try #require(ImportFixture.read(content + "/recommendations/per/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000002-per.md"))
    #expect(chile == """
      ---
      id: uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000002-chl
      document: "A/HRC/40/59/Add.2"
      paragraph: "47(g)"
      country: CHL
      mechanism: special-procedure
      body: SR-TORTURE
      date: 2019-02-25
      themes: [prohibition-of-torture]
      affected_persons: [persons-deprived-of-liberty]
      sdgs: ["16"]
      language: en
      ---
      Ensure that all allegations of torture are investigated:

      - promptly;
      - impartially, by an independent body.

      """)
    #expect(peru == chile.replacingOccurrences(of: "-chl\n", with: "-per\n").replacingOccurrences(of: "country: CHL", with: "country: PER"))
  }

  @Test("a treaty body's concern becomes an observation, its number read from plain text")
  func observation() throws {
    let (content, _) = try Self.imported()
    let text = try #require(ImportFixture.read(content + "/recommendations/per/uhri-a9ceae8c-fe1c-40f9-a326-1529e0ab678f.md"))
    #expect(text.contains("""
      paragraph: "4"
      country: PER
      mechanism: treaty-body
      body: CRC
      date: 2025-02-12
      themes: [name-identity-and-nationality, children-protection-against-exploitation]
      affected_persons: [children, youth-and-juveniles]
      sdgs: ["16.2", "16.9"]
      language: en
      type: observation
      ---
      The Committee reminds the State party of the indivisibility of all the rights enshrined in the Convention: birth registration (para. 18); \\*urgent\\* measures.

      """))
  }

  @Test("a UPR annotation without UprCycle takes the cycle of its session (and keeps the session); unknown States are left out and reported")
  func cycleFromSession() throws {
    let (content, _) = try Self.imported()
    let text = try #require(ImportFixture.read(content + "/recommendations/tur/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000007.md"))
    #expect(text.contains("paragraph: \"45.112\"\ncountry: TUR\n"))
    #expect(text.contains("cycle: 4\nsession: 41\nrecommending_states: [ISL]\nresponse: noted\nthemes: [death-penalty]\n"))
    #expect(text.hasSuffix("---\nAbolish the death penalty.\n\nRatify the Second Optional Protocol.\n"))
  }

  @Test("values that cannot be mapped are reported with the record's line; rows without a required field are not imported")
  func problems() throws {
    let (content, report) = try Self.imported()
    #expect(report.rowsRead == 7)
    #expect(report.rowsImported == 5)
    #expect(report.written == 6)
    let problems = report.problems.map { "\($0.place) [\($0.field.rawValue)] \($0.value): \($0.effect.rawValue)" }
    #expect(problems == [
      "uhri-sample.json:97 (record 4) [theme] Space exploration: imported without the value",
      "uhri-sample.json:97 (record 4) [affected person] Robots: imported without the value",
      "uhri-sample.json:97 (record 4) [sdg] 18 - INTERPLANETARY PEACE: imported without the value",
      "uhri-sample.json:97 (record 4) [country] Atlantis: imported without the value",
      "uhri-sample.json:126 (record 5) [paragraph] no paragraph number at the start of: The Committee recommends that the State: rows not imported",
      "uhri-sample.json:145 (record 6) [body] Committee on Everything: rows not imported",
      "uhri-sample.json:164 (record 7) [recommending state] Narnia: imported without the value",
    ])
    #expect(FileManager.default.fileExists(atPath: content + "/recommendations/ecu/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000004-ecu.md"))
  }

  @Test("the stream hands out the same records whatever the chunk size, with the line each starts on")
  func streaming() throws {
    let bytes = Array(try #require(FileManager.default.contents(atPath: ImportFixture.uhriJSON)))
    func all(_ chunk: Int) throws -> [(JSONValue, Int)] {
      var stream = JSONArrayStream(bytes: bytes, chunkSize: chunk)
      var result: [(JSONValue, Int)] = []
      while let (value, line) = try stream.next() { result.append((value, line)) }
      return result
    }
    let whole = try all(1 << 20)
    #expect(whole.map(\.1) == [2, 39, 67, 97, 126, 145, 164])
    for chunk in [1, 2, 3, 7, 64] {
      let pieces = try all(chunk)
      #expect(pieces.map(\.0) == whole.map(\.0) && pieces.map(\.1) == whole.map(\.1), "chunk \(chunk)")
    }
    guard case .object(let first) = whole[0].0 else { Issue.record("not an object"); return }
    #expect(first["UprCycle"] == .string("- 3"))
    #expect(first["Countries"] == .array([.string(" - Ecuador ")]))
  }

  @Test("JSON escapes, numbers and literals decode; malformed input is an error with its line and column")
  func jsonValues() throws {
    var stream = JSONArrayStream(bytes: Array("\u{FEFF}[{\"a\": \"\\u00e9\\ud83d\\ude00\\n\\\"\", \"b\": -1.5e3, \"c\": [true, false, null]}, 7]".utf8), chunkSize: 5)
    let first = try #require(try stream.next())
    #expect(first.0 == .object(["a": .string("é😀\n\""), "b": .number("-1.5e3"), "c": .array([.bool(true), .bool(false), .null])]))
    #expect(try stream.next()?.0 == .number("7"))
    #expect(try stream.next() == nil)
    var broken = JSONArrayStream(bytes: Array("[\n {\"a\": 1},\n {\"b\" 2}\n]".utf8))
    _ = try broken.next()
    #expect(throws: JSONStreamError(line: 3, column: 7, message: "expected \":\" after the key \"b\"")) { try broken.next() }
    var notArray = JSONArrayStream(bytes: Array("{\"a\": 1}".utf8))
    #expect(throws: JSONStreamError.self) { try notArray.next() }
    var deep = JSONArrayStream(bytes: Array((String(repeating: "[", count: 400) + String(repeating: "]", count: 400)).utf8))
    #expect(throws: JSONStreamError.self) { try deep.next() }
  }
}
