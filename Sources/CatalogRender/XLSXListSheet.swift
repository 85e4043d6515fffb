import Diagnostics
import SafeOutput

/// A plain listing for a workbook: a title row, one header row and data rows (used by reports such as
/// `gkml audit`, which are lists rather than the official catalog table).
public struct XLSXListSheet: Sendable {
    /// A data cell: text (a shared string, never a formula, written exactly) or a number.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        case empty
    }

    public var name: String
    public var title: String
    public var headers: [String]
    /// Column widths in characters, one per header.
    public var widths: [Double]
    public var rows: [[Cell]]

    public init(name: String, title: String, headers: [String], widths: [Double], rows: [[Cell]]) {
        self.name = name
        self.title = title
        self.headers = headers
        self.widths = widths
        self.rows = rows
    }
}

extension XLSXWriter {
    /// A workbook of list sheets (`ListWorkbookWriter`), in the styles of the catalog workbook, with the header
    /// row frozen and repeated on printed pages.
    public static func listWorkbook(_ sheets: [XLSXListSheet], title: String) throws -> [UInt8] {
        let writer = try ListWorkbookWriter(title: title)
        for sheet in sheets {
            let index = try writer.addSheet(
                sheet.name, ListWorkbookWriter.Layout(title: sheet.title, headers: sheet.headers, widths: sheet.widths))
            for row in sheet.rows { try writer.append(row, to: index) }
        }
        if sheets.isEmpty { try writer.addSheet("报告", ListWorkbookWriter.Layout(title: nil, headers: [], widths: [])) }
        return try writer.bytes()
    }
}
