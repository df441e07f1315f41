import SiteCore

/// Renders a theme's templates over `TemplateValue`s, escaping with `HTML.escape`, the one escaper.
///
/// Each template is compiled once into a `MustacheProgram`, the one interpreter; this type holds
/// the programs by name and the rules they share for printing, sections and lookups.
struct MustacheRenderer {
  /// Every template's program, in the order of their names.
  private let programs: [MustacheProgram]
  private let numbers: [String: Int]
  /// How deep partials and parents are put in place in a program; deeper ones (a recursive
  /// partial) are called at run time.
  static let inliningDepth = 12
  /// How many template nodes a program puts in place before the rest of its partials are called.
  static let inliningBudget = 100_000

  init(templates: [String: MustacheTemplate]) {
    let names = templates.keys.sorted()
    let numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, Int32($0.offset)) })
    let inlining = MustacheProgram.Inlining(templates: templates, numbers: numbers, depthLimit: Self.inliningDepth,
      budget: Self.inliningBudget)
    programs = names.map { MustacheProgram(templates[$0]!, inlining) }
    self.numbers = numbers.mapValues(Int.init)
    tooLarge = zip(names, programs).filter { $0.1.ranOutOfBudget }.map(\.0)
  }

  /// The templates that are too large to put together with their partials and parents.
  let tooLarge: [String]

  func render(_ name: String, _ context: TemplateValue) -> String {
    String(decoding: renderBytes(name, context), as: UTF8.self)
  }

  /// The page as UTF-8 bytes, ready to write. `name` is a template of the theme: the page
  /// templates are checked when it loads, so another name is our bug.
  func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(32_768)
    guard let number = numbers[name] else { preconditionFailure("no template named \(name)") }
    programs.withUnsafeBufferPointer { programs in
      programs[number].render(context, programs: programs, into: &out)
    }
    return out
  }

  /// A value printed by a variable tag: text always escaped, markup raw only when the tag is raw
  /// (`{{{x}}}`, `{{& x}}`), `true` as "true".
  static func print(_ value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
    switch value {
    case .text(let text): HTML.escape(text, into: &out)
    case .html(let html):
      if escaped { HTML.escape(html.rawValue, into: &out) } else { out.append(contentsOf: html.rawValue.utf8) }
    case .flag(let b): if b { out.append(contentsOf: "true".utf8) }
    case .list, .object, .fields: return
    }
  }

  /// Renders a section's `body` as Mustache says: once per item of a list, once with an object
  /// pushed, once for other true values; an inverted section once when the value is false.
  static func section(_ value: TemplateValue?, inverted: Bool, _ stack: inout [TemplateValue],
                      body: (inout [TemplateValue]) -> Void) {
    let truthy = value?.isTruthy ?? false
    if inverted {
      if !truthy { body(&stack) }
      return
    }
    guard truthy, let value else { return }
    switch value {
    case .list(let items):
      for item in items {
        stack.append(item)
        body(&stack)
        stack.removeLast()
      }
    case .flag:
      body(&stack)
    default:
      stack.append(value)
      body(&stack)
      stack.removeLast()
    }
  }

  /// The first name is looked up from the innermost context outwards; the rest inside it.
  static func lookup(_ path: UnsafeBufferPointer<TemplateKey>, _ stack: [TemplateValue]) -> TemplateValue? {
    guard let first = path.first else { return nil }
    if first == .dot { return stack.last }
    var found: TemplateValue?
    var i = stack.count - 1
    while i >= 0 {
      if let hit = stack[i][first] {
        found = hit
        break
      }
      i -= 1
    }
    if path.count > 1 { for key in path[1...] { found = found?[key] } }
    return found
  }
}
