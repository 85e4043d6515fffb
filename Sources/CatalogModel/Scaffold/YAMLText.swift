import Diagnostics
import SafeOutput

/// Spelling scalars and short lists for the YAML that `gkml init` writes: plain where YAML 1.2 (and the
/// YAML 1.1 readers many tools still use) reads the text back as the same string, double-quoted otherwise.
public enum YAMLText {
    /// Where a scalar is written: block context (`key: value`, `- value`) or inside a flow list (`[a, b]`).
    public enum Context: Sendable {
        case block
        case flow
    }

    /// The scalar as YAML source: plain when that reads back as the same string, else double-quoted.
    public static func scalar(_ text: String, in context: Context = .block) -> String {
        needsQuotes(text, in: context) ? doubleQuoted(text) : text
    }

    /// A double-quoted scalar with the escapes YAML defines: JSON's escapes (a JSON string is a YAML
    /// double-quoted scalar), with DEL, the C1 controls and the byte-order mark escaped too, as YAML requires
    /// printable text.
    public static func doubleQuoted(_ text: String) -> String {
        JSONText.quoted(
            text, alsoEscaping: { $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0 == "\u{FEFF}" },
            uppercaseHex: true)
    }

    /// Whether the text must be quoted to read back as the same string.
    public static func needsQuotes(_ text: String, in context: Context) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        // Leading or trailing white space is lost in a plain scalar.
        if first.properties.isWhitespace || last.properties.isWhitespace { return true }
        // Characters that start something else than a plain scalar.
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar == "\u{FEFF}" || scalar == "\u{2028}" || scalar == "\u{2029}"
            {
                return true
            }
            if context == .flow && ",[]{}".unicodeScalars.contains(scalar) { return true }
        }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return true }
        return resolvesToNonString(text)
    }

    /// Plain scalars that a YAML 1.2 core-schema reader (gkml) or a YAML 1.1 reader would not read as a
    /// string: null, booleans, numbers. Dates (`2024-06-01`) stay plain: gkml reads them as strings, and
    /// the format writes them unquoted (DESIGN §2).
    static func resolvesToNonString(_ text: String) -> Bool {
        let lower = text.lowercased()
        if ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lower) { return true }
        if [".inf", "+.inf", "-.inf", ".nan"].contains(lower) { return true }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        var body = Substring(lower)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard let head = body.first else { return false }
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            return body.count > 2 && body.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" }
        }
        guard head.isNumber || head == "." else { return false }
        // Decimal ints and floats, with YAML 1.1's `_` separators and sexagesimal `1:30`.
        var sawDigit = false
        var index = body.startIndex
        while index < body.endIndex {
            let c = body[index]
            if c.isASCII && c.isNumber {
                sawDigit = true
            } else if c == "_" || c == "." || c == ":" {
            } else if c == "e" {
                let rest = body[body.index(after: index)...]
                let digits = rest.first == "-" || rest.first == "+" ? rest.dropFirst() : rest
                return sawDigit && !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
            } else {
                return false
            }
            index = body.index(after: index)
        }
        return sawDigit
    }

    /// `[a, b]` if the line `prefix[a, b]` fits in `width` display columns, else nil.
    public static func flowList(_ values: [String], prefix: String, width: Int) -> String? {
        let text = "[" + values.map { scalar($0, in: .flow) }.joined(separator: ", ") + "]"
        return DisplayWidth.of(prefix) + DisplayWidth.of(text) <= width ? text : nil
    }
}
