import Foundation

/// Looks through every file of a built site for anything a browser could run: script elements,
/// event-handler attributes, frames and plug-ins, `javascript:`/`vbscript:`/`data:` URLs,
/// Mustache tags left unrendered, and files that are neither escaped markup, JSON data nor an
/// asset of the theme copied unchanged.
struct ActiveContentScanner {
  /// Tags and attributes the theme's templates, the generator's own markup (charts) or cmark's
  /// safe output write; anything else in a page can only have come from content.
  let knownTags: Set<String>
  let knownAttributes: Set<String>
  /// The theme's static files, output path → bytes; content can never change them.
  let themeAssets: [String: Data]
  /// Mustache-looking text the content itself contains, shown literally on purpose.
  let contentLiterals: [String]

  static let cmarkTags: Set<String> = [
    "p", "em", "strong", "a", "img", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br",
    "h1", "h2", "h3", "h4", "h5", "h6",
  ]
  static let cmarkAttributes: Set<String> = ["href", "src", "alt", "title", "start", "class"]
  static let sitemapTags: Set<String> = ["urlset", "url", "loc"]
  static let forbiddenTags: Set<String> = [
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "math", "style", "template",
    "portal", "xml", "import",
    // SVG elements that run code, load documents or change attributes (to javascript: URLs).
    "foreignobject", "animate", "set", "animatetransform", "animatemotion", "use", "handler", "listener",
  ]
  static let urlAttributes: Set<String> = [
    "href", "src", "action", "formaction", "cite", "poster", "data", "background", "xlink:href", "srcset", "ping",
    "manifest", "codebase", "longdesc", "usemap", "icon", "dynsrc", "lowsrc",
  ]

  /// - Parameter markupSources: folders of templates and of Swift code that writes markup.
  init(markupSources: [String], publicFolder: String, contentLiterals: [String]) {
    var tags = Self.cmarkTags.union(Self.sitemapTags)
    var attributes = Self.cmarkAttributes.union(["xmlns"])
    for (_, data) in markupSources.flatMap({ SiteFixture.files(in: $0) }) {
      let text = String(decoding: data, as: UTF8.self)
      tags.formUnion(Self.matches(#"</?([a-zA-Z][a-zA-Z0-9]*)"#, in: text).map { $0.lowercased() })
      for tag in Self.matches(#"(<[a-zA-Z][^>]*>)"#, in: text) {
        attributes.formUnion(Self.matches(#"\s([a-zA-Z][a-zA-Z0-9:-]*)(?=[\s=>/])"#, in: tag).map { $0.lowercased() })
      }
    }
    knownTags = tags.subtracting(Self.forbiddenTags)
    knownAttributes = attributes.filter { !$0.hasPrefix("on") && $0 != "style" && $0 != "srcdoc" }
    themeAssets = SiteFixture.files(in: publicFolder)
    self.contentLiterals = contentLiterals.sorted { $0.count > $1.count }
  }

  // MARK: - Files

  /// One line per problem, each naming the file.
  func problems(in files: [String: Data]) -> [String] {
    files.keys.sorted().flatMap { path in problems(path: path, data: files[path]!, in: files).map { "\(path): \($0)" } }
  }

  func problems(path: String, data: Data, in files: [String: Data]) -> [String] {
    switch URL(fileURLWithPath: path).pathExtension {
    case "html", "xml":
      return markupProblems(String(decoding: data, as: UTF8.self), path: path, files: files)
    case "csv":
      return Self.formulaCells(String(decoding: data, as: UTF8.self))
    case "json":
      return (try? JSONSerialization.jsonObject(with: data)) == nil ? ["not valid JSON"] : []
    case "jsonl":
      let lines = data.split(separator: UInt8(ascii: "\n"))
      return lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0))) != nil } ? [] : ["a line that is not JSON"]
    case "xlsx", "sqlite":
      // Compressed or binary: Tests/exports reads their cells (openpyxl: no formula) and rows (sqlite3),
      // the follow-up progress reports' workbooks too (test_follow_up_report.py).
      let isReport = path.contains("/follow-up/") && path.hasSuffix("/report.xlsx")
      return path.hasPrefix("downloads/") || path.hasSuffix("/recommendations.xlsx") || isReport
        ? [] : ["a download outside downloads/, the group pages and the follow-up reports"]
    case "bin":
      return path.hasPrefix("search/index/") ? [] : ["a binary file outside the search index"]
    case "css" where path == "assets/matrix-filters.css":
      return Self.matrixFilterProblems(String(decoding: data, as: UTF8.self))
    default:
      if path == ".hrindex-output" { return [] }
      guard let original = themeAssets[path] else { return ["a file that is neither a page, data, nor a theme asset"] }
      return original == data ? [] : ["differs from the theme's Public/\(path)"]
    }
  }

  /// The generated stylesheet of the matrices' filters holds its comment line and rules that hide
  /// rows and sections by a slugged value, nothing else (no `url(`, `@import`, text from content).
  static func matrixFilterProblems(_ css: String) -> [String] {
    let rule = #"^#filter-(cycle|body|response)-[a-z0-9-]+:target ~ \.matrix-section(:not\(:has\(tbody tr\[data-(cycle|body|response)="[a-z0-9-]+"\]\)\)| tbody tr:not\(\[data-(cycle|body|response)="[a-z0-9-]+"\]\)) \{ display: none; \}$"#
    return css.split(separator: "\n").enumerated().compactMap { n, line in
      n == 0 && line.hasPrefix("/* ") && line.hasSuffix(" */") || line.wholeMatch(of: try! Regex(rule)) != nil
        ? nil : "line \(n + 1) is not a filter rule: \(line.prefix(80))"
    }
  }

