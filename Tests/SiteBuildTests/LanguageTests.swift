import Foundation
import Testing

@testable import SiteBuild

/// A site in the six UN languages: a tree per language, translated interface, translations of
/// texts where they exist and the original, marked with its language, where they don't.
@Suite("Sites in several languages")
struct LanguageTests {
  static let pages = [
    "ar/index.html", "ar/countries/ecu/index.html", "ar/recommendations/a-hrc-36-4-118-64/index.html",
    "zh/countries/index.html", "zh/recommendations/a-hrc-36-4-118-64/index.html", "zh/sdgs/16/index.html",
    "fr/recommendations/a-hrc-36-4-118-64/index.html", "fr/recommendations/fra-upr3-ratification/index.html",
    "sitemap.xml", "sitemap-ar.xml",
  ]

  @Test("Arabic, Chinese and French pages match their golden files")
  func goldenPages() throws {
    let (output, report) = SiteFixture.build(content: SiteFixture.content("multilingual"))
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    for page in Self.pages {
      Golden.check(try String(contentsOfFile: output + "/" + page, encoding: .utf8), against: "multilingual/" + page)
    }
  }

  @Test("every language gets every page, with its lang and dir, and links to the others")
  func everyLanguageTree() throws {
    let (output, report) = SiteFixture.build(content: SiteFixture.content("multilingual"))
    #expect(report.succeeded)
    let files = SiteFixture.files(in: output)
    let english = files.keys.filter { $0.hasSuffix("index.html") && !["ar", "zh", "fr", "es", "ru"].contains(String($0.prefix(2))) }
    #expect(english.count > 40)
    for language in ["fr", "es", "ru", "zh", "ar"] {
      for page in english {
        let translated = language + "/" + page
        guard let data = files[translated] else {
          Issue.record("\(translated) is missing")
          continue
        }
        let html = String(decoding: data, as: UTF8.self)
        let dir = language == "ar" ? "rtl" : "ltr"
        #expect(html.contains("<html lang=\"\(language)\" dir=\"\(dir)\">"), "\(translated)")
        #expect(html.contains("hreflang=\"en\""), "\(translated) has no alternate link to English")
      }
    }
  }

  @Test("a page shows the translation when there is one, and otherwise the original marked with its language")
  func translationsAndOriginals() throws {
    let (output, _) = SiteFixture.build(content: SiteFixture.content("multilingual"))
    let french = try String(contentsOfFile: output + "/fr/recommendations/a-hrc-36-4-118-64/index.html", encoding: .utf8)
    #expect(french.contains("<em>l’esclavage moderne</em>"))
    // A translation says so and links the original (the English page, at the root).
    #expect(!french.contains("Texte affiché dans sa langue originale"))
    #expect(french.contains("<p class=\"language-note\">Traduction : le texte original est en anglais. "
      + "<a href=\"../../../recommendations/a-hrc-36-4-118-64/\" hreflang=\"en\">Lire l&#39;original</a></p>"))
    #expect(french.contains("<dd><bdi><a href=\"../../../fr/search/?language=fr\">français (traduction)</a></bdi></dd>"))
    let russian = try String(contentsOfFile: output + "/ru/recommendations/a-hrc-36-4-118-64/index.html", encoding: .utf8)
    #expect(russian.contains("<div class=\"rec-text\" lang=\"en\" dir=\"ltr\">"))
    #expect(russian.contains("class=\"language-note\""))
    let chinese = try String(contentsOfFile: output + "/zh/recommendations/a-hrc-36-4-118-64/index.html", encoding: .utf8)
    // The headline is the translation's first sentence: the page title, not repeated as the heading.
    #expect(chinese.contains("<title>制定打击现代奴役的国家战略，并与民间社会合作。 · "))
    #expect(!chinese.contains("<h1>制定打击现代奴役的国家战略"))
  }
}
