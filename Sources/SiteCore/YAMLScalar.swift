/// YAML text for the few value shapes the importers write.
public enum YAMLScalar {
  /// A double-quoted scalar: always read back as the same text, whatever it contains. Its escapes
  /// (`\"`, `\\`, `\n`, `\t`, `\uXXXX`) are JSON's too, so it is also a JSON string.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
          || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
        {
          out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A flow list of items that are already valid YAML (codes, slugs, quoted scalars).
  public static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
