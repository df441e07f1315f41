/// Names that pages fill in by the hundred (list items, table rows, links), made once: a name
/// written as a literal is hashed each time the literal is evaluated.
extension TemplateKey {
  static let href: TemplateKey = "href"
  static let label: TemplateKey = "label"
  static let text: TemplateKey = "text"
  static let last: TemplateKey = "last"
  static let values: TemplateKey = "values"
  static let title: TemplateKey = "title"
  static let document: TemplateKey = "document"
  static let paragraph: TemplateKey = "paragraph"
  static let country: TemplateKey = "country"
  static let body: TemplateKey = "body"
  static let date: TemplateKey = "date"
  static let dateText: TemplateKey = "dateText"
  static let lang: TemplateKey = "lang"
  static let kind: TemplateKey = "kind"
  static let count: TemplateKey = "count"
  static let detail: TemplateKey = "detail"
  static let current: TemplateKey = "current"
}
