/// CSV as RFC 4180 writes it (CRLF records, fields quoted when they must be), with spreadsheet formula
/// injection neutralised.
public enum CSVText {
    /// One record: the fields, escaped, separated by commas, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Appends `record(fields)`'s UTF-8 bytes to `out`; a field with no byte that `field` could change (a formula
    /// trigger first, a comma, a quote or a line break anywhere) is copied as it is.
    public static func appendRecord(_ fields: [String], to out: inout [UInt8]) {
        for (index, raw) in fields.enumerated() {
            if index > 0 { out.append(0x2C) }
            let copied = raw.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                if let first = bytes.first, SpreadsheetText.mayTrigger(first) { return false }
                for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
                out.append(contentsOf: bytes)
                return true
            }
            if copied != true { out.append(contentsOf: field(raw).utf8) }
        }
        out.append(0x0D)
        out.append(0x0A)
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

    /// Whether a text starting with this byte may start with a trigger (`= + - @`, tab, CR).
    @inline(__always)
    static func mayTrigger(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    public static func neutralised(_ text: String) -> String {
        guard let first = text.first, triggers.contains(first) else { return text }
        return "'" + text
    }
}
