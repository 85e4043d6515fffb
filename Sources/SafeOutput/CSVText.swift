/// CSV as RFC 4180 writes it (CRLF records, fields quoted when they must be), with spreadsheet formula
/// injection neutralised.
public enum CSVText {
    /// One record: the fields, escaped, separated by commas, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field: formula triggers neutralised, then quoted (with `"` doubled) when it holds a comma, a quote
    /// or a line break.
    public static func field(_ raw: String) -> String {
        let text = SpreadsheetText.neutralised(raw)
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Spreadsheet formula injection in CSV: a field whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return would be read as a formula by Excel, WPS or LibreOffice when the file is opened or re-saved. Such text
/// gets a leading apostrophe `'`, the convention spreadsheet programs themselves use for "this is text" (OWASP's
/// recommendation for CSV injection). Not for XLSX: a shared-string cell is never a formula, and the apostrophe
/// would be data there.
public enum SpreadsheetText {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralised(_ text: String) -> String {
        guard let first = text.first, triggers.contains(first) else { return text }
        return "'" + text
    }
}
