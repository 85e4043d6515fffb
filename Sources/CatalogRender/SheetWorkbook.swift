import Foundation
import SafeOutput

/// A plain workbook of titled tables (a report, not a catalog): per sheet a title row, a header row that is
/// frozen and repeated when printed, and data rows; numbers are numbers, texts are shared strings (never
/// evaluated as formulas, so written exactly). Uses the catalog workbook's package parts and styles.
public enum SheetWorkbook {
    public enum Value: Sendable, Hashable {
        case text(String)
        case number(Int)
    }

    public struct Sheet: Sendable {
        public var name: String
        public var title: String
        public var header: [String]
        /// Column widths in characters.
        public var widths: [Double]
        public var rows: [[Value]]

        public init(name: String, title: String, header: [String], widths: [Double], rows: [[Value]]) {
            self.name = name
            self.title = title
            self.header = header
            self.widths = widths
            self.rows = rows
        }
    }

    public static func workbook(_ sheets: [Sheet], title: String) throws -> [UInt8] {
        var strings = SharedStrings()
        var taken = Set<String>()
        var parts: [(name: String, xml: String)] = []
        for sheet in sheets {
            parts.append((XLSXWriter.sheetName(sheet.name, taken: &taken), xml(sheet, strings: &strings)))
        }
        var entries: [(path: String, text: String)] = [
            ("[Content_Types].xml", XLSXWriter.contentTypes(sheetCount: parts.count)),
            ("_rels/.rels", XLSXWriter.rootRelationships),
            ("docProps/app.xml", XLSXWriter.appProperties(sheetNames: parts.map(\.name))),
            ("docProps/core.xml", XLSXWriter.coreProperties(title: title)),
            ("xl/workbook.xml", workbookXML(parts.map(\.name))),
            ("xl/_rels/workbook.xml.rels", XLSXWriter.workbookRelationships(sheetCount: parts.count)),
            ("xl/styles.xml", XLSXWriter.styles),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, part) in parts.enumerated() {
            entries.append(("xl/worksheets/sheet\(index + 1).xml", part.xml))
        }
        return try ZipContainer.make(entries)
    }

    /// Print titles: the header row (row 2) on every page.
    static func workbookXML(_ names: [String]) -> String {
        var xml =
            XLSXWriter.xmlHeader
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets><definedNames>"
        for (index, name) in names.enumerated() {
            let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            xml +=
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(XMLText.escape(quoted))!$2:$2</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    static func xml(_ sheet: Sheet, strings: inout SharedStrings) -> String {
        let columns = max(1, sheet.header.count)
        func text(_ column: Int, _ row: Int, _ value: String, _ style: XLSXWriter.Style) -> String {
            "<c r=\"\(XLSXWriter.ref(column, row))\" s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.index(value))</v></c>"
        }
        var rows = "<row r=\"1\" ht=\"28\" customHeight=\"1\">" + text(0, 1, sheet.title, .title) + "</row>"
        rows +=
            "<row r=\"2\">" + sheet.header.enumerated().map { text($0.offset, 2, $0.element, .header) }.joined()
            + "</row>"
        for (index, values) in sheet.rows.enumerated() {
            let row = index + 3
            rows +=
                "<row r=\"\(row)\">"
                + values.enumerated().map { column, value in
                    switch value {
                    case .text(let s): return text(column, row, s, .text)
                    case .number(let n):
                        return
                            "<c r=\"\(XLSXWriter.ref(column, row))\" s=\"\(XLSXWriter.Style.centered.rawValue)\"><v>\(n)</v></c>"
                    }
                }.joined() + "</row>"
        }
        let cols = sheet.widths.enumerated().map {
            "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
        }.joined()
        return XLSXWriter.xmlHeader
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + (cols.isEmpty ? "" : "<cols>\(cols)</cols>")
            + "<sheetData>\(rows)</sheetData>"
            + "<mergeCells count=\"1\"><mergeCell ref=\"A1:\(XLSXWriter.ref(columns - 1, 1))\"/></mergeCells>"
            + "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            + "</worksheet>"
    }
}
