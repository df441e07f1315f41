import SiteCore

/// The documents in each order of the hub, worked out on first use and shared by every thread
/// and every language's builder (a build of a few pages never needs them).
final class DocumentOrders: @unchecked Sendable {
  private let lock = ShortLock()
  private var made: [DocumentOrder: [Int]] = [:]

  /// Indexes into `catalog.terms(.document)` in `order`.
  func groups(_ order: DocumentOrder, _ catalog: Catalog) -> [Int] {
    lock.withLock {
      if let groups = made[order] { return groups }
      let documents = catalog.terms(.document)
      let symbolFirst = { (a: Int, b: Int) in ParagraphOrder.precedes(documents[a].key, documents[b].key) }
      var groups = Array(documents.indices)
      switch order {
      case .symbol: groups.sort(by: symbolFirst)
      case .date:
        let dates = documents.map { catalog.recommendations[$0.members[0]].date }
        groups.sort { dates[$0] != dates[$1] ? dates[$0] > dates[$1] : symbolFirst($0, $1) }
      }
      made[order] = groups
      return groups
    }
  }
}

extension PageContextBuilder {
  /// One page of the documents hub: each document with its State, body, type, date and count, in
  /// one order, with a link to the other order and the pager.
  func documentsHub(_ order: DocumentOrder, _ page: Int, _ path: String) -> PageContext {
    let heading = strings["nav_documents"]
    let groups = documentOrders.groups(order, model.catalog)
    let paging = Pagination(count: groups.count, pageSize: model.config.pageSize)
    var crumbs: [(String, String?)] = [(heading, page == 1 && order == .date ? nil : "documents/")]
    if page > 1 { crumbs.append((pageLabel(page, of: paging.pageCount), nil)) }
    var values = layout(path, title: page == 1 ? heading : "\(heading) (\(number(page)))", crumbs: crumbs, section: "documents")
    let root = base(path)
    values["heading"] = .text(heading)
    values["intro"] = .text(strings.hubIntroduction(.document))
    values["orders"] = .list(DocumentOrder.allCases.map { other in
      [.label: .text(strings["documents_by_\(other.rawValue)"]), .href: .text(root + other.folder), .current: .flag(other == order)]
    })
    values["caption"] = .text(strings["documents_by_\(order.rawValue)"])
    values["rows"] = .list(paging.range(ofPage: page).map { documentRow(groups[$0], root: root) })
    values[.pagination] = pager(page: page, of: paging.pageCount, folder: order.folder, root: root)
    return PageContext(path: path, template: .documents, values: values)
  }

  private func documentRow(_ g: Int, root: String) -> TemplateValue {
    let group = model.catalog.terms(.document)[g]
    let first = model.catalog.recommendations[group.members[0]]
    let country = labels.term(.country, first.country.rawValue)
    let body = labels.term(.body, first.body)
    return [
      .label: .text(group.key), .href: .text(root + group.path),
      .country: .text(country.label), "countryHref": country.path.map { root + $0 }.templateValue,
      .body: .text(first.body), "bodyHref": body.path.map { root + $0 }.templateValue,
      .kind: .text(strings["document_type_\(first.mechanism.rawValue)"]),
      .date: .text(first.date), .dateText: .text(LanguageFormat.date(first.date, language)),
      .count: .text(number(group.members.count)),
    ]
  }
}

extension PageContextBuilder {
  /// A country's UPR documents grouped by review (cycle and date), newest first, each with its
  /// count of the country's recommendations; false when it has none.
  func uprReviews(_ group: TermGroup, root: String) -> TemplateValue {
    let documents = model.catalog.terms(.document)
    var byDocument: [Int: (count: Int, cycle: Int?, date: String)] = [:]
    for i in group.members {
      let r = model.catalog.recommendations[i]
      guard r.mechanism == .upr, let g = model.catalog.positions(.document, of: i).first.map(Int.init) else { continue }
      byDocument[g, default: (0, r.cycle, r.date)].count += 1
    }
    guard !byDocument.isEmpty else { return false }
    let reviews = Dictionary(grouping: byDocument.keys) { g in ReviewKey(cycle: byDocument[g]!.cycle, date: byDocument[g]!.date) }
    let items: [TemplateValue] = reviews.keys.sorted { ($0.date, $0.cycle ?? 0) > ($1.date, $1.cycle ?? 0) }.map { review in
      let cycle = review.cycle.map { "\(strings["field_cycle"]) \(number($0)) · " } ?? ""
      let docs = reviews[review]!.sorted { ParagraphOrder.precedes(documents[$0].key, documents[$1].key) }
      return [
        .label: .text(cycle + LanguageFormat.date(review.date, language)), .date: .text(review.date),
        "documents": .list(docs.map { g in
          [.label: .text(documents[g].key), .href: .text(root + documents[g].path), .count: .text(count(byDocument[g]!.count))]
        }),
      ]
    }
    return ["items": .list(items)]
  }
}

private struct ReviewKey: Hashable {
  var cycle: Int?
  var date: String
}
