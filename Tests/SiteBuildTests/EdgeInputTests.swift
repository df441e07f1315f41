import Foundation
import Testing

@testable import SiteBuild
@testable import SiteCore

/// Inputs at the edges: huge, deeply nested, self-referencing, binary, oddly named. Each one
/// gets either a correct page or a clear error with its file and line; none crashes or hangs.
@Suite("Edge inputs")
struct EdgeInputTests {
  static func header(document: String = "A/HRC/1/2", paragraph: String = "3") -> String {
    "---\ndocument: \(document)\nparagraph: \"\(paragraph)\"\ncountry: ECU\nmechanism: upr\nbody: UPR\ndate: 2020-01-01\n"
  }

  /// A site of its own with `site.yml` and the given files under `recommendations/` (or at the
  /// given relative path when it has a folder), built into a new output folder.
  static func build(_ files: [String: Data], threads: Int = 2) throws -> (output: String, report: BuildReport, content: String) {
    let content = SiteFixture.temporaryFolder("edge") + "/Content"
    let fm = FileManager.default
    try fm.createDirectory(atPath: content + "/recommendations", withIntermediateDirectories: true)
    try "title: Edge cases\n".write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
    for (name, data) in files {
      let path = content + "/" + (name.contains("/") ? name : "recommendations/" + name)
      try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      #expect(fm.createFile(atPath: path, contents: data), "cannot create \(name)")
    }
    let (output, report) = SiteFixture.build(content: content, threads: threads)
    return (output, report, BuildConfiguration.display(content))
  }

  static func recommendation(_ body: String, extra: String = "", document: String = "A/HRC/1/2", paragraph: String = "3") -> Data {
    Data((header(document: document, paragraph: paragraph) + extra + "---\n" + body + "\n").utf8)
  }

  static func page(_ output: String, _ id: String = "a-hrc-1-2-3") -> String? {
    try? String(contentsOfFile: output + "/recommendations/\(id)/index.html", encoding: .utf8)
  }

  /// The diagnostics as printed, with the temporary content folder shown as `Content`.
  static func printed(_ report: BuildReport, _ content: String) -> [String] {
    report.diagnostics.map { $0.description.replacingOccurrences(of: content, with: "Content") }
  }

  // MARK: - Size

  @Test("a 5 MB body and a 2 MB line become a correct page")
  func hugeBody() throws {
    let paragraph = String(repeating: "Protect the rights of every child in law and practice. ", count: 1_000)
    let body = String(repeating: paragraph + "\n\n", count: 92) + "The very end."
    let line = String(repeating: "x", count: 2_000_000)
    let (output, report, _) = try Self.build(["big.md": Self.recommendation(body), "line.md": Self.recommendation(line, paragraph: "4")])
    #expect(body.utf8.count > 5_000_000)
    #expect(report.succeeded, "\(report.diagnostics)")
    let page = try #require(Self.page(output))
    #expect(page.contains("<title>Protect the rights of every child in law and practice. · "))
    #expect(page.contains("<p>The very end.</p>"))
    #expect(Self.page(output, "a-hrc-1-2-4")?.contains(line) == true)
  }

