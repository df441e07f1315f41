/// The fields whose values must come from a vocabulary.
extension FieldReading {
  mutating func countryCode(_ field: some FieldName) -> CountryCode? {
    guard let node = fields[field.name], let text = string(field) else { return nil }
    return countryCode(text, node, field: field)
  }

  mutating func countryCode(_ text: String, _ node: FieldNode, field: some FieldName) -> CountryCode? {
    let code = CountryCode(text.uppercased())
    if vocabulary.countryByCode[code] != nil { return code }
    let key = NameKey.fold(text)
    let byName = vocabulary.countries.first { $0.allNames.contains { NameKey.fold($0) == key } }
    var message = "unknown country \"\(text)\""
    if let byName {
      message += ": did you mean \"\(byName.code)\" (\(byName.name.text(in: "en")))?"
    } else if let near = Suggestion.nearest(to: code.rawValue, in: vocabulary.countries.map(\.code.rawValue)),
      let country = vocabulary.countryByCode[CountryCode(near)]
    {
      message += ": did you mean \"\(near)\" (\(country.name.text(in: "en")))?"
    }
    diagnostics.append(.error(at: reader.location(node), field: field.name, message,
      notes: ["expected an ISO 3166-1 alpha-3 code from vocabularies/countries.yml, such as ECU"]))
    return nil
  }

  mutating func bodyCode(mechanism: Mechanism?) -> String? {
    guard let node = fields[FrontMatterField.body.name], let text = string(FrontMatterField.body) else { return nil }
    guard let body = vocabulary.bodyByCode[text.uppercased()] else {
      diagnostics.append(unknown(FrontMatterField.body, text, node, noun: "body", candidates: vocabulary.bodies.map(\.code),
        accepted: "expected a code from vocabularies/bodies.yml, such as UPR, CRC, CEDAW"))
      return nil
    }
    if let mechanism, body.mechanism != mechanism {
      diagnostics.append(.error(at: reader.location(node), field: FrontMatterField.body.name,
        "body \(body.code) belongs to mechanism \(body.mechanism.rawValue), but mechanism is \(mechanism.rawValue)"))
    }
    return body.code
  }

  mutating func terms(_ field: some FieldName, _ known: [String: Term], candidates: [Term], noun: String) -> [String] {
    var result: [String] = []
    for (slug, node) in list(field) {
      if known[slug] != nil {
        if !result.contains(slug) { result.append(slug) }
        continue
      }
      let byName = candidates.first { $0.name.all.contains { $0.caseInsensitiveCompare(slug) == .orderedSame } }
      if let byName {
        diagnostics.append(.error(at: reader.location(node), field: field.name,
          "unknown \(noun) \"\(slug)\": did you mean \"\(byName.slug)\"?", notes: ["write the slug, not the name"]))
      } else {
        diagnostics.append(unknown(field, slug, node, noun: noun, candidates: candidates.map(\.slug),
          accepted: "expected a slug from vocabularies/\(field.name.replacingOccurrences(of: "_", with: "-")).yml"))
      }
    }
    return result
  }

  /// Goals listed, plus the goal of every target listed (`16.a` → `16`); targets are the entries with a dot.
  mutating func sdgs() -> ([String], [String]) {
    var goals: [Int] = []
    var targets: [String] = []
    for (code, node) in list(FrontMatterField.sdgs) {
      if !code.contains(".") {
        if let goal = Int(code), vocabulary.goalByNumber[goal] != nil {
          if !goals.contains(goal) { goals.append(goal) }
        } else {
          diagnostics.append(.error(at: reader.location(node), field: FrontMatterField.sdgs.name, "unknown SDG \"\(code)\"",
            notes: ["expected a goal from 1 to \(vocabulary.goals.map(\.number).max() ?? 17) or a target code such as \"4.1\" or \"16.a\""]))
        }
      } else if let target = vocabulary.targetByCode[code.lowercased()] {
        if !targets.contains(target.code) { targets.append(target.code) }
        if !goals.contains(target.goal) { goals.append(target.goal) }
      } else {
        let near = Suggestion.nearest(to: code, in: vocabulary.targetByCode.keys.sorted())
        diagnostics.append(.error(at: reader.location(node), field: FrontMatterField.sdgs.name,
          "unknown SDG target \"\(code)\"" + (near.map { ": did you mean \"\($0)\"?" } ?? ""),
          notes: ["expected a target code from vocabularies/sdgs.yml, such as \"4.1\" or \"16.a\""]))
      }
    }
    let sortedTargets = targets.sorted { SDGCode.order($0, $1) }
    return (goals.sorted().map { String($0) }, sortedTargets)
  }
}

/// Orders SDG codes the way the UN numbers them: 4.1 < 4.2 < 4.10 < 4.a.
public enum SDGCode {
  public static func order(_ a: String, _ b: String) -> Bool { key(a) < key(b) }

  public static func key(_ code: String) -> (Int, Int, String) {
    let parts = code.split(separator: ".", maxSplits: 1)
    let goal = Int(parts.first ?? "") ?? 0
    let rest = parts.count > 1 ? String(parts[1]) : ""
    if let n = Int(rest) { return (goal, n, "") }
    return (goal, rest.isEmpty ? 0 : 1000, rest)
  }
}
