/// A front-matter field of a recommendation file, as the content contract names it: the one
/// list the decoder, its messages and its hints are made from.
public enum FrontMatterField: String, CaseIterable, Sendable, FieldName {
  case document, paragraph, country, mechanism, body, date, cycle, session
  case recommendingStates = "recommending_states"
  case response, themes
  case affectedPersons = "affected_persons"
  case sdgs, language, type, id, title
  case followUp = "follow_up"
  case sourceURL = "source_url"

  public var name: String { rawValue }

  /// A file without this field is an error.
  public var isRequired: Bool { requiredHint != nil }

  /// Only UPR recommendations may have this field.
  public var isUPROnly: Bool { self == .cycle || self == .session || self == .recommendingStates || self == .response }

  /// What a missing required field should hold, with an example.
  public var requiredHint: String? {
    switch self {
    case .document: return "the UN document symbol, such as document: A/HRC/39/6"
    case .paragraph: return "the paragraph number as a string, such as paragraph: \"120.89\""
    case .country: return "the ISO 3166-1 alpha-3 code of the State addressed, such as country: ECU"
    case .mechanism: return "one of: upr, treaty-body, special-procedure"
    case .body: return "a code from vocabularies/bodies.yml, such as body: CRC"
    case .date: return "the document's date as YYYY-MM-DD, such as date: 2018-07-06"
    default: return nil
    }
  }
}

/// A field of the `follow_up` block.
public enum FollowUpField: String, CaseIterable, Sendable, FieldName {
  case status, responsible, cluster, due, updates, actions

  public var name: String { rawValue }
}

/// A field of one entry of `follow_up.updates`.
public enum FollowUpUpdateField: String, CaseIterable, Sendable, FieldName {
  case date, status, note, indicators

  public var name: String { rawValue }
}

/// A field of one entry of `follow_up.actions`.
public enum FollowUpActionField: String, CaseIterable, Sendable, FieldName {
  case action, due, completed, responsible

  public var name: String { rawValue }
}

/// The name of a field as written in a file: what `FieldReading` looks values up by and names
/// in its messages.
public protocol FieldName {
  var name: String { get }
}
