import Testing

@testable import SiteCore

@Suite("Splitting front matter from text")
struct FrontMatterSplitterTests {
  func split(_ text: String) -> Result<SplitDocument, Diagnostic> {
    FrontMatterSplitter.split(SourceFile(path: "f.md", text: text))
  }

  @Test("YAML and body are cut apart with their first lines")
  func splits() throws {
    let doc = try split("---\na: 1\nb: 2\n---\nBody\nmore\n").get()
    #expect(doc.yaml == "a: 1\nb: 2" && doc.yamlLine == 2)
    #expect(doc.body == "Body\nmore" && doc.bodyLine == 5)
  }

  @Test("problems are named", arguments: [
    ("", "the file is empty"),
    ("  \n\n", "the file is empty"),
    ("Body only", #"no front matter: the file must start with a line "---""#),
    ("---\na: 1\n", "the front matter is not closed"),
  ])
  func problems(text: String, message: String) {
    guard case .failure(let d) = split(text) else {
      Issue.record("expected an error")
      return
    }
    #expect(d.message == message)
    #expect(d.location == SourceLocation(path: "f.md", line: 1))
  }

  @Test("an empty front matter and a closing ... are accepted")
  func variants() throws {
    #expect(try split("---\n---\nText").get().body == "Text")
    #expect(try split("---\na: 1\n...\nText").get().yaml == "a: 1")
  }
}
