/// JSON string literals, for every JSON that gkml writes (reports, the json catalog, schema values in messages),
/// and YAML's double-quoted scalars, whose escapes are a superset of JSON's.
public enum JSONText {
    /// Appends `text` as a JSON string literal: `"` and `\` escaped, LF, CR and tab as `\n`, `\r`, `\t`, other
    /// control characters as `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029` (so that the text is also safe
    /// inside a JavaScript string). `alsoEscaping` names further scalars written as `\uXXXX`; `uppercaseHex`
    /// spells the hex digits in upper case.
    public static func quote(
        _ text: String, into out: inout String, alsoEscaping extra: (Unicode.Scalar) -> Bool = { _ in false },
        uppercaseHex: Bool = false
    ) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || extra(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: uppercaseHex)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// `text` as a JSON string literal.
    public static func quoted(
        _ text: String, alsoEscaping extra: (Unicode.Scalar) -> Bool = { _ in false }, uppercaseHex: Bool = false
    ) -> String {
        var out = ""
        quote(text, into: &out, alsoEscaping: extra, uppercaseHex: uppercaseHex)
        return out
    }
}
