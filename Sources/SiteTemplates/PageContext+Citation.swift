import SiteCore

/// How to cite a recommendation — plain text, BibTeX and RIS — from its document symbol,
/// paragraph, body, date and the document's address. The page shows each in a `<pre>` that the
/// template escapes like any text; BibTeX and RIS get their own escaping here.
extension PageContextBuilder {
  func citation(_ i: Int, title: String) -> TemplateValue {
    let r = model.catalog.recommendations[i]
    let body = labels.label(.body, r.body)
    let country = labels.label(.country, r.country.rawValue)
    let source = r.sourceAddress
    let page = model.config.baseURL.map { $0 + prefix + "recommendations/\(r.id)/" }
    let reference = "\(r.document), \(strings["paragraph_short"]) \(r.paragraph)"
    var plain = strings.format("cite_plain", [
      "body": body, "reference": reference, "date": LanguageFormat.date(r.date, language), "title": title, "country": country,
    ])
    if !source.isEmpty { plain += " " + source }
    if let page { plain += " (\(page))" }
    return [
      "plain": .text(plain), "bibtex": .text(Self.bibtex(r, title: title, body: body, reference: reference, country: country, url: source)),
      "ris": .text(Self.ris(r, title: title, body: body, reference: reference, country: country, url: source, page: page)),
    ]
  }

  static func bibtex(_ r: Recommendation, title: String, body: String, reference: String, country: String, url: String) -> String {
    var fields: [(String, String)] = [
      ("title", bibtexText(title)), ("howpublished", bibtexText(reference)),
      ("year", r.year), ("date", r.date), ("note", bibtexText(country)),
    ]
    if !url.isEmpty { fields.append(("url", bibtexText(url))) }
    // A body is a corporate author: its name in a group of its own, so BibTeX does not split it
    // into first and last names; quoted (inside the group a quote ends nothing).
    let author = "  author = \"{\(bibtexText(body))}\",\n"
    let lines = author + fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
    return "@misc{\(r.id.rawValue),\n\(lines)\n}"
  }

  /// Text for a BibTeX field, on one line, with the characters TeX treats specially written as
  /// commands. Braces become `\textbraceleft ` and `\textbraceright `, so the only braces in an
  /// entry are its own delimiters.
  static func bibtexText(_ text: String) -> String {
    // Most titles and names have nothing to write as a command: then the text is the value.
    if !text.utf8.contains(where: { $0 < 0x20 || bibtexSpecial.contains($0) }) { return text }
    var out = ""
    for c in oneLine(text) {
      switch c {
      case "\\": out += "\\textbackslash "
      case "{": out += "\\textbraceleft "
      case "}": out += "\\textbraceright "
      case "^": out += "\\textasciicircum "
      case "~": out += "\\textasciitilde "
      case "%", "&", "$", "#", "_": out += "\\" + String(c)
      default: out.append(c)
      }
    }
    return out
  }

  static func ris(_ r: Recommendation, title: String, body: String, reference: String, country: String, url: String, page: String?) -> String {
    var lines: [(String, String)] = [
      ("TY", "GOVDOC"), ("ID", r.id.rawValue), ("TI", title), ("AU", body), ("T2", reference), ("PY", r.year),
      ("DA", r.date.replacingOccurrences(of: "-", with: "/")), ("N1", country),
    ]
    if !url.isEmpty { lines.append(("UR", url)) }
    if let page { lines.append(("UR", page)) }
    lines.append(("ER", ""))
    return lines.map { "\($0.0)  - \(oneLine($0.1))" }.joined(separator: "\n")
  }

  /// The bytes `bibtexText` writes as commands.
  private static let bibtexSpecial: Set<UInt8> = Set("\\{}^~%&$#_".utf8)

  /// Line breaks and tabs as spaces: a RIS or BibTeX value is one line.
  static func oneLine(_ text: String) -> String {
    if !text.utf8.contains(where: { $0 < 0x20 }) { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
  }
}
