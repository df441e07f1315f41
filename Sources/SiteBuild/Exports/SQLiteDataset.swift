import CSQLite
import Foundation
import SiteCore

/// `downloads/recommendations.sqlite`, written with SQLite (the one file that calls it): a table
/// per entity, a link table per list field, and an FTS5 table over the titles and texts — ready
/// for Datasette or any SQL client. Written in one transaction with no journal, so the same
/// content gives the same bytes.
struct SQLiteDataset {
  static let schema = """
    CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL, region TEXT);
    CREATE TABLE bodies (code TEXT PRIMARY KEY, name TEXT NOT NULL, mechanism TEXT NOT NULL);
    CREATE TABLE themes (slug TEXT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE affected_persons (slug TEXT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE sdg_goals (number INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE recommendations (
      id TEXT PRIMARY KEY, document TEXT NOT NULL, paragraph TEXT NOT NULL,
      country TEXT NOT NULL REFERENCES countries(code), mechanism TEXT NOT NULL,
      body TEXT NOT NULL REFERENCES bodies(code), date TEXT NOT NULL, cycle INTEGER, response TEXT,
      language TEXT NOT NULL, type TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
      follow_up_status TEXT, follow_up_cluster TEXT, follow_up_due TEXT, source_url TEXT NOT NULL, url TEXT NOT NULL);
    CREATE TABLE recommendation_recommending_states (recommendation_id TEXT NOT NULL REFERENCES recommendations(id), country TEXT NOT NULL REFERENCES countries(code));
    CREATE TABLE recommendation_themes (recommendation_id TEXT NOT NULL REFERENCES recommendations(id), theme TEXT NOT NULL REFERENCES themes(slug));
    CREATE TABLE recommendation_affected_persons (recommendation_id TEXT NOT NULL REFERENCES recommendations(id), affected_person TEXT NOT NULL REFERENCES affected_persons(slug));
    CREATE TABLE recommendation_sdg_goals (recommendation_id TEXT NOT NULL REFERENCES recommendations(id), sdg_goal INTEGER NOT NULL REFERENCES sdg_goals(number));
    CREATE TABLE recommendation_sdg_targets (recommendation_id TEXT NOT NULL REFERENCES recommendations(id), sdg_target TEXT NOT NULL);
    CREATE TABLE recommendation_follow_up_responsible (recommendation_id TEXT NOT NULL REFERENCES recommendations(id), responsible TEXT NOT NULL);
    CREATE VIRTUAL TABLE recommendations_fts USING fts5(title, text, content='recommendations', content_rowid='rowid');
    """

  private let db: OpaquePointer
  private let path: String

  /// Writes the whole dataset of `model` into a new database at `path` (a scratch file).
  static func write(_ model: SiteModel, to path: String) throws(DiagnosticError) {
    unlink(path)
    let dataset = try SQLiteDataset(path)
    defer { sqlite3_close(dataset.db) }
    try dataset.run("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096; BEGIN;")
    try dataset.run(schema)
    try dataset.insertVocabulary(model)
    try dataset.insertRecommendations(model)
    try dataset.run("INSERT INTO recommendations_fts(recommendations_fts) VALUES('rebuild'); COMMIT;")
  }

  private init(_ path: String) throws(DiagnosticError) {
    var db: OpaquePointer?
    guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let db else {
      sqlite3_close(db)
      throw DiagnosticError([.error(at: nil, "cannot create the database \(path)")])
    }
    (self.db, self.path) = (db, path)
  }

  private func insertVocabulary(_ model: SiteModel) throws(DiagnosticError) {
    let (v, language) = (model.vocabulary, model.config.language)
    try insert("countries", 3, v.countries.map { [.text($0.code.rawValue), .text($0.name.text(in: language)), $0.region.map { .text($0) } ?? .null] })
    try insert("bodies", 3, v.bodies.map { [.text($0.code), .text($0.name.text(in: language)), .text($0.mechanism.rawValue)] })
    try insert("themes", 2, v.themes.map { [.text($0.slug), .text($0.name.text(in: language))] })
    try insert("affected_persons", 2, v.affectedPersons.map { [.text($0.slug), .text($0.name.text(in: language))] })
    try insert("sdg_goals", 2, v.goals.map { [.integer($0.number), .text($0.name.text(in: language))] })
  }

