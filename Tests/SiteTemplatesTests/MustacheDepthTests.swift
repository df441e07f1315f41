import Foundation
import Testing

@testable import SiteCore
@testable import SiteTemplates

/// Partials that include themselves, blocks inside their own overrides, and standalone partial
/// indentation: the cases where putting templates in place could go on without end.
@Suite("Deep and recursive templates")
struct MustacheDepthTests {
  func renderer(_ templates: [String: String]) throws -> TemplateRenderer {
    var all = Dictionary(uniqueKeysWithValues: TemplateRenderer.required.map { ($0, (path: "\($0).mustache", text: "")) })
    for (name, text) in templates { all[name] = ("\(name).mustache", text) }
    return try TemplateRenderer(templates: all)
  }

  /// Runs `body` on a thread with a small stack, as a build's worker threads may have.
  func onSmallStack(_ body: @escaping @Sendable () -> String) -> String {
    final class Box: @unchecked Sendable { var value = "" }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.value = body()
      done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
    return box.value
  }

  @Test("a partial that includes itself without end stops at the call depth limit, within a 512 KB stack")
  func endlessPartial() throws {
    let plain = try renderer(["main": "{{> loop}}", "loop": "a{{> loop}}"])
    let page = onSmallStack { plain.render("main", [:]) }
    #expect(!page.isEmpty && page.allSatisfy { $0 == "a" })
    #expect(page.count <= (MustacheRenderer.inliningDepth + 1) * (MustacheProgram.callDepthLimit + 2))
    let nested = try renderer(["main": "{{> loop}}", "loop": "{{#x}}<{{> loop}}>{{/x}}"])
    let deep = onSmallStack { nested.render("main", ["x": ["y": true]]) }
    #expect(deep.hasPrefix("<<<") && deep.count.isMultiple(of: 2))
  }

  @Test("data nests a recursive partial over a hundred levels deep before the rest is left out")
  func deepData() throws {
    func tree(_ depth: Int) -> TemplateValue { depth == 0 ? ["kids": []] : ["kids": [tree(depth - 1)]] }
    let r = try renderer(["main": "{{#root}}{{> node}}{{/root}}", "node": "({{#kids}}{{> node}}{{/kids}})"])
    let data: TemplateValue = ["root": tree(300)]
    let page = onSmallStack { r.render("main", data) }
    let levels = page.prefix { $0 == "(" }.count
    #expect(levels > 100 && levels < 300, "\(levels) levels")
    #expect(page.filter { $0 == ")" }.count == levels)
  }

  @Test("a parent that is its own parent renders, and stops")
  func endlessParent() throws {
    let r = try renderer(["main": "{{< loop}}{{$b}}B{{/b}}{{/loop}}", "loop": "[{{$b}}-{{/b}}{{< loop}}{{/loop}}]"])
    let page = onSmallStack { r.render("main", [:]) }
    #expect(page.hasPrefix("[B[B") && page.hasSuffix("]]"))
  }

  @Test("a block inside its own override shows its default, not the override again")
  func blockInsideItsOverride() throws {
    let r = try renderer(["main": "{{< base}}{{$b}}<{{$b}}inner{{/b}}>{{/b}}{{/base}}", "base": "[{{$b}}base{{/b}}]"])
    #expect(r.render("main", [:]) == "[<inner>]")
  }

  @Test("a standalone partial is indented line by line; text printed into it is not", arguments: [
    ("  {{> p}}\n>", "a\n{{x}}\n", "  a\n  1\n2\n>"),
    ("<\n\t{{> p}}\n>", "a\n\nb", "<\n\ta\n\n\tb>"),
    ("x {{> p}}\n", "a\nb\n", "x a\nb\n\n"),
    ("  {{> p}}\n", "{{#list}}\n- {{.}}\n{{/list}}\n", "  - 1\n  - 2\n"),
    ("  {{> p}}\n", "[\n  {{> q}}\n]\n", "  [\n    q1\n    q2\n  ]\n"),
  ])
  func partialIndentation(template: String, partial: String, expected: String) throws {
    let r = try renderer(["main": template, "p": partial, "q": "q1\nq2\n"])
    #expect(r.render("main", ["x": "1\n2", "list": ["1", "2"]]) == expected)
  }
}
