import Foundation
import Testing

@testable import SiteBuild
@testable import SiteCore

/// Free pages in several languages: `about.fr.md` beside `about.md` is the French page; an
/// edition without its own version shows the original, marked with the original's language.
@Suite("Free pages per language")
struct FreePageTests {
  /// The multilingual fixture (en, fr, zh, ar…) with `pages/` replaced by `files`.
  static func site(_ files: [String: String]) -> String {
    let folder = SiteFixture.temporaryFolder("pages") + "/Content"
    try! FileManager.default.copyItem(atPath: SiteFixture.content("multilingual"), toPath: folder)
    try? FileManager.default.removeItem(atPath: folder + "/pages")
    try! FileManager.default.createDirectory(atPath: folder + "/pages", withIntermediateDirectories: true)
    for (name, text) in files { try! text.write(toFile: folder + "/pages/" + name, atomically: true, encoding: .utf8) }
    return folder
  }

  static let original = "---\ntitle: About this index\n---\nAn index of **recommendations**.\n"
  static let french = "---\ntitle: À propos de cet index\n---\nUn index de **recommandations**.\n"

  @Test("the French edition shows about.fr.md; the others show the original, marked as English, with a note")
  func versions() throws {
    let (output, report) = SiteFixture.build(content: Self.site(["about.md": Self.original, "about.fr.md": Self.french]))
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    let languages = try SiteConfigReaderProbe.languages(SiteFixture.content("multilingual"))
    #expect(languages.count >= 3)
    for language in languages {
      let folder = language == languages[0] ? "" : language + "/"
      let html = try String(contentsOfFile: output + "/" + folder + "about/index.html", encoding: .utf8)
      let main = String(html[html.range(of: "<main")!.lowerBound..<html.range(of: "</main>")!.upperBound])
      switch language {
      case languages[0], "fr":
        #expect(!main.contains("lang="), "\(language): a page in the edition's language needs no lang of its own")
        #expect(!main.contains("language-note"), "\(language)")
        #expect(main.contains(language == "fr" ? "<h1>À propos de cet index</h1>" : "<h1>About this index</h1>"), "\(language)")
        #expect(main.contains(language == "fr" ? "Un index de <strong>recommandations</strong>" : "An index of"), "\(language)")
      default:
        #expect(main.contains("<div lang=\"en\" dir=\"ltr\">\n<h1>About this index</h1>"), "\(language): \(main)")
        #expect(main.contains("class=\"language-note\""), "\(language)")
        #expect(html.contains("<html lang=\"\(language)\""), "\(language)")
      }
      // The footer names the page as the edition shows it.
      let footerTitle = language == "fr" ? "À propos de cet index" : "About this index"
      #expect(html.contains("about/\">\(footerTitle)</a>"), "\(language)")
    }
  }

  @Test("a version in a language the site lacks, or of a page that does not exist, is an error naming the file")
  func badVersions() {
    let (_, report) = SiteFixture.build(content: Self.site([
      "about.md": Self.original, "about.de.md": Self.french, "faq.fr.md": Self.french, "about.en.md": Self.french,
    ]))
    #expect(!report.succeeded)
    let messages = report.diagnostics.map(\.description)
    #expect(messages.contains { $0.contains("about.de.md") && $0.contains("not one of the site's other languages") }, "\(messages)")
    #expect(messages.contains { $0.contains("about.en.md") && $0.contains("not one of the site's other languages") }, "\(messages)")
    #expect(messages.contains { $0.contains("faq.fr.md") && $0.contains("translates a page that does not exist") }, "\(messages)")
  }
}

/// The fixture's languages, read from its site.yml with Yams-free line parsing (the list is flow style).
enum SiteConfigReaderProbe {
  static func languages(_ content: String) throws -> [String] {
    let text = try String(contentsOfFile: content + "/site.yml", encoding: .utf8)
    let line = text.split(separator: "\n").first { $0.hasPrefix("languages:") }!
    return line.dropFirst("languages:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
      .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
  }
}
