import SiteCore

/// How a set of UPR recommendations was answered: counts by response, and those without one.
struct ResponseTally {
  private var counts = [Int](repeating: 0, count: UPRResponse.allCases.count)
  /// Members with no response recorded (other mechanisms, or UPR records without a position).
  private(set) var unanswered = 0

  init(_ members: [Int], _ catalog: Catalog) {
    for i in members {
      guard let response = catalog.recommendations[i].response else { unanswered += 1; continue }
      counts[Self.index(response)] += 1
    }
  }

  subscript(_ response: UPRResponse) -> Int { counts[Self.index(response)] }

  private static func index(_ response: UPRResponse) -> Int {
    UPRResponse.allCases.firstIndex(of: response)!
  }
}

/// The UPR views: a recommending State's or a cycle's responses, and the links from the UPR's page.
extension PageContextBuilder {
  /// `part` in percent of `total`, rounded half up to a whole number, as the language writes it
  /// (`62%`, `62 %`); empty when `total` is 0.
  func percent(_ part: Int, of total: Int) -> String {
    guard total > 0 else { return "" }
    let rounded = (part * 200 + total) / (total * 2)
    return strings.format("percent", ["percent": number(rounded)])
  }

  /// Supported, noted and pending, each with its count and its share of all `total` members tallied.
  func responseFacts(_ tally: ResponseTally, of total: Int) -> [[String: String]] {
    var facts = UPRResponse.allCases.map { response in
      ["label": strings.label(response),
       "text": strings.format("response_share", ["count": number(tally[response]), "percent": percent(tally[response], of: total)])]
    }
    if tally.unanswered > 0 {
      facts.append(["label": strings["response_none"],
        "text": strings.format("response_share", ["count": number(tally.unanswered), "percent": percent(tally.unanswered, of: total)])])
    }
    return facts
  }

  /// The UPR's page links the pages of recommending States and of cycles, when the site has them.
  func uprLinks(root: String) -> [[String: String]] {
    [Taxonomy.recommendingState, .uprCycle, .uprSession].filter { !model.catalog.terms($0).isEmpty }.map { t in
      ["label": strings[Self.navKey[t]!], "text": strings.hubIntroduction(t), "href": root + t.rawValue + "/"]
    }
  }
}
