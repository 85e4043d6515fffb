/// Text inside HTML written by hand (the diff's adjustment record, the catalog pages) or through Mustache, whose
/// `{{…}}` escapes the same five characters with this escaping. Markdown uses the same entities and line breaks.
public enum HTMLText {
    /// Escapes a text for element content and attribute values (`& < > " '`); every line break — LF, CR or
    /// CRLF — becomes one `<br>`.
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }  // CRLF: one break
            if scalar == "\n" || scalar == "\r" {
                out.append(contentsOf: "<br>".utf8)
            } else {
                append(scalar, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes `& < > " '` (line breaks kept): what `{{…}}` writes in the pages, through Mustache (a content
    /// type of its own, see `HTMLTemplates`) and without it (`appendEscaped`).
    public static func escapeMarkup(_ text: String) -> String {
        var out: [UInt8] = []
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The entity for a character that markup gives meaning to: `&`, `<`, `>` and, with `quotes`, `"` and `'`.
    static func entity(_ character: Character, quotes: Bool) -> String? {
        switch character {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"" where quotes: "&quot;"
        case "'" where quotes: "&#39;"
        default: nil
        }
    }

    /// LF, CR or CRLF (one Swift `Character`, which a test for `"\n"` alone misses).
    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r" || character == "\r\n"
    }

    /// Appends a text's UTF-8 bytes to `out` with `& < > " '` as entities (line breaks kept). Each Unicode scalar
    /// is looked at, not each `Character`: a quote that a combining mark joins is one Character that equals no
    /// quote, yet a browser ends an attribute at it. Text without any of the five bytes, nearly all catalog text,
    /// is copied as it is.
    public static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where isMarkup(byte) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
    }

    /// One scalar, as its entity if markup gives it meaning.
    @inline(__always)
    private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar {
        case "&": out.append(contentsOf: "&amp;".utf8)
        case "<": out.append(contentsOf: "&lt;".utf8)
        case ">": out.append(contentsOf: "&gt;".utf8)
        case "\"": out.append(contentsOf: "&quot;".utf8)
        case "'": out.append(contentsOf: "&#39;".utf8)
        default: out.append(contentsOf: UTF8.encode(scalar)!)
        }
    }

    /// `& < > " '`, the bytes that start an entity.
    @inline(__always)
    static func isMarkup(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
