/// Text inside Markdown (CommonMark with GFM tables), for every Markdown that gkml writes: the md catalog and
/// the diff's adjustment record. Text that comes from a catalog must not become links, HTML or table cells.
public enum MarkdownText {
    /// Escapes a text for a line or a table cell: a backslash before the ASCII punctuation that has meaning
    /// inside a line, entities for `&`, `<` and `>` (understood by every Markdown renderer, unlike `\<`, so a
    /// Markdown-to-HTML step cannot turn the text into markup), and every line break — LF, CR or CRLF — as one
    /// `<br>` (a table row and a record cell are one line).
    public static func escape(_ text: String) -> String {
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
