import Foundation

@testable import SiteCore
@testable import SiteTemplates

/// One case of the official Mustache spec (`Fixtures/mustache-spec/*.json`).
struct MustacheSpecCase: Sendable, Decodable, CustomStringConvertible {
  var file = ""
  let name: String
  let data: SpecData
  let template: String
  let expected: String
  let partials: [String: String]?

  private enum CodingKeys: String, CodingKey { case name, data, template, expected, partials }

  var description: String { "\(file): \(name)" }

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/mustache-spec")

  /// Every case of the spec files, file by file in the order they are written.
  static func all() -> [MustacheSpecCase] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().flatMap { name -> [MustacheSpecCase] in
      struct File: Decodable { let tests: [MustacheSpecCase] }
      guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
        let file = try? JSONDecoder().decode(File.self, from: data)
      else { return [] }
      return file.tests.map { var test = $0; test.file = String(name.dropLast(".json".count)); return test }
    }
  }
}

/// A spec case's data as JSON has it.
indirect enum SpecData: Sendable, Decodable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case list([SpecData])
  case object([String: SpecData])

  init(from decoder: any Decoder) throws {
    let value = try decoder.singleValueContainer()
    if value.decodeNil() {
      self = .null
    } else if let b = try? value.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? value.decode(Int.self) {
      self = .number(String(i))
    } else if let d = try? value.decode(Double.self) {
      self = .number(String(d))
    } else if let s = try? value.decode(String.self) {
      self = .string(s)
    } else if let l = try? value.decode([SpecData].self) {
      self = .list(l)
    } else {
      self = .object(try value.decode([String: SpecData].self))
    }
  }

  /// The value a template reads. Strings become `HTML`, so that the spec's expectations of
  /// escaped `{{x}}` and raw `{{{x}}}` hold under HRIndex's type rule; numbers become their JSON
  /// text; null is absent (false where a value must stand, in a list).
  var templateValue: TemplateValue {
    switch self {
    case .null: return .flag(false)
    case .bool(let b): return .flag(b)
    case .number(let text): return .text(text)
    case .string(let s): return .html(HTML(trusted: s))
    case .list(let items): return .list(items.map(\.templateValue))
    case .object(let pairs):
      var object: [TemplateKey: TemplateValue] = [:]
      for (key, value) in pairs {
        if case .null = value { continue }
        object[TemplateKey(key)] = value.templateValue
      }
      return .object(object)
    }
  }
}
