import Diagnostics
import Foundation
import SafeOutput

/// XLSX (Office Open XML SpreadsheetML), written by hand into a ZIP: one workbook per jurisdiction, one sheet
/// per catalog. Each sheet: the title and the catalog's facts, the official two-row header with merged cells,
/// one row per item with 一级事项 merged down its rows, column widths, wrapped text, the header frozen, and a
/// landscape A4 print setup that fits the width and repeats the header rows on every printed page.
/// Every text cell is a shared string (never a formula), and text that a spreadsheet would take for a formula
/// is neutralised as in CSV (see `SpreadsheetText`).
public enum XLSXWriter {
    /// Rows above the table: title, facts.
    static let headerRow = 3
    static let firstDataRow = 5

    /// A workbook of the given catalogs (one sheet each, in order). `title` names the workbook in its properties.
    public static func workbook(_ tables: [CatalogTable], title: String) throws -> [UInt8] {
        var strings = SharedStrings()
        var taken = Set<String>()
        var sheets: [(name: String, xml: String)] = []
        for table in tables {
            let name = sheetName(table.domain, taken: &taken)
            sheets.append((name, sheet(table, strings: &strings)))
        }
        if sheets.isEmpty {
            // A workbook must have a sheet.
            sheets.append((sheetName("目录", taken: &taken), emptySheet))
        }
        var entries: [(path: String, text: String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("docProps/app.xml", appProperties(sheetNames: sheets.map(\.name))),
            ("docProps/core.xml", coreProperties(title: title)),
            ("xl/workbook.xml", workbookXML(sheets.map(\.name), printTitles: !tables.isEmpty)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, sheet) in sheets.enumerated() {
            entries.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml))
        }
        return try ZipContainer.make(entries)
    }

    // MARK: Names