  @Test("deeply nested Markdown renders as a page without exhausting the stack")
  func deepMarkdown() throws {
    let bodies = [
      "quotes.md": String(repeating: ">", count: 10_000) + " deep quote",
      "brackets.md": String(repeating: "[", count: 10_000) + "link" + String(repeating: "](x)", count: 10_000),
      "stars.md": String(repeating: "*", count: 50_000) + "emphasis" + String(repeating: "*", count: 50_000),
      "lists.md": (0..<1_000).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n"),
      "backticks.md": String(repeating: "`", count: 30_000) + "code" + String(repeating: "`", count: 29_999),
      "entities.md": "start " + String(repeating: "&#x202E;&amp;&lt;", count: 50_000),
      "tags.md": "text " + String(repeating: "<a href=\"x\">", count: 20_000),
    ]
    var files: [String: Data] = [:]
    for (n, (name, body)) in bodies.sorted(by: { $0.key < $1.key }).enumerated() {
      files[name] = Self.recommendation(body, extra: "id: deep-\(n)\n")
    }
    let started = Date()
    let (output, report, _) = try Self.build(files)
    #expect(Date().timeIntervalSince(started) < 60)
    #expect(report.succeeded, "\(report.diagnostics)")
    for n in 0..<bodies.count { #expect(Self.page(output, "deep-\(n)") != nil, "no page for deep-\(n)") }
    #expect(Self.page(output, "deep-4")?.contains("deep quote") == true)
  }

  // MARK: - YAML

  @Test("a billion-laughs YAML bomb made of aliases neither hangs nor expands")
  func yamlBomb() throws {
    var yaml = "lol0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    for level in 1...20 {
      yaml += "lol\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    yaml += "themes: *l20\nfollow_up: {responsible: *l20}\n"
    let started = Date()
    let (_, report, content) = try Self.build(["bomb.md": Self.recommendation("Text.", extra: yaml)])
    #expect(Date().timeIntervalSince(started) < 30)
    let printed = Self.printed(report, content)
    // An alias carries the place of its anchor: the list defined on line 27.
    #expect(printed.contains("Content/recommendations/bomb.md:27:8: error: [themes] expected a single value, found a list"), "\(printed)")
    #expect(printed.count < 100)
  }

  @Test("YAML nested past the parser's limit is a clear error, near the limit it is decoded")
  func deepYAML() throws {
    var files: [String: Data] = ["deepest.md": Self.recommendation("Text.", extra: "themes: " + String(repeating: "[", count: 100_000) + "\n")]
    // Over 64 files, so the nesting is also decoded on the worker threads, whose stacks are smaller.
    for n in 0..<70 {
      let nested = String(repeating: "[", count: 990) + String(repeating: "]", count: 990)
      files["near-\(n).md"] = Self.recommendation("Text.", extra: "id: near-\(n)\nsdgs: \(nested)\n")
    }
    let (_, report, content) = try Self.build(files)
    let printed = Self.printed(report, content)
    #expect(printed.contains { $0.hasPrefix("Content/recommendations/deepest.md:8:") && $0.contains("error: malformed YAML: Maximum nesting level reached") }, "\(printed.prefix(3))")
    #expect(report.diagnostics.filter { $0.location?.path.contains("near-") == true && $0.field == "sdgs" }.count == 70)
  }

  @Test("a field written a thousand times, or two thousand unknown themes, is reported in full")
  func floodOfProblems() throws {
    let repeated = (0..<1_000).map { "title: t\($0)\n" }.joined()
    let themes = "themes: [" + (0..<2_000).map { "unknown-theme-\($0)" }.joined(separator: ", ") + "]\n"
    let started = Date()
    let (_, report, content) = try Self.build(["repeated.md": Self.recommendation("Text.", extra: repeated), "themes.md": Self.recommendation("Text.", extra: themes)])
    #expect(Date().timeIntervalSince(started) < 30)
    let printed = Self.printed(report, content)
    #expect(printed.contains { $0.hasPrefix("Content/recommendations/repeated.md:9:1: error: [title] \"title\" is given twice") })
    #expect(report.diagnostics.filter { $0.location?.path.hasSuffix("themes.md") == true }.count == 2_000)
  }

  // MARK: - Bytes

  @Test("NUL bytes, invalid UTF-8 and binary files are errors at the line where they are")
  func badBytes() throws {
    let valid = Array(Self.header().utf8) + Array("---\nLine one.\nLine two ".utf8)
    let at = valid.count + 1
    let files: [String: Data] = [
      "nul.md": Data(valid + [0x00] + Array(" after NUL.\n".utf8)),
      "surrogate.md": Data(valid + [0xED, 0xA0, 0x80] + Array("\n".utf8)),
      "overlong.md": Data(valid + [0xC0, 0xAF] + Array("\n".utf8)),
      "truncated.md": Data(valid + [0xE2, 0x82]),
      "ff.md": Data(valid + [0xFF, 0xFE]),
      "png.md": Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]),
      "bom-only.md": Data([0xEF, 0xBB, 0xBF]),
      "spaces.md": Data(" \n\t\n  \r\n".utf8),
    ]
    let (_, report, content) = try Self.build(files)
    let printed = Set(Self.printed(report, content).map { String($0.split(separator: "\n")[0]) })
    let expected: Set<String> = [
      "Content/recommendations/nul.md:10:1: error: the file contains a NUL byte: is it a text file?",
      "Content/recommendations/surrogate.md:10:1: error: the file is not valid UTF-8 (byte \(at))",
      "Content/recommendations/overlong.md:10:1: error: the file is not valid UTF-8 (byte \(at))",
      "Content/recommendations/truncated.md:10:1: error: the file is not valid UTF-8 (byte \(at))",
      "Content/recommendations/ff.md:10:1: error: the file is not valid UTF-8 (byte \(at))",
      "Content/recommendations/png.md:1:1: error: the file is not valid UTF-8 (byte 1)",
      "Content/recommendations/bom-only.md:1:1: error: the file is empty",
      "Content/recommendations/spaces.md:1:1: error: the file is empty",
    ]
    #expect(printed == expected, "\(printed.symmetricDifference(expected).sorted())")
  }

  @Test("a byte-order mark, CRLF or lone CR line ends and a closing ... are accepted")
  func lineEnds() throws {
    let crlf = Self.header().replacingOccurrences(of: "\n", with: "\r\n") + "---\r\nWindows text.\r\n"
    let cr = Self.header(paragraph: "4").replacingOccurrences(of: "\n", with: "\r") + "...\rOld Mac text.\r"
    let (output, report, _) = try Self.build(["crlf.md": Data([0xEF, 0xBB, 0xBF] + Array(crlf.utf8)), "cr.md": Data(cr.utf8)])
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    #expect(Self.page(output)?.contains("<p>Windows text.</p>") == true)
    #expect(Self.page(output, "a-hrc-1-2-4")?.contains("<p>Old Mac text.</p>") == true)
  }

  // MARK: - Names

  @Test("files named with spaces, Unicode, semicolons, quotes and newlines build like any other")
  func oddFileNames() throws {
    let names = ["with space.md", "ünïcødé – 中文.md", "semi;colon.md", "quote\"s'.md", "new\nline.md", "-dash.md", "folder with space/x.md"]
    var files: [String: Data] = [:]
    for (n, name) in names.enumerated() {
      let path = name.contains("/") ? "recommendations/" + name : name
      files[path] = Self.recommendation("Text \(n).", extra: "id: odd-\(n)\n")
    }
    files["pages/about me.md"] = Data("---\ntitle: About\n---\nText.\n".utf8)
    let (_, report, content) = try Self.build(files)
    let printed = Self.printed(report, content)
    #expect(printed == ["Content/pages/about me.md:1:1: error: a free page cannot be named \"about me\"\n  note: name it with lower-case letters, digits and dashes, such as about-me.md"])
    files["pages/about me.md"] = nil
    let (good, second, _) = try Self.build(files)
    #expect(second.succeeded, "\(second.diagnostics)")
    for n in names.indices { #expect(Self.page(good, "odd-\(n)")?.contains("<p>Text \(n).</p>") == true) }
  }

  @Test("a document symbol too long for a folder name is an error at its line, not a failed write")
  func overlongSymbol() throws {
    let symbol = "A/HRC/" + String(repeating: "9", count: 300)
    let (_, report, content) = try Self.build(["long.md": Self.recommendation("Text.", extra: "id: long\n", document: symbol)])
    let printed = Self.printed(report, content)
    #expect(printed == ["Content/recommendations/long.md:2:11: error: [document] the symbol is too long to name its page\n  note: a document symbol may have at most 128 letters and digits"])
    let term = "- name: " + String(repeating: "Long name ", count: 20) + "\n"
    let (_, vocabulary, _) = try Self.build(["vocabularies/themes.yml": Data(term.utf8), "ok.md": Self.recommendation("Text.")])
    #expect(Self.printed(vocabulary, content).map { $0.split(separator: "\n")[0] }.contains { $0.hasSuffix("vocabularies/themes.yml:1:9: error: \"long-name-long-name-long-name-long-name-…\" is too long to name a page") },
      "\(vocabulary.diagnostics)")
  }
}
