import SiteCore

/// The charts of the home, country and SDG pages, counted from the catalog in one pass over the
/// recommendations they show.
extension PageContextBuilder {
  static let topThemes = 10
  /// A year axis longer than this shows only the years that have recommendations.
  static let longestTimeline = 60

  /// Home: the whole index by mechanism, regional group and year.
  func homeCharts() -> HTML {
    let catalog = model.catalog
    var regions: [String: Int] = [:]
    for group in catalog.terms(.country) {
      let region = model.vocabulary.countryByCode[CountryCode(group.key)]?.region.map { model.vocabulary.regionName($0, in: language) }
        ?? strings["chart_no_region"]
      regions[region, default: 0] += group.members.count
    }
    let regionBars = regions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .map { bar($0.key, $0.value) }
    return mechanismChart(catalog.terms(.mechanism).map { ($0.key, $0.members.count) }, caption: strings["home_by_mechanism"])
      + chart("chart-region", strings["chart_by_region"], regionBars)
      + yearChart(catalog.recommendations.indices)
  }

  /// A country: by year, by mechanism and its most frequent themes.
  func countryCharts(_ group: TermGroup) -> HTML {
    var mechanisms: [String: Int] = [:]
    var themes: [String: Int] = [:]
    for i in group.members {
      let r = model.catalog.recommendations[i]
      mechanisms[r.mechanism.rawValue, default: 0] += 1
      for theme in r.themes { themes[theme, default: 0] += 1 }
    }
    let top = themes.map { (label: labels.label(.theme, $0.key), count: $0.value) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
      .prefix(Self.topThemes)
    return yearChart(group.members) + mechanismChart(mechanisms.map { ($0.key, $0.value) }, caption: strings["summary_by_mechanisms"])
      + (top.isEmpty ? HTML.empty : chart("chart-themes", strings["chart_top_themes"], top.map { bar($0.label, $0.count) }))
  }

  /// The SDG hub: recommendations per goal, in goal order.
  func goalChart() -> HTML {
    let goals = model.catalog.terms(.sdgGoal).sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }
    return chart("chart-goals", strings["chart_by_goal"], goals.map { bar(labels.label(.sdgGoal, $0.key), $0.members.count) },
      labelHeading: strings["column_term"])
  }

  /// A goal page: recommendations per target of the goal, in target order.
  func targetChart(_ goal: TermGroup) -> HTML {
    let targets = model.catalog.terms(.sdgTarget).filter { $0.key.hasPrefix(goal.key + ".") }
      .sorted { SDGCode.order($0.key, $1.key) }
    guard !targets.isEmpty else { return HTML.empty }
    return chart("chart-targets", strings["chart_by_target"], targets.map { bar(labels.label(.sdgTarget, $0.key), $0.members.count) })
  }

  /// UPR recommendations by the response they received, when any has one.
  func responseChart(_ tally: ResponseTally, of total: Int) -> HTML {
    guard tally.unanswered < total else { return HTML.empty }
    return chart("chart-response", strings["chart_by_response"], UPRResponse.allCases.map { bar(strings.label($0), tally[$0]) })
  }

  // MARK: - Building blocks

  private func mechanismChart(_ counts: [(String, Int)], caption: String) -> HTML {
    let order = Mechanism.allCases.map(\.rawValue)
    let sorted = counts.sorted { (order.firstIndex(of: $0.0) ?? 9) < (order.firstIndex(of: $1.0) ?? 9) }
    return chart("chart-mechanism", caption, sorted.map { bar(labels.label(.mechanism, $0.0), $0.1) })
  }

  /// Recommendations per year, oldest first; years without any are shown as zero.
  private func yearChart<Members: Collection>(_ members: Members) -> HTML where Members.Element == Int {
    var years: [Int: Int] = [:]
    for i in members {
      if let year = Int(model.catalog.recommendations[i].year) { years[year, default: 0] += 1 }
    }
    guard let first = years.keys.min(), let last = years.keys.max() else { return HTML.empty }
    let axis = last - first < Self.longestTimeline ? Array(first...last) : years.keys.sorted()
    return chart("chart-year", strings["chart_by_year"], axis.map { bar(String($0), years[$0] ?? 0) },
      labelHeading: strings["column_year"])
  }

  private func bar(_ label: String, _ value: Int) -> BarChart.Bar {
    BarChart.Bar(label: label, value: value, valueText: number(value))
  }

  private func chart(_ id: String, _ caption: String, _ bars: [BarChart.Bar], labelHeading: String? = nil) -> HTML {
    BarChart(id: id, caption: caption, labelHeading: labelHeading ?? strings["column_term"],
      valueHeading: strings["column_count"], bars: bars, rightToLeft: LanguageFormat.direction(language) == "rtl").html()
  }
}

extension PageContextBuilder {
  /// The charts a term's first page opens with: a country's profile, a goal's targets, the
  /// `responses` of a country's or a UPR view's recommendations.
  func charts(_ taxonomy: Taxonomy, _ group: TermGroup, responses: ResponseTally?) -> HTML {
    let byResponse = responses.map { responseChart($0, of: group.members.count) } ?? HTML.empty
    switch taxonomy {
    case .country: return countryCharts(group) + byResponse
    case .recommendingState, .uprCycle, .uprSession: return byResponse
    case .sdgGoal: return targetChart(group)
    default: return HTML.empty
    }
  }
}
