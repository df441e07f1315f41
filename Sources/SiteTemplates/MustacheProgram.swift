/// A template with its partials, parents and blocks put in place, flattened into one array of
/// plain operations over one buffer of text bytes: a page walks it without looking templates up
/// by name or copying nodes and their strings, and copies each run of text with one `memcpy`.
///
/// This is HRIndex's one Mustache interpreter. A partial or parent nested deeper than the
/// inlining depth (a recursive partial) becomes a `call` of that template's own program, looked
/// up by number when the page is rendered.
struct MustacheProgram: Sendable {
  enum Operation: Sendable {
    /// `bytes[start ..< end]`, as is.
    case text(start: Int32, end: Int32)
    /// The value named by `keys[start ..< end]`.
    case variable(start: Int32, end: Int32, escaped: Bool)
    /// A section named by `keys[start ..< end]`; its body is the operations up to `bodyEnd`.
    case section(start: Int32, end: Int32, inverted: Bool, bodyEnd: Int32)
    /// The program of template number `template`, run on the same context stack. It is the
    /// template as written: the blocks and indentation in effect where it is called are not
    /// passed on.
    case call(template: Int32)
  }

  var operations: [Operation] = []
  var bytes: [UInt8] = []
  var keys: [TemplateKey] = []
  /// Whether the last operation is text that the next text may extend (not the end of a section).
  var textIsOpen = false
  /// Whether putting the template together spent the node budget, so that a partial or parent
  /// that was not too deep became a call (losing the blocks and indentation in effect): the
  /// theme is refused when it loads.
  var ranOutOfBudget = false

  /// How many calls may be nested while a page renders; a call past it renders nothing. Each
  /// program puts partials in place `MustacheRenderer.inliningDepth` deep, so data can nest a
  /// recursive partial over a hundred levels, while a theme whose partial includes itself with no
  /// end stays well within a 512 KB thread stack (a test renders one on such a thread).
  static let callDepthLimit = 8

  /// Renders this program over `context`; `programs` holds every template's program, by number.
  func render(_ context: TemplateValue, programs: UnsafeBufferPointer<MustacheProgram>, into out: inout [UInt8]) {
    var stack = [context]
    run(programs, depth: 0, &stack, into: &out)
  }

  private func run(_ programs: UnsafeBufferPointer<MustacheProgram>, depth: Int, _ stack: inout [TemplateValue],
                   into out: inout [UInt8]) {
    operations.withUnsafeBufferPointer { operations in
      bytes.withUnsafeBufferPointer { bytes in
        keys.withUnsafeBufferPointer { keys in
          let code = Code(operations: operations, bytes: bytes, keys: keys, programs: programs, depth: depth)
          Self.run(0..<operations.count, code, &stack, into: &out)
        }
      }
    }
  }

  /// One program's storage while it runs, and how deep in calls it is.
  private struct Code {
    let operations: UnsafeBufferPointer<Operation>
    let bytes: UnsafeBufferPointer<UInt8>
    let keys: UnsafeBufferPointer<TemplateKey>
    let programs: UnsafeBufferPointer<MustacheProgram>
    let depth: Int

    func path(_ start: Int32, _ end: Int32) -> UnsafeBufferPointer<TemplateKey> {
      UnsafeBufferPointer(rebasing: keys[Int(start)..<Int(end)])
    }
  }

  private static func run(_ range: Range<Int>, _ code: Code, _ stack: inout [TemplateValue], into out: inout [UInt8]) {
    var i = range.lowerBound
    while i < range.upperBound {
      switch code.operations[i] {
      case .text(let start, let end):
        out.append(contentsOf: UnsafeBufferPointer(rebasing: code.bytes[Int(start)..<Int(end)]))
        i += 1
      case .variable(let start, let end, let escaped):
        if let value = MustacheRenderer.lookup(code.path(start, end), stack) {
          MustacheRenderer.print(value, escaped: escaped, into: &out)
        }
        i += 1
      case .section(let start, let end, let inverted, let bodyEnd):
        let value = MustacheRenderer.lookup(code.path(start, end), stack)
        let body = (i + 1)..<Int(bodyEnd)
        MustacheRenderer.section(value, inverted: inverted, &stack) { stack in
          run(body, code, &stack, into: &out)
        }
        i = Int(bodyEnd)
      case .call(let template):
        if code.depth < callDepthLimit {
          code.programs[Int(template)].run(code.programs, depth: code.depth + 1, &stack, into: &out)
        }
        i += 1
      }
    }
  }
}
