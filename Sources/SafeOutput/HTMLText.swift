/// Text inside HTML written by hand (the diff's adjustment record; the catalog pages go through Mustache,
/// whose `{{…}}` escapes the same five characters). Markdown uses the same entities and line breaks.
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
}
