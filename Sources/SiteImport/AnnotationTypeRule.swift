import Foundation
import SiteCore

/// Gives a type to a UHRI annotation whose `AnnotationType` is missing or not a label the
/// importer knows (about 3,300 annotations of the real export hold a UUID there). The rule,
/// also in docs/content-format.md:
///
/// 1. an annotation of the UPR is a recommendation (the UPR makes nothing else);
/// 2. otherwise a text with a recommending verb (`recommends`, `urges`, `calls upon`, …) is a
///    recommendation;
/// 3. otherwise a text with a verb of concern or observation (`is concerned`, `notes`,
///    `regrets`, `welcomes`, …) is an observation;
/// 4. otherwise it is a recommendation, the default type of the content format.
///
/// Cues are whole words of the text, in lower case.
enum AnnotationTypeRule {
  static let recommendationCues = [
    "recommends", "recommend", "urges", "calls upon", "calls on", "encourages", "requests", "invites", "should",
    "ensure", "adopt", "ratify",
  ]
  static let observationCues = [
    "is concerned", "are concerned", "concern", "concerned", "notes", "noting", "regrets", "welcomes", "observes",
    "deplores", "is alarmed", "reminds", "takes note", "appreciates", "commends",
  ]

  /// The type, and why: `UPR`, `cue "urges"`, `no cue`.
  static func kind(mechanism: Mechanism, text: String) -> (kind: RecommendationKind, reason: String) {
    if mechanism == .upr { return (.recommendation, "UPR") }
    let words = " " + String(text.lowercased().map { $0.isLetter ? $0 : " " }).split(separator: " ").joined(separator: " ") + " "
    if let cue = recommendationCues.first(where: { words.contains(" \($0) ") }) { return (.recommendation, "cue \"\(cue)\"") }
    if let cue = observationCues.first(where: { words.contains(" \($0) ") }) { return (.observation, "cue \"\(cue)\"") }
    return (.recommendation, "no cue")
  }
}
