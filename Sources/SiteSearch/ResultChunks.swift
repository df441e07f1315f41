/// The result metadata in docs/<c>.json and the per-document facet values in vectors/<b>.bin.
enum ResultChunks {
  /// One document as docs/<c>.json stores it: `[id, text, document, paragraph, date, language,
  /// title, country, body, url?, translations?]` (country and body: the first value, or ""). `title` is null when it equals the text, a number k when it is
  /// the text's first k UTF-16 code units and "…", otherwise the title itself; `url` is left out
  /// when it is "recommendations/<id>/" and the document has no translations; `translations` is
  /// `{language: [title, text]}` (title encoded like the document's).
  static func record(_ d: SearchDocument, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "["))
    for (k, field) in [d.id, d.text, d.document, d.paragraph, d.date, d.language].enumerated() {
      if k > 0 { out.append(UInt8(ascii: ",")) }
      JSON.string(field, into: &out)
    }
    out.append(UInt8(ascii: ","))
    title(d.title, of: d.text, into: &out)
    for field in [FacetField.country, .body] {
      out.append(UInt8(ascii: ","))
      JSON.string(d.facets[field]?.first ?? "", into: &out)
    }
    if d.url != "recommendations/\(d.id)/" || !d.translations.isEmpty {
      out.append(UInt8(ascii: ","))
      JSON.string(d.url, into: &out)
    }
    if !d.translations.isEmpty {
      out.append(contentsOf: ",{".utf8)
      for (k, t) in d.translations.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        JSON.string(t.language, into: &out)
        out.append(contentsOf: ":[".utf8)
        title(t.title, of: t.text, into: &out)
        out.append(UInt8(ascii: ","))
        JSON.string(t.text, into: &out)
        out.append(UInt8(ascii: "]"))
      }
      out.append(UInt8(ascii: "}"))
    }
    out.append(UInt8(ascii: "]"))
  }

  /// null when `title` is `text`, k when it is its first k UTF-16 code units and "…", else itself.
  static func title(_ title: String, of text: String, into out: inout [UInt8]) {
    if title == text {
      out.append(contentsOf: "null".utf8)
    } else if let k = titlePrefix(title, of: text) {
      out.append(contentsOf: String(k).utf8)
    } else {
      JSON.string(title, into: &out)
    }
  }

  /// k when `title` is the first k UTF-16 code units of `text` followed by "…".
  static func titlePrefix(_ title: String, of text: String) -> Int? {
    guard title.hasSuffix("\u{2026}") else { return nil }
    let head = title.utf16.dropLast()
    guard text.utf16.starts(with: head) else { return nil }
    return head.count
  }

  /// docs/<c>.json: the records of documents `c * size ..< (c + 1) * size`, one line.
  static func chunk(_ documents: [SearchDocument], _ order: ArraySlice<Int>) -> [UInt8] {
    var out: [UInt8] = [UInt8(ascii: "[")]
    out.reserveCapacity(order.reduce(0) { $0 + documents[$1].text.utf8.count + 160 })
    for (k, i) in order.enumerated() {
      if k > 0 { out.append(UInt8(ascii: ",")) }
      record(documents[i], into: &out)
    }
    out.append(contentsOf: "]\n".utf8)
    return out
  }

  /// vectors/<b>.bin: for each document of the block, its facet value count and the values' gaps.
  static func vectors(_ facets: FacetTable, documents: Range<Int>) -> [UInt8] {
    var out = ByteBuffer()
    for d in documents {
      let start = Int(facets.documentStart[d])
      let end = Int(facets.documentStart[d + 1])
      out.varint(end - start)
      var previous = -1
      for k in start..<end {
        let g = Int(facets.documentValues[k])
        out.varint(g - previous - 1)
        previous = g
      }
    }
    return out.bytes
  }
}

/// Minimal JSON writing: strings escaped as JSONEncoder does (no escaped slashes).
public enum JSON {
  public static func string(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { utf8 in
      // Copy the stretches that need no escape whole.
      var start = 0
      for i in 0..<utf8.count {
        let byte = utf8[i]
        if byte >= 0x20 && byte != 0x22 && byte != 0x5C { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
        switch byte {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
          let hex = Array("0123456789abcdef".utf8)
          out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
        }
        start = i + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
    }
    out.append(UInt8(ascii: "\""))
  }
}