  // MARK: - Spreadsheets

  /// Cells a spreadsheet would run as a formula: text starting with `=`, `+`, `-`, `@`, tab or CR.
  static func formulaCells(_ csv: String) -> [String] {
    var problems: [String] = []
    var cell = ""
    var quoted = false
    var atCellStart = true
    func finish() {
      if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
        problems.append("a formula cell: \(cell.prefix(60))")
      }
      cell = ""
      atCellStart = true
    }
    var scalars = Substring(csv.hasPrefix("\u{FEFF}") ? String(csv.dropFirst()) : csv).unicodeScalars[...]
    while let c = scalars.popFirst() {
      if quoted {
        if c == "\"" {
          if scalars.first == "\"" { cell.unicodeScalars.append(scalars.removeFirst()) } else { quoted = false }
        } else {
          cell.unicodeScalars.append(c)
        }
      } else if c == "\"" && atCellStart {
        quoted = true
        atCellStart = false
      } else if c == "," || c == "\n" {
        finish()
      } else if c == "\r" && scalars.first == "\n" {
        continue
      } else {
        cell.unicodeScalars.append(c)
        atCellStart = false
      }
    }
    if !cell.isEmpty { finish() }
    return problems
  }

  // MARK: - Markup

  func markupProblems(_ text: String, path: String, files: [String: Data]) -> [String] {
    var problems: [String] = []
    let tokens = MarkupScanner.tokens(text)
    for (n, token) in tokens.enumerated() {
      switch token {
      case .strayLessThan(let offset): problems.append("an unescaped \"<\" at byte \(offset)")
      case .declaration(let d) where !(d.hasPrefix("<!DOCTYPE html") || d.hasPrefix("<?xml ")):
        problems.append("unexpected declaration \(d)")
      case .tag(let tag) where !tag.closing:
        let next = n + 1 < tokens.count ? tokens[n + 1] : nil
        problems += tagProblems(tag, next: next, page: path, files: files).map { "<\(tag.name)> at byte \(tag.offset): \($0)" }
      case .text(let t): problems += leftoverMustache(t)
      default: break
      }
    }
    return problems
  }

  func tagProblems(_ tag: MarkupTag, next: MarkupToken?, page: String, files: [String: Data]) -> [String] {
    var problems: [String] = []
    if tag.name == "script" {
      problems += scriptProblems(tag, next: next, page: page, files: files)
    } else if !knownTags.contains(tag.name) {
      problems.append("a tag neither the theme nor cmark writes")
    }
    if tag.name == "meta", tag.value("http-equiv") != nil { problems.append("meta http-equiv") }
    for (name, value) in tag.attributes {
      if name.hasPrefix("on") || name == "style" || name == "srcdoc" || !knownAttributes.contains(name) {
        problems.append("attribute \(name)=\"\(value)\"")
      }
      if Self.urlAttributes.contains(name), let reason = Self.unsafeURL(value, tag: tag.name, attribute: name) {
        problems.append("\(name)=\"\(value)\": \(reason)")
      }
      problems += leftoverMustache(value)
    }
    return problems
  }

  /// The only script a page may hold is the theme's own module, loaded from a file of the site.
  func scriptProblems(_ tag: MarkupTag, next: MarkupToken?, page: String, files: [String: Data]) -> [String] {
    guard let src = tag.value("src"), !src.isEmpty else { return ["an inline script"] }
    guard case .tag(let end)? = next, end.name == "script", end.closing else { return ["a script with inline code"] }
    guard let resolved = URL(string: src, relativeTo: URL(string: "https://site.invalid/" + page))?.absoluteURL,
      resolved.host == "site.invalid", let data = files[String(resolved.path.dropFirst())]
    else { return ["a script from outside the site: \(src)"] }
    return themeAssets[String(resolved.path.dropFirst())] == data ? [] : ["a script that is not the theme's: \(src)"]
  }

  /// Why a URL could run code or load a document from text, or nil when it is a plain link.
  static func unsafeURL(_ raw: String, tag: String, attribute: String) -> String? {
    // Browsers drop tabs and newlines anywhere and C0 controls and spaces at both ends.
    let cleaned = raw.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
    let trimmed = String(String.UnicodeScalarView(cleaned)).trimmingCharacters(in: .controlCharacters.union(.whitespaces))
    let lower = trimmed.lowercased()
    // Without a well-formed scheme before the first ":", the URL is a relative path.
    guard let colon = lower.firstIndex(of: ":"), let first = lower.first, first.isASCII, first.isLetter,
      lower[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
    else { return nil }
    let scheme = String(lower[..<colon])
    if ["http", "https", "mailto"].contains(scheme) { return nil }
    if scheme == "data", tag == "img", attribute == "src",
      ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: lower.hasPrefix)
    {
      return nil
    }
    return "the \(scheme): scheme"
  }

  /// Mustache tags that survived rendering, other than text the content wrote on purpose.
  func leftoverMustache(_ text: String) -> [String] {
    guard text.contains("{{") || text.contains("}}") else { return [] }
    var rest = text
    for literal in contentLiterals { rest = rest.replacingOccurrences(of: literal, with: "") }
    return rest.contains("{{") || rest.contains("}}") ? ["Mustache braces in \"\(text.prefix(80))\""] : []
  }

  static func matches(_ pattern: String, in text: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
  }
}
