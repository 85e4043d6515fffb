/// Text inside HTML written by hand (the diff's adjustment record, the catalog pages) or through Mustache, whose
/// `{{…}}` escapes the same five characters. Markdown uses the same entities and line breaks.
public enum HTMLText {
    /// Escapes a text for element content and attribute values (`& < > " '`); every line break — LF, CR or
    /// CRLF — becomes one `<br>`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            out += entity(character, quotes: true) ?? (isLineBreak(character) ? "<br>" : String(character))
        }
        return out
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

    /// Appends a text's UTF-8 bytes to `out` with `& < > " '` as entities, exactly as Mustache's `{{…}}` escapes
    /// (line breaks kept): Mustache replaces a `Character` equal to one of the five, so a quote that a combining
    /// mark joins stays as it is, and the pages written without Mustache must not differ from those written
    /// with it. Text without any of the five bytes, nearly all catalog text, is copied as it is.
    public static func appendMustacheEscaped(_ text: String, to out: inout [UInt8]) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where isMarkup(byte) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        for character in text {
            if let entity = entity(character, quotes: true) {
                out.append(contentsOf: entity.utf8)
            } else {
                out.append(contentsOf: character.utf8)
            }
        }
    }

    /// `& < > " '`, the bytes that start an entity.
    @inline(__always)
    static func isMarkup(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
