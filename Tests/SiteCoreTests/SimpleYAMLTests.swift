import Foundation
import Testing
import Yams

@testable import SiteCore

/// The fast front-matter reader must build exactly the nodes Yams builds, or give up.
@Suite("The fast front-matter reader")
struct SimpleYAMLTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The front matter of every Markdown file of the sample site and the test fixtures.
  static func frontMatters() -> [String] {
    var found: [String] = []
    for folder in ["Content", "Tests/SiteBuildTests/Fixtures"] {
      let root = repository.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
      for case let path as String in walker where path.hasSuffix(".md") {
        guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8),
          case .success(let split) = FrontMatterSplitter.split(SourceFile(path: path, text: text))
        else { continue }
        found.append(split.yaml)
      }
    }
    return found.sorted()
  }

  /// nil when the fast reader gave up, else whether it agrees with Yams.
  static func agrees(_ yaml: String) -> Bool? {
    guard let fast = SimpleYAML.parse(yaml) else { return nil }
    guard let slow = try? Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
      Issue.record("the fast reader accepted YAML that Yams rejects: \(yaml.debugDescription)")
      return false
    }
    let yams = FieldNode(slow).shape
    let same = fast.shape == yams
    if !same { Issue.record("\(yaml.debugDescription)\nfast: \(fast.shape)\nYams: \(yams)") }
    return same
  }

  @Test("reads the sample site's and the fixtures' front matter as Yams does")
  func realFiles() {
    let all = Self.frontMatters()
    #expect(all.count > 70)
    let results = all.map(Self.agrees)
    #expect(!results.contains(false))
    // The fast path is the common path: the sample site's plain files never need Yams.
    #expect(results.filter { $0 == true }.count * 10 >= all.count * 8)
    // The follow-up blocks (nested mappings, lists of mappings, flow mappings) are read fast too,
    // unless they hold what only Yams reads (the hostile fixtures' escapes).
    let followUps = all.filter { $0.contains("follow_up:\n") && !$0.contains("\\") }
    #expect(followUps.count >= 10)
    for yaml in followUps where Self.agrees(yaml) != true { Issue.record("left to Yams: \(yaml)") }
  }

  @Test("edge cases are read as Yams reads them or left to Yams", arguments: [
    "a: b", "a: \"1.10\"", "a: '16.10'", "a: [x, y]", "a: []", "a: [ ]", "a: [\"2\", '2.b', c]", "a:", "a:\n- x\n- y",
    "a:\n  - x\n  - y\nb: z", "a: b c, d", "a: b # comment", "a: b: c", "a: b:", "a: -5", "a: - x", "a: ?x", "a: :x",
    "a: ~", "a: null", "a: [a, b,]", "a: [a,,b]", "a: [a: b]", "a: [[a]]", "a: {x: y}", "a: &x y", "a: *x", "a: !x y",
    "a: |\n  text", "a: >\n  text", "a: 'it''s'", "a: \"say \\\"hi\\\"\"", "a: b\n  continued", "a: b\na: c", "a: b\n# c\nd: e",
    "a: \u{00A0}b", "a: b\u{2028}c", "a: égalité", "a: 国际合作", "a: x#y", "a: [x#y, z]", "a: [x #y]", "a: \"x\" y",
    "a: [\"x\" y]", "a: %x", "a: @x", "a: `x`", "a:\tb", "a: b\t", "1a: b", "a b: c", "\"a\": b", "a: b\n---\nc: d",
    "a: [x, \"y, z\"]", "a: 'x, y'", "a:\n\n- x", "a:\n- x\nb:", "a:\n- 'x'\n- \"y\"", "a: x\n- y", "- x", "a: [x] y",
    "a: x:y", "a: [x:y]", "a: http://example.org/a?b=c", "a: \"\"", "a: ''", "a:    spaced   ",
    // Nested blocks, as a follow-up block writes them.
    "a:\n  b: c\n  d: [e]\nf: g", "a:\n  b:\n    - c: 1\n      d: 2\n    - c: 3\n", "a:\n  b:\n  - c\n  - d\n  e: f",
    "a:\n  - b: {x: 1, y: 2}\n  - b: {}", "a: {x: 1, x: 2}", "a: {x: 1,}", "a: {x:1}", "a: {x: [1]}", "a: {x: 'y, z'}",
    "a: {\"x\": 1}", "a:\n  b: c\n   d: e", "a:\n  b: c\n d: e", "a:\n  - b: c\n    d: e\n   f: g", "a:\n  - b: c\n  - d",
    "a:\n  - b: c\n  e: f", "a:\n  -  b: c\n     d: e", "a:\n  - b:\n    - c\n    d: e", "a:\n  - b:\n      c: d",
    "a:\n  b:\n  c: d", "a:\n  b:", "a:\n  - - b", "a:\n  - b\n    c", "a:\n  b: c\n  # note\n  d: e",
    "a:\n  b: c\n# note\n  d: e", "a:\n\tb: c", "a:\n  b: c\n  b: d", "a:\n  - b: c\n    b: d", "a:\n  -\n  - b",
    "a:\n  b: |\n    x", "a:\n  - &x b: c", "a:\n    b: c\n  d: e",
  ])
  func edgeCases(_ yaml: String) {
    #expect(Self.agrees(yaml) != false)
  }

  @Test("thousands of mutated files are read as Yams reads them or left to Yams")
  func mutations() {
    var generator = SeededRandom(seed: 20_261_125)
    let inserts = [" ", ":", ": ", "#", " #", "-", "- ", "[", "]", ",", "'", "\"", "\n", "\n  ", "\t", "{", "}", "&", "*", "!",
      "|", ">", "%", "@", "é", "国", "\u{00A0}", "\\", "?", "~", "\n- x", "\na: b"]
    var agreed = 0
    for base in Self.frontMatters() {
      let bytes = Array(base.utf8)
      for _ in 0..<150 {
        var mutated = bytes
        for _ in 0..<(1 + Int(generator.next() % 3)) {
          let at = Int(generator.next() % UInt64(mutated.count + 1))
          guard mutated[..<at].last.map({ $0 < 0x80 || $0 >= 0xC0 }) ?? true, at == mutated.count || mutated[at] < 0x80 || mutated[at] >= 0xC0 else { continue }
          mutated.insert(contentsOf: Array(inserts[Int(generator.next() % UInt64(inserts.count))].utf8), at: at)
        }
        guard let text = String(validating: mutated, as: UTF8.self) else { continue }
        if Self.agrees(text) == true { agreed += 1 }
      }
    }
    #expect(agreed > 2_000)
  }
}
