import Foundation

/// URL path segments made from names and symbols: ASCII, lower-case, stable.
public enum Slug {
  /// Lower-cases, removes diacritics (NFKD), and turns every run of characters outside
  /// `[a-z0-9]` into one `-`, trimmed at both ends: `"Côte d'Ivoire"` → `cote-d-ivoire`,
  /// `"A/HRC/39/6"` → `a-hrc-39-6`, `"Persons living with HIV/AIDS"` → `persons-living-with-hiv-aids`.
  public static func make(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text) }
    var out = ""
    var pendingDash = false
    for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
      let v = scalar.value
      let lower: UInt32? =
        (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) ? v : (v >= 0x41 && v <= 0x5A ? v + 32 : nil)
      if let lower {
        if pendingDash && !out.isEmpty { out.append("-") }
        pendingDash = false
        out.unicodeScalars.append(Unicode.Scalar(lower)!)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      } else {
        pendingDash = true
      }
    }
    return out
  }

  private static func makeASCII(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingDash = false
    for byte in text.utf8 {
      let lower: UInt8? = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) ? byte
        : (byte >= 0x41 && byte <= 0x5A ? byte + 32 : nil)
      if let lower {
        if pendingDash && !out.isEmpty { out.append(0x2D) }
        pendingDash = false
        out.append(lower)
      } else {
        pendingDash = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The longest slug that may name a page's folder (file systems stop at 255 bytes).
  public static let longest = 128

  /// Whether `text` is already a slug as `make` writes it.
  public static func isValid(_ text: String) -> Bool {
    !text.isEmpty && make(text) == text
  }
}
