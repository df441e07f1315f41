import Foundation
import Testing

@testable import SiteBuild

/// The hostile fixture puts script tags, event handlers, `javascript:`/`vbscript:`/`data:` URLs,
/// attribute-breaking quotes, right-to-left overrides, zero-width characters and Mustache tags in
/// every place content reaches: body, title, every front-matter field, vocabulary names, file
/// names. The site must build, show all of it as text, and run none of it.
@Suite("Hostile content is shown as inert text")
struct HostileContentTests {
  static let literals = ["{{{triple}}}", "{{mustache}}"]
  static let scanner = ActiveContentScanner(
    markupSources: ["Templates", "Sources/SiteTemplates"].map { SiteFixture.repository.appendingPathComponent($0).path },
    publicFolder: SiteFixture.repository.appendingPathComponent("Public").path, contentLiterals: literals)

  /// The fixture copied to a temporary folder, plus files whose names are hostile (kept out of
  /// the repository so that every checkout can hold it).
  static func hostileSite() throws -> String {
    let content = SiteFixture.temporaryFolder("hostile") + "/Content"
    try FileManager.default.copyItem(atPath: SiteFixture.content("hostile"), toPath: content)
    let text = try String(contentsOfFile: content + "/recommendations/data-urls.md", encoding: .utf8)
    let names = ["\"><script>alert('file')<", "a' onerror='alert(1)", "javascript:alert(1);x", "‮gnp.md"]
    for (n, name) in names.enumerated() {
      let folder = content + "/recommendations/\(name)"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let renamed = text.replacingOccurrences(of: "id: data-urls", with: "id: file-name-\(n)")
      try renamed.write(toFile: folder + "/\(name) <img src=x onerror=alert(1)>.md", atomically: true, encoding: .utf8)
    }
    return content
  }

  static let built: (output: String, report: BuildReport) = {
    let (output, report) = SiteFixture.build(content: try! hostileSite(), baseURL: nil)
    return (output, report)
  }()

  @Test("the hostile site builds without an error")
  func builds() {
    let report = Self.built.report
    #expect(report.succeeded, "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
    #expect(report.recommendations == 9)
  }

  @Test("no output file holds a script, an event handler, a frame or a dangerous URL")
  func nothingExecutable() {
    let files = SiteFixture.files(in: Self.built.output)
    #expect(files.count > 40)
    #expect(files.keys.contains { $0.hasSuffix(".html") } && files["sitemap.xml"] != nil)
    let problems = Self.scanner.problems(in: files)
    #expect(problems.isEmpty, "\(problems.prefix(40).joined(separator: "\n"))")
  }

  @Test("hostile text is shown escaped, not dropped")
  func shownEscaped() throws {
    let out = Self.built.output
    func page(_ path: String) throws -> String { try String(contentsOfFile: out + "/" + path, encoding: .utf8) }
    let siteTitle = "HRIndex &quot;quoted&quot; &lt;script&gt;alert(&#39;site&#39;)&lt;/script&gt; &amp; &#39; onload=&#39;alert(1)"
    for (path, data) in SiteFixture.files(in: out) where path.hasSuffix(".html") {
      #expect(String(decoding: data, as: UTF8.self).contains(siteTitle), "\(path) lacks the escaped site title")
    }
    let rec = try page("recommendations/a-hrc-script-1-1-b-2-b/index.html")
    for shown in [
      "Title &quot;quoted&quot; &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; {{mustache}} &#39; onmouseover=&#39;x",
      "A/HRC/&lt;script&gt;/1", "1&lt;b&gt;2&lt;/b&gt;", "&lt;script&gt;alert(&#39;responsible&#39;)&lt;/script&gt;",
      "&#39; onmouseover=&#39;alert(&quot;cluster&quot;)", "Ecuador &lt;script&gt;alert(&#39;country&#39;)&lt;/script&gt;",
      "&lt;img src=x onerror=alert(&#39;theme&#39;)&gt;", "&quot;&gt;&lt;img src=x onerror=alert(&#39;region&#39;)&gt;",
      "<!-- raw HTML omitted -->", "<a href=\"\">a link</a>",
    ] {
      #expect(rec.contains(shown), "the recommendation page lacks \(shown)")
    }
    let entity = try page("recommendations/attribute-breakers/index.html")
    #expect(entity.contains("<title>&lt;script&gt;alert(“entity”)&lt;/script&gt; is shown as text, not run. · "))
    #expect(try page("themes/index.html").contains("{{mustache}} {{{triple}}} &quot;double&quot; &#39;single&#39;"))
    #expect(try page("recommendations/javascript-alert-document-7/index.html").contains("\u{202E}evil.exe\u{202C} zero\u{200B}width\u{200D}"))
    #expect(try page("hostile/index.html").contains("&lt;script&gt;alert(&quot;page&quot;)&lt;/script&gt; &quot;quoted&quot;"))
  }

