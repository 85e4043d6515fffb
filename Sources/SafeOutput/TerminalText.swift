/// Text for a terminal or a CI log: control characters (C0 but line feed and tab, DEL, C1), bidi controls and
/// the bytes of names that are not UTF-8 shown as escapes, so a file name or an echoed value cannot move the
/// cursor, colour the log, fake a line, or reorder what follows it.
public enum TerminalText {
    /// `text` with its unsafe characters escaped; `keepLineBreaks` lets `\n` (and `\t`) through for messages.
    public static func escape(_ text: String, keepLineBreaks: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepLineBreaks: keepLineBreaks) }) else {
            return text
        }
        var out = ""
        for scalar in text.unicodeScalars {
            if let escaped = escaped(scalar, keepLineBreaks: keepLineBreaks) {
                out += escaped
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// How `escape` shows one character, or nil when it is shown as it is (a caret under an excerpt counts the
    /// escape's length for it).
    public static func escaped(_ scalar: Unicode.Scalar, keepLineBreaks: Bool = true) -> String? {
        guard needsEscape(scalar, keepLineBreaks: keepLineBreaks) else { return nil }
        if let byte = FileName.rawByte(scalar) { return "\\x" + hex(UInt32(byte), width: 2) }
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{1B}": return "\\e"
        default:
            return scalar.value < 0x80 ? "\\x" + hex(scalar.value, width: 2) : "\\u{" + hex(scalar.value) + "}"
        }
    }

    /// A path or file name on one line: every control character escaped, line breaks included.
    public static func path(_ path: String) -> String { escape(path, keepLineBreaks: false) }

    static func needsEscape(_ scalar: Unicode.Scalar, keepLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidi embeddings, overrides and isolates; the Arabic letter mark and the two directional marks.
        case 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x200E, 0x200F: true
        default: FileName.rawByte(scalar) != nil
        }
    }

    static func hex(_ value: UInt32, width: Int = 0) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
