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
            guard needsEscape(scalar, keepLineBreaks: keepLineBreaks) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            if let byte = FileName.rawByte(scalar) {
                out += "\\x" + hex(UInt32(byte), width: 2)
            } else {
                switch scalar {
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{1B}": out += "\\e"
                default:
                    out += scalar.value < 0x80 ? "\\x" + hex(scalar.value, width: 2) : "\\u{" + hex(scalar.value) + "}"
                }
            }
        }
        return out
    }

    /// A path or file name on one line: every control character escaped, line breaks included.
    public static func path(_ path: String) -> String { escape(path, keepLineBreaks: false) }

    static func needsEscape(_ scalar: Unicode.Scalar, keepLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidi embeddings, overrides and isolates; the Arabic letter mark.
        case 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: FileName.rawByte(scalar) != nil
        }
    }

    static func hex(_ value: UInt32, width: Int = 0) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
