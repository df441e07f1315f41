import SiteCore

/// Adds entries to the `follow_up.updates` list of a recommendation file by inserting lines into
/// its front matter, so every byte outside the inserted lines stays as it was: the other fields,
/// comments, quoting, the byte-order mark, the line ends (CRLF files get CRLF) and the text.
///
/// A file without `follow_up` gets the block at the end of its front matter; a block without
/// `updates` gets the list at its end; a list gets the entry after its last item. A block or list
/// written in flow style (`follow_up: {…}`, `updates: […]`) cannot take lines: that is a problem.
struct FollowUpBlockEdit {
  private var lines: [String]
  private let lineEnd: String
  /// The index of the closing `---` line.
  private var closing: Int

  /// nil (with a problem) when the file has no front matter.
  init?(_ file: SourceFile, problem: inout String?) {
    // Split on the byte: Swift reads "\r\n" as one character, which no "\n" matches.
    let lines = file.text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    // The closing delimiter is the line before the body's. (Should a lone carriage return make
    // the splitter count lines this split does not, the edit lands in the body and `verify`
    // reports it.)
    guard case .success(let split) = FrontMatterSplitter.split(file), split.bodyLine - 2 < lines.count else {
      problem = "the file has no front matter to add to"
      return nil
    }
    self.lines = lines
    lineEnd = file.text.contains("\r\n") ? "\r\n" : "\n"
    closing = split.bodyLine - 2
  }

  var text: String { lines.joined(separator: "\n") }

  /// Inserts one update; returns a problem (with its file line) when the block cannot take it.
  mutating func add(_ update: FollowUpUpdate) -> (line: Int, message: String)? {
    guard let k = (1..<closing).first(where: { content($0).hasPrefix("follow_up:") && indent($0) == 0 }) else {
      insert(["follow_up:", "  updates:"] + item(update, indent: 4), at: closing)
      return nil
    }
    if let problem = flow(k, key: "follow_up:") { return problem }
    let end = (k + 1..<closing).first { !isNeutral($0) && indent($0) == 0 } ?? closing
    let body = (k + 1..<end).filter { !isNeutral($0) }
    guard let first = body.first else {
      insert(["  updates:"] + item(update, indent: 4), at: k + 1)
      return nil
    }
    let child = indent(first)
    guard let u = body.first(where: { indent($0) == child && content($0).hasPrefix("updates:") }) else {
      insert([pad(child) + "updates:"] + item(update, indent: child + 2), at: body.last! + 1)
      return nil
    }
    if let problem = flow(u, key: "updates:") { return problem }
    var last = u
    var itemIndent = child + 2
    var sawItem = false
    for j in u + 1..<end where !isNeutral(j) {
      let isItem = content(j).hasPrefix("-") && indent(j) >= child
      guard indent(j) > child || (indent(j) == child && isItem) else { break }
      if isItem, !sawItem { (itemIndent, sawItem) = (indent(j), true) }
      last = j
    }
    insert(item(update, indent: itemIndent), at: last + 1)
    return nil
  }

  // MARK: - Lines

  private func content(_ i: Int) -> Substring {
    var line = Substring(lines[i])
    if line.hasSuffix("\r") { line = line.dropLast() }
    return line.drop { $0 == " " }
  }

  private func indent(_ i: Int) -> Int { lines[i].prefix { $0 == " " }.count }

  /// Blank lines and comment lines belong to no block.
  private func isNeutral(_ i: Int) -> Bool {
    let c = content(i)
    return c.allSatisfy { $0 == " " || $0 == "\t" } || c.hasPrefix("#")
  }

  private func flow(_ i: Int, key: String) -> (line: Int, message: String)? {
    let rest = content(i).dropFirst(key.count).drop { $0 == " " }
    guard !rest.isEmpty, !rest.hasPrefix("#") else { return nil }
    return (i + 1, "\(key.dropLast()) is written on one line (\(rest.prefix(24))): write it as a block, one field per line, to import updates into it")
  }

  private mutating func insert(_ new: [String], at index: Int) {
    let ending = lineEnd == "\r\n" ? "\r" : ""
    lines.insert(contentsOf: new.map { $0 + ending }, at: index)
    closing += new.count
  }

  private func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

  private func item(_ u: FollowUpUpdate, indent n: Int) -> [String] {
    var out = [pad(n) + "- date: \(u.date)", pad(n + 2) + "status: \(u.status.rawValue)"]
    if let note = u.note, !note.isEmpty { out.append(pad(n + 2) + "note: " + YAMLScalar.quoted(note)) }
    return out
  }
}
