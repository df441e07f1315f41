import Foundation
import Testing

@Suite("The hrindex import command")
struct ImportCommandTests {
  /// `hrindex` built beside the test executable (whatever the scratch path).
  static func binary() -> URL? {
    var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    var candidates = [folder, Bundle.main.bundleURL.deletingLastPathComponent()]
    for _ in 0..<4 {
      folder = folder.deletingLastPathComponent()
      candidates.append(folder)
    }
    return candidates.map { $0.appendingPathComponent("hrindex") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let hrindex: URL = try #require(binary(), "no hrindex binary beside the tests: run swift build first")
    let process = Process()
    process.executableURL = hrindex
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }

  @Test("import upr-info prints the summary, writes the report and exits 0 when rows are unmapped")
  func uprInfo() throws {
    let content = ImportFixture.temporaryFolder("cli-upr") + "/Content"
    let result = try Self.run(["import", "upr-info", "--input", ImportFixture.uprInfoCSV, "--output", content])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("6 recommendations — 6 written, 0 updated, 0 unchanged, 0 kept because edited by hand"))
    #expect(result.stdout.contains("unmapped country: 1 value in 1 row (rows not imported)"))
    #expect(result.stdout.contains("\(content)/import-report.txt"))
    let again = try Self.run(["import", "upr-info", "--input", ImportFixture.uprInfoCSV, "--output", content])
    #expect(again.stdout.contains("0 written, 0 updated, 6 unchanged"))
  }

  @Test("import uhri reads the JSON fixture")
  func uhri() throws {
    let content = ImportFixture.temporaryFolder("cli-uhri") + "/Content"
    let result = try Self.run(["import", "uhri", "--input", ImportFixture.uhriJSON, "--output", content])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Read 7 rows"))
  }

  @Test("an unreadable input or one with nothing to import exits 1 with an error")
  func failures() throws {
    let folder = ImportFixture.temporaryFolder("cli-fail")
    let missing = try Self.run(["import", "uhri", "--input", folder + "/none.json", "--output", folder + "/Content"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("error: \(folder)/none.json: cannot open the file"))
    try Data("not json".utf8).write(to: URL(fileURLWithPath: folder + "/bad.json"))
    let malformed = try Self.run(["import", "uhri", "--input", folder + "/bad.json", "--output", folder + "/Content"])
    #expect(malformed.status == 1)
    #expect(malformed.stderr.contains("bad.json: a file in an unknown format, not a UHRI export the importer can read"))
    // Each format it cannot read is named as such; a JSON array that breaks off says where.
    let samples: [(String, [UInt8], String)] = [
      ("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an Excel 97–2003 workbook (.xls), which the importer cannot read"),
      ("export.pdf", Array("%PDF-1.7\n".utf8), "a PDF document, not a UHRI export"),
      ("object.json", Array("{\"a\": 1}".utf8), "a JSON object, not a UHRI export"),
      ("cut.json", Array("[\n {\"a\": 1},\n {\"b\" 2}".utf8), "cut.json:3:7: expected \":\""),
    ]
    for (name, bytes, message) in samples {
      try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
      let result = try Self.run(["import", "uhri", "--input", folder + "/" + name, "--output", folder + "/Content"])
      #expect(result.status == 1 && result.stderr.contains(message), "\(name): \(result.stderr)")
      if name != "cut.json" { #expect(!FileManager.default.fileExists(atPath: folder + "/Content"), "\(name) wrote") }
    }
    try Data("To,Text,From,Response,Issue,Session\rAtlantis,Text.,France,Accepted,,3\r".utf8).write(to: URL(fileURLWithPath: folder + "/none.csv"))
    let nothing = try Self.run(["import", "upr-info", "--input", folder + "/none.csv", "--output", folder + "/Content"])
    #expect(nothing.status == 1)
    #expect(nothing.stderr.contains("error: nothing could be imported"))
  }
}
