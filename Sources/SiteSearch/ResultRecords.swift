import Foundation

/// The records of one docs/<c>.json chunk, read back for a patch: each record's bytes, to splice
/// in a new version, and the document a record stands for (without its facets).
struct ResultRecords {
  /// The chunk's bytes and the byte range of each record in it.
  private(set) var bytes: [UInt8]
  private(set) var ranges: [Range<Int>]

  /// Splits a chunk (`ResultChunks.chunk`) into its records; nil when it is not one.
  init?(_ bytes: [UInt8]) {
    guard bytes.count >= 3, bytes.first == UInt8(ascii: "["), bytes.suffix(2) == [UInt8(ascii: "]"), 0x0A] else { return nil }
    var ranges: [Range<Int>] = []
    var depth = 0
    var inString = false
    var escaped = false
    var start = 0
    for i in 0..<(bytes.count - 1) {
      let byte = bytes[i]
      if inString {
        if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["):
        depth += 1
        if depth == 2 { start = i }
      case UInt8(ascii: "]"):
        if depth == 2 { ranges.append(start..<(i + 1)) }
        depth -= 1
      default: break
      }
    }
    guard depth == 0, !inString else { return nil }
    self.bytes = bytes
    self.ranges = ranges
  }

  var count: Int { ranges.count }

  func record(_ k: Int) -> ArraySlice<UInt8> { bytes[ranges[k]] }

  /// The document record `k` stands for, with only its country and body among its facets; nil
  /// when the record does not decode or does not encode back to the same bytes.
  func document(_ k: Int) -> SearchDocument? {
    guard let stored = try? JSONDecoder().decode(StoredRecord.self, from: Data(record(k))) else { return nil }
    let document = stored.document
    var again: [UInt8] = []
    ResultChunks.record(document, into: &again)
    return again.elementsEqual(record(k)) ? document : nil
  }

  /// Replaces record `k` with the record of `document`.
  mutating func replace(_ k: Int, with document: SearchDocument) {
    var record: [UInt8] = []
    ResultChunks.record(document, into: &record)
    let old = ranges[k]
    bytes.replaceSubrange(old, with: record)
    let shift = record.count - old.count
    ranges[k] = old.lowerBound..<(old.lowerBound + record.count)
    for j in (k + 1)..<ranges.count { ranges[j] = (ranges[j].lowerBound + shift)..<(ranges[j].upperBound + shift) }
  }
}

/// `[id, text, document, paragraph, date, language, title, country, body, url?, translations?]`
/// (see `ResultChunks.record`).
private struct StoredRecord: Decodable {
  var document: SearchDocument

  init(from decoder: Decoder) throws {
    var fields = try decoder.unkeyedContainer()
    let id = try fields.decode(String.self)
    let text = try fields.decode(String.self)
    let symbol = try fields.decode(String.self)
    let paragraph = try fields.decode(String.self)
    let date = try fields.decode(String.self)
    let language = try fields.decode(String.self)
    let title = try Self.title(&fields, text: text)
    var facets: [FacetField: [String]] = [:]
    for field in [FacetField.country, .body] {
      let value = try fields.decode(String.self)
      if !value.isEmpty { facets[field] = [value] }
    }
    let url = fields.isAtEnd ? "recommendations/\(id)/" : try fields.decode(String.self)
    var translations: [SearchTranslation] = []
    if !fields.isAtEnd {
      // Keys in the order written (sorted by language): the pairs are read as one list.
      let stored = try fields.decode(StoredTranslations.self)
      translations = stored.translations
    }
    guard fields.isAtEnd else { throw DecodingError.dataCorruptedError(in: fields, debugDescription: "extra fields") }
    document = SearchDocument(
      id: id, url: url, title: title, text: text, document: symbol, paragraph: paragraph, language: language,
      date: date, facets: facets, translations: translations)
  }

  /// A title as `ResultChunks.title` writes it: null, a prefix length of the text, or a string.
  static func title(_ fields: inout UnkeyedDecodingContainer, text: String) throws -> String {
    if try fields.decodeNil() { return text }
    if let k = try? fields.decode(Int.self) {
      guard k >= 0, k <= text.utf16.count else {
        throw DecodingError.dataCorruptedError(in: fields, debugDescription: "title prefix past the text")
      }
      return String(decoding: text.utf16.prefix(k), as: UTF16.self) + "\u{2026}"
    }
    return try fields.decode(String.self)
  }
}

/// `{language: [title, text]}`, sorted by language.
private struct StoredTranslations: Decodable {
  var translations: [SearchTranslation]

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: Decoder) throws {
    let object = try decoder.container(keyedBy: Key.self)
    translations = try object.allKeys.map(\.stringValue).sorted().map { language in
      var pair = try object.nestedUnkeyedContainer(forKey: Key(stringValue: language))
      // The title may be a prefix length of the text, which follows it: read the text first.
      var rest = pair
      if try !rest.decodeNil(), (try? rest.decode(Int.self)) == nil { _ = try rest.decode(String.self) }
      let text = try rest.decode(String.self)
      return SearchTranslation(language: language, title: try StoredRecord.title(&pair, text: text), text: text)
    }
  }
}
