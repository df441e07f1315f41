/// One recommendation as the search index sees it.
public struct SearchDocument: Sendable {
  /// Recommendation id, e.g. "a-hrc-39-6-120-89".
  public var id: String
  /// Page URL relative to the site root, e.g. "recommendations/a-hrc-39-6-120-89/".
  public var url: String
  public var title: String
  /// Plain text of the body, already stripped of Markdown.
  public var text: String
  /// UN document symbol, e.g. "A/HRC/39/6".
  public var document: String
  /// Paragraph number as written, e.g. "120.89" or "47(g)".
  public var paragraph: String
  /// BCP 47 language of the text: en fr es ru zh ar.
  public var language: String
  /// YYYY-MM-DD; results without a query are listed newest first.
  public var date: String
  /// Facet field -> values in URL form (`.country` -> ["ecu"], `.sdgTarget` -> ["4.1"]).
  public var facets: [FacetField: [String]]
  /// The text in other languages, indexed with the document (one result per recommendation),
  /// sorted by language.
  public var translations: [SearchTranslation]

  public init(
    id: String, url: String, title: String, text: String, document: String,
    paragraph: String, language: String, date: String, facets: [FacetField: [String]],
    translations: [SearchTranslation] = []
  ) {
    self.id = id
    self.url = url
    self.title = title
    self.text = text
    self.document = document
    self.paragraph = paragraph
    self.language = language
    self.date = date
    self.facets = facets
    self.translations = translations
  }
}

/// A recommendation's title and text in another language.
public struct SearchTranslation: Sendable, Equatable {
  /// BCP 47 language: en fr es ru zh ar.
  public var language: String
  public var title: String
  public var text: String

  public init(language: String, title: String, text: String) {
    self.language = language
    self.title = title
    self.text = text
  }
}

/// One edition of the site (a language tree) that the search links into.
public struct SearchEdition: Sendable {
  /// BCP 47 language of the edition.
  public var language: String
  /// Its folder from the site root: "" for the default language, "fr/" for French.
  public var prefix: String
  /// Field -> value -> label in the edition's language.
  public var labels: [FacetField: [String: String]]

  public init(language: String, prefix: String, labels: [FacetField: [String: String]]) {
    self.language = language
    self.prefix = prefix
    self.labels = labels
  }
}

/// A file of the search index, to be written under the output root.
public struct SearchFile: Sendable {
  /// Path relative to the output root, e.g. "search/index/manifest.json".
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}

/// One name of a facet value (a State, theme, group, body, mechanism or SDG) that a query word
/// may match, with its language: its words are stemmed as a text of that language would be
/// (`NameIndex`). An empty language (an alias, a code, a name given as a plain string) is not
/// known: its Latin words get the terms of every Latin stemmer.
public struct SearchName: Sendable, Hashable {
  public var text: String
  /// BCP 47 language of the name, or "" when it is not known.
  public var language: String

  public init(_ text: String, language: String = "") {
    self.text = text
    self.language = language
  }
}
