import SiteCore

/// Checks, when a theme loads, that every template a template names exists, and that every block
/// a parent tag overrides is one the parent declares: a misspelled name is an error with its
/// place and the nearest real name, not a part of the page left empty.
struct TemplateReferences {
  typealias Node = MustacheTemplate.Node

  /// The templates that parsed.
  let templates: [String: MustacheTemplate]
  /// Every template's file path, for messages; it also names the templates that did not parse.
  let paths: [String: String]

  /// One error per reference to a missing template or undeclared block, template by template.
  func problems() -> [Diagnostic] {
    var found: [Diagnostic] = []
    for name in templates.keys.sorted() {
      check(templates[name]!.nodes, in: name, &found)
    }
    return found
  }

  private func check(_ nodes: [Node], in template: String, _ found: inout [Diagnostic]) {
    for node in nodes {
      switch node {
      case .text, .lineStart, .variable:
        continue
      case .section(_, _, let children):
        check(children, in: template, &found)
      case .block(let block):
        check(block.nodes, in: template, &found)
      case .partial(let name, _, let at):
        if paths[name] == nil { found.append(missingTemplate(name, at: at, in: template)) }
      case .parent(let name, let overrides, let at):
        if paths[name] == nil {
          found.append(missingTemplate(name, at: at, in: template))
        } else {
          found += undeclaredBlocks(overrides, parent: name, in: template)
        }
        for block in overrides { check(block.nodes, in: template, &found) }
      }
    }
  }

  private func missingTemplate(_ name: String, at: MustacheTemplate.Position, in template: String) -> Diagnostic {
    let near = Suggestion.nearest(to: name, in: paths.keys.sorted())
    return .error(at: location(at, in: template), "no template named \"\(name)\"",
      notes: near.map { ["did you mean \"\($0)\"?"] } ?? [])
  }

  /// The overrides of `parent` whose block neither it nor any template it names declares. Nothing
  /// is said when a template on the way did not parse: its blocks are unknown.
  private func undeclaredBlocks(_ overrides: [MustacheTemplate.Block], parent: String,
                                in template: String) -> [Diagnostic] {
    var visited: Set<String> = []
    guard let declared = declaredBlocks(parent, &visited) else { return [] }
    return overrides.filter { !declared.contains($0.name) }.map { block in
      let near = Suggestion.nearest(to: block.name, in: declared.sorted())
      return .error(at: location(block.position, in: template),
        "no block named \"\(block.name)\" in the parent template \"\(parent)\"",
        notes: near.map { ["did you mean \"\($0)\"?"] } ?? [])
    }
  }

  /// The names of the blocks in `name` and in the templates it names, through partials and
  /// parents; nil when one of them did not parse.
  private func declaredBlocks(_ name: String, _ visited: inout Set<String>) -> Set<String>? {
    guard visited.insert(name).inserted else { return [] }
    guard let template = templates[name] else { return paths[name] == nil ? [] : nil }
    var names: Set<String> = []
    var named: [String] = []
    Self.collect(template.nodes, blocks: &names, templates: &named)
    for other in named {
      guard let more = declaredBlocks(other, &visited) else { return nil }
      names.formUnion(more)
    }
    return names
  }

  private static func collect(_ nodes: [Node], blocks: inout Set<String>, templates: inout [String]) {
    for node in nodes {
      switch node {
      case .text, .lineStart, .variable: continue
      case .section(_, _, let children): collect(children, blocks: &blocks, templates: &templates)
      case .partial(let name, _, _): templates.append(name)
      case .block(let block):
        blocks.insert(block.name)
        collect(block.nodes, blocks: &blocks, templates: &templates)
      case .parent(let name, let overrides, _):
        templates.append(name)
        for block in overrides { collect(block.nodes, blocks: &blocks, templates: &templates) }
      }
    }
  }

  private func location(_ at: MustacheTemplate.Position, in template: String) -> SourceLocation {
    SourceLocation(path: paths[template] ?? template, line: at.line, column: at.column)
  }
}
