import SiteCore

/// A value a template reads: text (escaped when printed), a flag, a list or an object.
///
/// Typed values keep rendering cheap: no reflection and no dynamic casts per lookup.
public enum TemplateValue: Sendable {
  case text(String)
  case flag(Bool)
  case list([TemplateValue])
  case object([String: TemplateValue])

  public static func html(_ html: HTML) -> TemplateValue { .text(html.rawValue) }

  /// Mustache truthiness: false, empty lists and empty text are false.
  var isTruthy: Bool {
    switch self {
    case .text(let s): return !s.isEmpty
    case .flag(let b): return b
    case .list(let l): return !l.isEmpty
    case .object: return true
    }
  }

  subscript(key: String) -> TemplateValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral, ExpressibleByStringInterpolation
{
  public init(stringLiteral value: String) { self = .text(value) }
  public init(booleanLiteral value: Bool) { self = .flag(value) }
  public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}

extension Optional where Wrapped == String {
  /// Text when present, else false (so `{{#x}}` sections skip it and lookups don't fall through).
  var templateValue: TemplateValue { map(TemplateValue.text) ?? .flag(false) }
}