  private func insertRecommendations(_ model: SiteModel) throws(DiagnosticError) {
    let rows = try Statement(db, "INSERT INTO recommendations VALUES (\(placeholders(18)))", path)
    let links: [(table: String, values: (Recommendation) -> [Value])] = [
      ("recommendation_recommending_states", { $0.recommendingStates.map { .text($0.rawValue) } }),
      ("recommendation_themes", { $0.themes.map { .text($0) } }),
      ("recommendation_affected_persons", { $0.affectedPersons.map { .text($0) } }),
      ("recommendation_sdg_goals", { $0.sdgGoals.map { Int($0).map { .integer($0) } ?? .text($0) } }),
      ("recommendation_sdg_targets", { $0.sdgTargets.map { .text($0) } }),
      ("recommendation_follow_up_responsible", { ($0.followUp?.responsible ?? []).map { .text($0) } }),
    ]
    var statements: [Statement] = []
    for link in links { statements.append(try Statement(db, "INSERT INTO \(link.table) VALUES (?, ?)", path)) }
    let base = model.config.baseURL ?? ""
    for (i, r) in model.catalog.recommendations.enumerated() {
      let optional = { (text: String?) -> Value in text.map { .text($0) } ?? .null }
      try rows.run([
        .text(r.id.rawValue), .text(r.document), .text(r.paragraph), .text(r.country.rawValue), .text(r.mechanism.rawValue),
        .text(r.body), .text(r.date), r.cycle.map { .integer($0) } ?? .null, optional(r.response?.rawValue), .text(r.language),
        .text(r.kind.rawValue), .text(model.texts[i].title), .text(model.texts[i].plainText),
        optional(r.followUp?.currentStatus?.rawValue), optional(r.followUp?.cluster), optional(r.followUp?.due),
        .text(DatasetRow.sourceURL(r)), .text(base + "recommendations/\(r.id)/"),
      ])
      for (k, link) in links.enumerated() {
        for value in link.values(r) { try statements[k].run([.text(r.id.rawValue), value]) }
      }
    }
  }

  private func insert(_ table: String, _ columns: Int, _ rows: [[Value]]) throws(DiagnosticError) {
    let statement = try Statement(db, "INSERT OR IGNORE INTO \(table) VALUES (\(placeholders(columns)))", path)
    for row in rows { try statement.run(row) }
  }

  private func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

  private func run(_ sql: String) throws(DiagnosticError) {
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw Statement.failure(db, path) }
  }

  enum Value {
    case text(String), integer(Int), null
  }

  /// A prepared statement, finalized when dropped.
  final class Statement {
    let statement: OpaquePointer
    let db: OpaquePointer
    let path: String

    init(_ db: OpaquePointer, _ sql: String, _ path: String) throws(DiagnosticError) {
      var statement: OpaquePointer?
      guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw Self.failure(db, path) }
      (self.statement, self.db, self.path) = (statement, db, path)
    }

    deinit { sqlite3_finalize(statement) }

    func run(_ values: [Value]) throws(DiagnosticError) {
      // SQLITE_TRANSIENT: SQLite copies each text before the Swift string goes.
      let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
      for (n, value) in values.enumerated() {
        let k = Int32(n + 1)
        switch value {
        case .text(let text): sqlite3_bind_text(statement, k, text, -1, transient)
        case .integer(let number): sqlite3_bind_int64(statement, k, Int64(number))
        case .null: sqlite3_bind_null(statement, k)
        }
      }
      let step = sqlite3_step(statement)
      sqlite3_reset(statement)
      guard step == SQLITE_DONE else { throw Self.failure(db, path) }
    }

    static func failure(_ db: OpaquePointer, _ path: String) -> DiagnosticError {
      DiagnosticError([.error(at: nil, "cannot write the database \(path): \(String(cString: sqlite3_errmsg(db)))")])
    }
  }
}
