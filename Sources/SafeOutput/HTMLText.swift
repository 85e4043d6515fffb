/// Text inside HTML written by hand (the diff's adjustment record; the catalog pages go through Mustache,
/// whose `{{…}}` escapes the same five characters).
public enum HTMLText {
    /// Escapes a text for element content and attribute values (`& < > " '`); every line break — LF, CR or
    /// CRLF — becomes one `<br>`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r\n", "\n", "\r": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }
}