    /// A sheet name within Excel's rules: at most 31 characters, none of `[]:*?/\`, not starting or ending with
    /// an apostrophe, not "History", unique (case-insensitively) in the workbook.
    static func sheetName(_ raw: String, taken: inout Set<String>) -> String {
        var name = String(PrintableText.clean(raw).map { "[]:*?/\\\n\t".contains($0) ? "_" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.lowercased() == "history" { name = "目录" }
        name = String(name.prefix(31))
        var candidate = name
        var n = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = "(\(n))"
            candidate = String(name.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// "A", "B", … "Z", "AA" …
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    static func ref(_ column: Int, _ row: Int) -> String { "\(columnLetters(column))\(row)" }

    // MARK: Sheet

    /// Style indexes of `styles` (cellXfs).
    enum Style: Int {
        case normal = 0, title, facts, header, text, centered, group
    }

    static func width(_ column: TableColumn, style: ChannelStyle) -> Double {
        switch column {
        case .number: 6
        case .group: 12
        case .name: 16
        case .content: 32
        case .basis: 28
        case .timeLimit: 18
        case .bodies: 16
        case .channels: style == .checklist ? 36 : 26
        case .audience, .mode, .level: 7.5
        case .remark: 22
        }
    }

    static func sheet(_ table: CatalogTable, strings: inout SharedStrings) -> String {
        let columns = table.columns
        let last = columns.count - 1
        var rows: [String] = []
        var merges: [String] = []

        func cell(_ column: Int, _ row: Int, _ text: String?, _ style: Style) -> String {
            let r = ref(column, row)
            guard let text, !text.isEmpty else { return "<c r=\"\(r)\" s=\"\(style.rawValue)\"/>" }
            let index = strings.index(SpreadsheetText.neutralised(text))
            return "<c r=\"\(r)\" s=\"\(style.rawValue)\" t=\"s\"><v>\(index)</v></c>"
        }
        func number(_ column: Int, _ row: Int, _ value: Int, _ style: Style) -> String {
            "<c r=\"\(ref(column, row))\" s=\"\(style.rawValue)\"><v>\(value)</v></c>"
        }

        // Title and facts.
        var titleCells = [cell(0, 1, table.title, .title)]
        var factCells = [cell(0, 2, facts(table), .facts)]
        for column in 1...last {
            titleCells.append(cell(column, 1, nil, .title))
            factCells.append(cell(column, 2, nil, .facts))
        }
        rows.append("<row r=\"1\" ht=\"36\" customHeight=\"1\">\(titleCells.joined())</row>")
        rows.append("<row r=\"2\" ht=\"22\" customHeight=\"1\">\(factCells.joined())</row>")
        if last > 0 {
            merges.append("\(ref(0, 1)):\(ref(last, 1))")
            merges.append("\(ref(0, 2)):\(ref(last, 2))")
        }

        // The two header rows.
        let top = headerRow, bottom = headerRow + 1
        var topCells: [String] = []
        var bottomCells: [String] = []
        var column = 0
        for headerCell in table.headerCells {
            if headerCell.leaves.isEmpty {
                topCells.append(cell(column, top, headerCell.title, .header))
                bottomCells.append(cell(column, bottom, nil, .header))
                merges.append("\(ref(column, top)):\(ref(column, bottom))")
                column += 1
            } else {
                for (offset, leaf) in headerCell.leaves.enumerated() {
                    topCells.append(cell(column + offset, top, offset == 0 ? headerCell.title : nil, .header))
                    bottomCells.append(cell(column + offset, bottom, leaf.title, .header))
                }
                if headerCell.leaves.count > 1 {
                    merges.append("\(ref(column, top)):\(ref(column + headerCell.leaves.count - 1, top))")
                }
                column += headerCell.leaves.count
            }
        }
        // The 编号 column: hidden after the printed columns, so that an edited workbook imports back by identity
        // (`gkml import --update`, docs/import.md).
        let idColumn = columns.count
        topCells.append(cell(idColumn, top, "编号", .header))
        bottomCells.append(cell(idColumn, bottom, nil, .header))
        merges.append("\(ref(idColumn, top)):\(ref(idColumn, bottom))")
        rows.append("<row r=\"\(top)\" ht=\"24\" customHeight=\"1\">\(topCells.joined())</row>")
        rows.append("<row r=\"\(bottom)\" ht=\"30\" customHeight=\"1\">\(bottomCells.joined())</row>")

        // One row per item.
        var rowNumber = firstDataRow
        for group in table.groups {
            let firstRow = rowNumber
            for row in group.rows {
                var cells: [String] = []
                for (index, column) in columns.enumerated() {
                    switch column {
                    case .number:
                        cells.append(number(index, rowNumber, row.number, .centered))
                    case .group:
                        cells.append(cell(index, rowNumber, row.startsGroup ? row.group : nil, .group))
                    case .audience, .mode, .level:
                        cells.append(cell(index, rowNumber, table.lines(row, column).first, .centered))
                    default:
                        cells.append(cell(index, rowNumber, table.lines(row, column).joined(separator: "\n"), .text))
                    }
                }
                cells.append(cell(idColumn, rowNumber, row.id, .text))
                let height = rowHeight(table, row, columns)
                rows.append("<row r=\"\(rowNumber)\" ht=\"\(height)\" customHeight=\"1\">\(cells.joined())</row>")
                rowNumber += 1
            }
            if group.rows.count > 1, let groupColumn = columns.firstIndex(of: .group) {
                merges.append("\(ref(groupColumn, firstRow)):\(ref(groupColumn, rowNumber - 1))")
            }
        }
        let lastRow = max(rowNumber - 1, bottom)

        let cols =
            columns.enumerated().map { index, column in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width(column, style: table.channelStyle))\" customWidth=\"1\"/>"
            }.joined()
            + "<col min=\"\(idColumn + 1)\" max=\"\(idColumn + 1)\" width=\"12\" hidden=\"1\" customWidth=\"1\"/>"
        let mergeXML =
            merges.isEmpty
            ? ""
            : "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined()
                + "</mergeCells>"
        return xmlHeader
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<dimension ref=\"A1:\(ref(idColumn, lastRow))\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(firstDataRow - 1)\" topLeftCell=\"A\(firstDataRow)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A\(firstDataRow)\" sqref=\"A\(firstDataRow)\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/>"
            + "<cols>\(cols)</cols>"
            + "<sheetData>\(rows.joined())</sheetData>"
            + mergeXML
            + "<printOptions horizontalCentered=\"1\"/>"
            + "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            + "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
            + "</worksheet>"
    }

    /// Spreadsheet programs do not agree on fitting a row to wrapped text when a file is opened (LibreOffice
    /// keeps the default height), so each row gets the height its tallest cell needs, estimated from display
    /// widths: a wide (CJK) character takes two units of a column's width, a line is 14.5 pt at 10 pt type.
    static func rowHeight(_ table: CatalogTable, _ row: TableRow, _ columns: [TableColumn]) -> String {
        var lines = 1
        for column in columns {
            if case .group = column { continue }
            let usable = max(2.0, width(column, style: table.channelStyle) - 1.5)
            var count = 0
            for line in table.lines(row, column) {
                for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
                    let units = Double(textUnits(part))
                    count += max(1, Int((units / usable).rounded(.up)))
                }
            }
            lines = max(lines, count)
        }
        let points = min(409.0, Double(lines) * 14.5 + 5)
        return String(format: "%.1f", points)
    }

    static func textUnits<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            // ■ □ √ and other symbols are full-width in CJK fonts.
            let wide = (0x2190...0x27BF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value)
            return total + (wide ? 2 : DisplayWidth.of(scalar))
        }
    }

