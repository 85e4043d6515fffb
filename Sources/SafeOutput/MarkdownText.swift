/// Text inside Markdown (CommonMark with GFM tables), for every Markdown that gkml writes: the md catalog and
/// the diff's adjustment record. Text that comes from a catalog must not become links, HTML or table cells.
public enum MarkdownText {
    /// Escapes a text for a line or a table cell: a backslash before the ASCII punctuation that has meaning
    /// inside a line, entities for `&`, `<` and `>` (understood by every Markdown renderer, unlike `\<`, so a
    /// Markdown-to-HTML step cannot turn the text into markup), and every line break — LF, CR or CRLF — as one
    /// `<br>` (a table row and a record cell are one line).
    public static func escape(_ text: String) -> String {
        // Nearly all catalog text has nothing to escape; a character escaped below always holds such a byte.
        if !text.utf8.contains(where: mayEscape) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let entity = HTMLText.entity(character, quotes: false) {
                out += entity
            } else if HTMLText.isLineBreak(character) {
                out += "<br>"
            } else if punctuation.contains(character) {
                out += "\\" + String(character)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Appends `escape(text)`'s UTF-8 bytes to `out`, copying text with nothing to escape as it is.
    public static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where mayEscape(byte) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true { out.append(contentsOf: escape(text).utf8) }
    }

    /// The bytes of the characters `escape` changes: `& < >`, CR and LF, and the punctuation below.
    @inline(__always)
    static func mayEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x0A, 0x0D, 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7C, 0x7E, 0x21, 0x23: true
        default: false
        }
    }

    /// The ASCII punctuation that has meaning inside a line of Markdown.
    static let punctuation: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "~", "!", "#"]

    /// A paragraph must not start with what would make it a list, a heading rule or an ordered list.
    public static func escapeParagraphStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "-+=".contains(first) { return "\\" + text }
        if first.isNumber, let dot = text.firstIndex(where: { !$0.isNumber }), ".)".contains(text[dot]) {
            return text[..<dot] + "\\" + text[dot...]
        }
        return text
    }
}
