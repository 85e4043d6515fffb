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
    /// A workbook of list sheets, in the styles of the catalog workbook, with the header row frozen and
    /// repeated on printed pages.
    public static func listWorkbook(_ sheets: [XLSXListSheet], title: String) throws -> [UInt8] {
        var strings = SharedStrings()
        var taken = Set<String>()
        var parts: [(name: String, xml: String)] = []
        for sheet in sheets {
            parts.append((sheetName(sheet.name, taken: &taken), listSheetXML(sheet, strings: &strings)))
        }
        if parts.isEmpty { parts.append((sheetName("报告", taken: &taken), emptySheet)) }
        var entries: [(path: String, text: String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: parts.count)),
            ("_rels/.rels", rootRelationships),
            ("docProps/app.xml", appProperties(sheetNames: parts.map(\.name))),
            ("docProps/core.xml", coreProperties(title: title)),
            ("xl/workbook.xml", workbookXML(parts.map(\.name), printTitles: false)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: parts.count)),
            ("xl/styles.xml", styles),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, part) in parts.enumerated() {
            entries.append(("xl/worksheets/sheet\(index + 1).xml", part.xml))
        }
        return try ZipContainer.make(entries)
    }

    static func listSheetXML(_ sheet: XLSXListSheet, strings: inout SharedStrings) -> String {
        let last = max(sheet.headers.count - 1, 0)
        func text(_ column: Int, _ row: Int, _ value: String, _ style: Style) -> String {
            guard !value.isEmpty else { return "<c r=\"\(ref(column, row))\" s=\"\(style.rawValue)\"/>" }
            return
                "<c r=\"\(ref(column, row))\" s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.index(value))</v></c>"
        }
        var rows: [String] = []
        var titleCells = [text(0, 1, sheet.title, .title)]
        for column in stride(from: 1, through: last, by: 1) { titleCells.append(text(column, 1, "", .title)) }
        rows.append("<row r=\"1\" ht=\"32\" customHeight=\"1\">\(titleCells.joined())</row>")
        rows.append(
            "<row r=\"2\">\(sheet.headers.enumerated().map { text($0.offset, 2, $0.element, .header) }.joined())</row>")
        for (offset, values) in sheet.rows.enumerated() {
            let r = offset + 3
            let cells = values.enumerated().map { column, cell -> String in
                switch cell {
                case .text(let s): return text(column, r, s, .text)
                case .number(let n):
                    let v = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
                    return "<c r=\"\(ref(column, r))\" s=\"\(Style.centered.rawValue)\"><v>\(v)</v></c>"
                case .empty: return "<c r=\"\(ref(column, r))\" s=\"\(Style.text.rawValue)\"/>"
                }
            }
            // Spreadsheets do not grow a row for wrapped text on opening: estimate the lines (a full-width
            // character is two cells of a column's width in characters).
            var lines = 1
            for (column, cell) in values.enumerated() {
                guard case .text(let value) = cell, column < sheet.widths.count else { continue }
                let width = max(sheet.widths[column] - 1, 1)
                lines = max(lines, Int((Double(DisplayWidth.of(value)) / width).rounded(.up)))
            }
            rows.append("<row r=\"\(r)\" ht=\"\(15 * min(lines, 12))\" customHeight=\"1\">\(cells.joined())</row>")
        }
        let lastRow = max(sheet.rows.count + 2, 2)
        let cols = sheet.widths.enumerated().map {
            "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
        }.joined()
        let merge = last > 0 ? "<mergeCells count=\"1\"><mergeCell ref=\"A1:\(ref(last, 1))\"/></mergeCells>" : ""
        return xmlHeader
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            // fitToPage makes the landscape print fit the width (fitToWidth alone is ignored).
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<dimension ref=\"A1:\(ref(last, lastRow))\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A3\" sqref=\"A3\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/>"
            + (cols.isEmpty ? "" : "<cols>\(cols)</cols>")
            + "<sheetData>\(rows.joined())</sheetData>"
            + merge
            + "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            + "</worksheet>"
    }
}