    static func facts(_ table: CatalogTable) -> String {
        var parts = ["发布机构：" + table.publisher, "版本：" + table.version]
        if let date = table.effectiveDate { parts.append("生效日期：" + date) }
        parts.append("事项数：\(table.itemCount)")
        return parts.joined(separator: "　　")
    }

    static let emptySheet =
        xmlHeader
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>"

    // MARK: Package parts

    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func contentTypes(sheetCount: Int, sharedStrings: Bool = true) -> String {
        var xml = xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 1...sheetCount {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        if sharedStrings {
            xml +=
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        }
        xml +=
            "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml +=
            "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>"
    }

    static let rootRelationships =
        xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static func appProperties(sheetNames: [String]) -> String {
        xmlHeader
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
            + "<Application>gkml</Application>"
            + "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>\(sheetNames.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>"
            + "<TitlesOfParts><vt:vector size=\"\(sheetNames.count)\" baseType=\"lpstr\">"
            + sheetNames.map { "<vt:lpstr>\(XMLText.escape($0))</vt:lpstr>" }.joined()
            + "</vt:vector></TitlesOfParts></Properties>"
    }

    /// Document properties without any date (the output must not change from one build to the next).
    static func coreProperties(title: String) -> String {
        xmlHeader
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText.escape(PrintableText.clean(title)))</dc:title><dc:creator>gkml</dc:creator>"
            + "</cp:coreProperties>"
    }

    static func workbookXML(_ names: [String], printTitles: Bool) -> String {
        workbookXML(names, printTitleRows: printTitles ? names.map { _ in (headerRow, headerRow + 1) } : [])
    }

    /// The workbook part; `printTitleRows` (first, last), one per sheet or none, repeat on every printed page.
    static func workbookXML(_ names: [String], printTitleRows: [(Int, Int)]) -> String {
        var xml =
            xmlHeader
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        if !printTitleRows.isEmpty {
            xml += "<definedNames>"
            for (index, (name, rows)) in zip(names, printTitleRows).enumerated() {
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                xml +=
                    "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(XMLText.escape(quoted))!$\(rows.0):$\(rows.1)</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    static func workbookRelationships(sheetCount: Int, sharedStrings: Bool = true) -> String {
        var xml = xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...sheetCount {
            xml +=
                "<Relationship Id=\"rId\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml +=
            "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        if sharedStrings {
            xml +=
                "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        return xml + "</Relationships>"
    }

    /// Fonts: 宋体 (body), 黑体 (header), 方正小标宋简体 (title; spreadsheet programs substitute their default
    /// CJK font where it is not installed). cellXfs follow `Style`.
    static let styles =
        xmlHeader
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"5\">"
        + "<font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><sz val=\"18\"/><name val=\"方正小标宋简体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><sz val=\"10\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"10\"/><name val=\"黑体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><sz val=\"10\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "</fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE6ECF5\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        + "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
        + "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"7\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"4\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"4\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"常规\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}

/// The shared string table: each distinct text once, in order of first use.
struct SharedStrings {
    private var indexes: [String: Int] = [:]
    private var list: [String] = []
    private var uses = 0

    mutating func index(_ text: String) -> Int {
        uses += 1
        if let index = indexes[text] { return index }
        indexes[text] = list.count
        list.append(text)
        return list.count - 1
    }

    var xml: String {
        XLSXWriter.xmlHeader
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(uses)\" uniqueCount=\"\(list.count)\">"
            + list.map { "<si><t xml:space=\"preserve\">\(XMLText.escape(String($0.prefix(32767))))</t></si>" }.joined()
            + "</sst>"
    }
}
