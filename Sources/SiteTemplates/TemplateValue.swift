import SiteCore

/// A value a template reads: text, markup, a flag, a list or an object.
///
/// Whether a value may reach the page unescaped is a matter of its type, not of its name: `.text`
/// is escaped by every tag (`{{x}}`, `{{{x}}}` and `{{& x}}` alike); `.html` is printed as it is by
/// `{{{x}}}` and `{{& x}}`, and escaped by `{{x}}` as the Mustache spec escapes. `HTML` values
/// come only from cmark's safe-mode renderer, the charts, and `HTML(escaping:)`.
///
/// Typed values keep rendering cheap: no reflection and no dynamic casts per lookup.
public enum TemplateValue: Sendable {
  /// Text, escaped whatever tag prints it.
  case text(String)
  /// Markup that triple (`{{{x}}}`) and ampersand (`{{& x}}`) tags print unescaped.
  case html(HTML)
  case flag(Bool)
  case list([TemplateValue])
  case object([TemplateKey: TemplateValue])
  /// A small object kept as its pairs in order, where a later pair wins over an earlier one of the
  /// same name: one allocation instead of a hash table, for the many few-field objects of a page.
  case fields([(TemplateKey, TemplateValue)])

  /// Up to this many pairs a literal object is kept as `fields`.
  static let fieldsLimit = 16

  /// An object of texts, from a dictionary of them.
  public static func texts(_ values: [String: String]) -> [TemplateKey: TemplateValue] {
    Dictionary(uniqueKeysWithValues: values.map { (TemplateKey($0.key), TemplateValue.text($0.value)) })
  }

  /// Mustache truthiness: false, empty lists, empty text and empty markup are false.
  var isTruthy: Bool {
    switch self {
    case .text(let s): return !s.isEmpty
    case .html(let h): return !h.rawValue.isEmpty
    case .flag(let b): return b
    case .list(let l): return !l.isEmpty
    case .object, .fields: return true
    }
  }

  subscript(key: TemplateKey) -> TemplateValue? {
    switch self {
    case .object(let o): return o[key]
    case .fields(let pairs):
      var i = pairs.count - 1
      while i >= 0 {
        if pairs[i].0 == key { return pairs[i].1 }
        i -= 1
      }
      return nil
    default: return nil
    }
  }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral, ExpressibleByStringInterpolation
{
  public init(stringLiteral value: String) { self = .text(value) }
  public init(booleanLiteral value: Bool) { self = .flag(value) }
  public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) {
    if elements.count <= Self.fieldsLimit {
      self = .fields(elements)
      return
    }
    var object: [TemplateKey: TemplateValue] = [:]
    object.reserveCapacity(elements.count)
    for (key, value) in elements { object[key] = value }
    self = .object(object)
  }
}

extension Optional where Wrapped == String {
  /// Text when present, else false (so `{{#x}}` sections skip it and lookups don't fall through).
  var templateValue: TemplateValue { map(TemplateValue.text) ?? .flag(false) }
}

/// The name of a value in a template's context, hashed once when it is made.
///
/// A page's context has a few hundred names and its template looks up a few hundred more; with
/// `String` keys each of those would run the standard library's full string hash.
public struct TemplateKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  public let name: String
  private let code: UInt64

  public init(_ name: String) {
    self.name = name
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in name.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    code = h
  }

  public init(stringLiteral name: String) { self.init(name) }

  public var description: String { name }

  public static func == (a: TemplateKey, b: TemplateKey) -> Bool { a.code == b.code && a.name == b.name }

  public func hash(into hasher: inout Hasher) { hasher.combine(code) }

  /// The table's seed mixed into the stored code, instead of hashing the name again.
  public func _rawHashValue(seed: Int) -> Int {
    var z = code ^ UInt64(UInt(bitPattern: seed))
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int(Int64(bitPattern: z ^ (z >> 31)))
  }

  static let dot: TemplateKey = "."
}
