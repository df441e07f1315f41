/// The templates every theme has (`Templates/<name>.mustache`), checked when the theme loads:
/// the one for each page kind, and the layout they extend.
public enum PageTemplate: String, CaseIterable, Sendable {
  case layout, home, recommendation, hub, documents, sdgs, term, page, search, matrix, downloads
  case followUp = "follow-up", followUpCountry = "follow-up-country", followUpReport = "follow-up-report"
  case institutions, institution
  case notFound = "404"
}
