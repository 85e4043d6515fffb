/// JSON string literals, for every JSON that gkml writes (reports, the json catalog, schema values in messages),
/// and YAML's double-quoted scalars, whose escapes are a superset of JSON's.
public enum JSONText {
    /// Appends `text` as a JSON string literal: `"` and `\` escaped, LF, CR and tab as `\n`, `\r`, `\t`, other
    /// control characters as `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029` (so that the text is also safe
    /// inside a JavaScript string). `alsoEscaping` names further scalars (DEL or non-ASCII) written as `\uXXXX`;
    /// `uppercaseHex` spells the hex digits in upper case.
    public static func quote(
        _ text: String, into out: inout String, alsoEscaping extra: ((Unicode.Scalar) -> Bool)? = nil,
        uppercaseHex: Bool = false
    ) {
        out += "\""
        forEachPart(
            of: text, alsoEscaping: extra, uppercaseHex: uppercaseHex, run: { out += Substring($0) },
            escape: { out += $0 })
        out += "\""
    }

    /// Appends `text` as a JSON string literal, as `quote(_:into:)` writes it, to UTF-8 bytes.
    public static func quote(
        _ text: String, into out: inout [UInt8], alsoEscaping extra: ((Unicode.Scalar) -> Bool)? = nil,
        uppercaseHex: Bool = false
    ) {
        out.append(0x22)
        // Most text has no byte that may start an escape: one pass over its bytes, then one copy.
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where mayEscape(byte, extra: extra != nil) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true {
            forEachPart(
                of: text, alsoEscaping: extra, uppercaseHex: uppercaseHex,
                run: { run in
                    if run.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
                        out.append(contentsOf: run)
                    }
                },
                escape: { out.append(contentsOf: $0.utf8) })
        }
        out.append(0x22)
    }

    /// Whether `byte` may start a scalar that is escaped: an ASCII control, `"`, `\`, 0xE2 (U+2028/U+2029)
    /// and, with `extra`, DEL and any non-ASCII lead byte.
    @inline(__always)
    private static func mayEscape(_ byte: UInt8, extra: Bool) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 || (extra && (byte == 0x7F || byte >= 0xC0))
    }

    /// The literal's inside in order: runs of bytes written as they are, and escapes.
    @inline(__always)
    private static func forEachPart(
        of text: String, alsoEscaping extra: ((Unicode.Scalar) -> Bool)?, uppercaseHex: Bool,
        run: (Substring.UTF8View) -> Void, escape: (String) -> Void
    ) {
        // Runs of bytes that need no escape are copied whole: a report of thousands of findings quotes megabytes,
        // and appending scalar by scalar was a third of such a run. Only bytes that may start an escaped scalar
        // (`mayEscape`) are looked at.
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard mayEscape(byte, extra: extra != nil) else {
                index = utf8.index(after: index)
                continue
            }
            let scalar = text.unicodeScalars[index]
            let next = text.unicodeScalars.index(after: index)
            if let escaped = escaped(scalar, extra: extra, uppercaseHex: uppercaseHex) {
                run(utf8[runStart..<index])
                escape(escaped)
                runStart = next
            }
            index = next
        }
        run(utf8[runStart..<utf8.endIndex])
    }

    /// The escape that stands for `scalar`, or nil when it is written as it is.
    private static func escaped(
        _ scalar: Unicode.Scalar, extra: ((Unicode.Scalar) -> Bool)?, uppercaseHex: Bool
    ) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{2028}": return "\\u2028"
        case "\u{2029}": return "\\u2029"
        default:
            guard scalar.value < 0x20 || extra?(scalar) == true else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: uppercaseHex)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// `text` as a JSON string literal.
    public static func quoted(
        _ text: String, alsoEscaping extra: ((Unicode.Scalar) -> Bool)? = nil, uppercaseHex: Bool = false
    ) -> String {
        var out = ""
        quote(text, into: &out, alsoEscaping: extra, uppercaseHex: uppercaseHex)
        return out
    }
}