  @Test("the search index holds the hostile text as data, and the search module returns it escaped")
  func searchIndexIsData() throws {
    let out = Self.built.output
    try #require(FileManager.default.fileExists(atPath: out + "/search/index/manifest.json"), "no search index")
    let script = """
      import fs from "node:fs";
      const root = process.argv[2];
      const { createSearch } = await import(root + "/search/search.js");
      const fetch = async (url) => {
        const bytes = fs.readFileSync(root + "/" + String(url).slice("https://site.invalid/".length));
        return { ok: true, status: 200, json: async () => JSON.parse(bytes.toString("utf8")),
                 arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
      };
      const engine = createSearch({ baseUrl: "https://site.invalid/", fetch });
      let seen = 0;
      for (const q of ["script", "alert", "onerror", "javascript", "entity", "mustache"]) {
        const r = await engine.search(q, { limit: 50 });
        for (const hit of r.results) {
          seen++;
          const markup = hit.excerpt.replace(/<\\/?mark>/g, "");
          if (/[<>]/.test(markup)) { console.log("UNSAFE " + q + ": " + hit.excerpt); process.exit(1); }
          if (!/^https:\\/\\/site\\.invalid\\/recommendations\\/[a-z0-9-]+\\/$/.test(hit.url)) { console.log("UNSAFE url " + hit.url); process.exit(1); }
        }
      }
      console.log("results " + seen);
      """
    let result = try NodeScript.run(script, arguments: [out])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("results ") && !result.output.contains("results 0"), "\(result.output)")
  }

  @Test("the search page puts text into the page as text; only the escaped excerpt as markup")
  func searchPageSinks() throws {
    let sinks = try Regex(#"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*["']on"#)
    var found: [String] = []
    for (path, data) in SiteFixture.files(in: Self.built.output) where path.hasSuffix(".js") {
      for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.contains(sinks) {
        let code = line.trimmingCharacters(in: .whitespaces)
        if !code.hasPrefix("//") { found.append("\(path): \(code)") }
      }
    }
    #expect(found.allSatisfy { $0.hasSuffix(".innerHTML = hit.excerpt;") }, "\(found)")
  }

  @Test("the scanner itself catches every kind of executable markup")
  func scannerCatchesAttacks() {
    let attacks = [
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
      "<a href=\"jav&#x61;script:alert(1)\">x</a>", "<a href=\" &#10;javascript:alert(1)\">x</a>",
      "<a href='vbscript:msgbox(1)'>x</a>", "<img src=\"data:text/html,x\">", "<iframe src=x></iframe>",
      "<object data=x></object>", "<embed src=x>", "<p title=\"{{title}}\">", "<p>{{leftover}}</p>",
      "<p style=\"x\">", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
      "<a href=\"x\"onclick=\"alert(1)\">x</a>", "a < b", "<script src=\"https://evil.example/x.js\"></script>",
      "<svg><foreignObject><p>x</p></foreignObject></svg>", "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
      "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    ]
    for attack in attacks {
      #expect(!Self.scanner.markupProblems(attack, path: "x/index.html", files: [:]).isEmpty, "missed \(attack)")
    }
    for csv in ["a,=1+1\r\n", "\"+cmd\",x", "x,\"@SUM(1)\"\r\n", "-2+3", "x\n\tTAB"] {
      #expect(!ActiveContentScanner.formulaCells(csv).isEmpty, "missed \(csv)")
    }
    #expect(ActiveContentScanner.formulaCells("\u{FEFF}a,b\r\n'=1+1,\"'-2, \"\"x\"\"\",2020-01-01\r\n").isEmpty)
    let inert = "<p>&lt;script&gt;alert(&#39;x&#39;) onerror=x javascript:alert(1) {{mustache}}</p><a href=\"https://undocs.org/javascript:x\">x</a>"
    #expect(Self.scanner.markupProblems(inert, path: "x/index.html", files: [:]).isEmpty)
  }
}

/// Runs a Node ES module given as text, for the checks that need the browser's search module.
enum NodeScript {
  static func run(_ source: String, arguments: [String]) throws -> (status: Int32, output: String) {
    let file = SiteFixture.temporaryFolder("node") + "/check.mjs"
    try source.write(toFile: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["node", file] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
