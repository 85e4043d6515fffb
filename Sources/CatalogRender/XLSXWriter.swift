import CatalogModel
import Diagnostics
import Foundation
import SafeOutput

/// XLSX (Office Open XML SpreadsheetML), written by hand into a ZIP: one workbook per jurisdiction, one sheet
/// per catalog. Each sheet: the title and the catalog's facts, the official two-row header with merged cells,
/// one row per item with 一级事项 merged down its rows, column widths, wrapped text, the header frozen, and a
/// landscape A4 print setup at a scale that fits the width, repeating the header rows on every printed page.
/// The sheet always carries 编号 (`gkml import` reads the workbook back). Pages are broken by the writer
/// (manual row breaks computed from the row heights at the fit-to-width scale), and a 一级事项 block that
/// crosses a break is split there with its label repeated, so no printed page starts with a cut merged cell.
/// A legend of the boxes follows the table.
/// Every text cell is a shared string, which a spreadsheet never evaluates, so text that starts with `=`, `+`, `-`
/// or `@` is written exactly as it is (the CSV formula guard `'` would show up as data here; docs/rendering.md).
public enum XLSXWriter {
    /// Rows above the table: title, facts.
    static let headerRow = 3
    static let firstDataRow = 5

    /// A workbook of the given catalogs (one sheet each, in order). `title` names the workbook in its properties.
    public static func workbook(_ tables: [CatalogTable], title: String) throws -> [UInt8] {
        // At most one string a cell: room for them all spares the table's growing rehashes.
        var strings = SharedStrings(capacity: tables.reduce(16) { $0 + $1.itemCount * ($1.columns.count + 1) })
        var taken = Set<String>()
        var sheets: [(name: String, xml: [UInt8])] = []
        for table in tables {
            let name = sheetName(table.domain, taken: &taken)
            sheets.append((name, sheet(table.withID, strings: &strings).bytes))
        }
        if sheets.isEmpty {
            // A workbook must have a sheet.
            sheets.append((sheetName("目录", taken: &taken), Array(emptySheet.utf8)))
        }
        var entries: [ZipContainer.Entry] = [
            .text("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            .text("_rels/.rels", rootRelationships),
            .text("docProps/app.xml", appProperties(sheetNames: sheets.map(\.name))),
            .text("docProps/core.xml", coreProperties(title: title)),
            .text("xl/workbook.xml", workbookXML(sheets.map(\.name), printTitles: !tables.isEmpty)),
            .text("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            .text("xl/styles.xml", styles),
            .bytes("xl/sharedStrings.xml", strings.xml.bytes),
        ]
        for (index, sheet) in sheets.enumerated() {
            entries.append(.bytes("xl/worksheets/sheet\(index + 1).xml", sheet.xml))
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
        case normal = 0, title, facts, header, text, centered, group, note, small
    }

    /// The workbook's width unit is the width of a digit of its default font. The default font is monospaced
    /// (Courier New; Liberation Mono or DejaVu Sans Mono where it is missing, all 0.6 em), so the unit is 6.6 pt
    /// in Excel, WPS and LibreOffice alike and the writer knows the printed scale; a CJK default font makes the
    /// unit differ from one machine to the next (宋体 7 px, its DejaVu stand-in 9.4 px), and pages planned for
    /// one scale print under-filled or cut at another. A column adds 5 px of padding.
    static let unitPoints = 6.6, columnPadding = 3.75
    /// Type sizes in points, as the Word file prints them: 小五 for the table, 六号 for the 13-box checklist.
    static let textSize = Double(DOCXWriter.tableSize) / 2, smallSize = Double(DOCXWriter.checklistSize) / 2

    /// Column widths in points: the Word file's widths computed from the content (`DOCXLayout.columnWidths`), so
    /// the sheet prints at nearly full size on A4 landscape; 编号 a little wider for Latin digits, which the
    /// fallback fonts of spreadsheet programs print wider than Word's.
    static func columnPoints(_ table: CatalogTable) -> [Double] { columnPoints(MeasuredCells(table)) }

    /// `columnPoints` from the cells as measured once.
    static func columnPoints(_ cells: MeasuredCells) -> [Double] {
        zip(cells.columns, DOCXLayout.columnWidths(cells)).map { column, twips in
            Double(twips) / 20 + (column == .id ? 6 : 0)
        }
    }

    /// A width in points as the sheet's `<col width>`.
    static func units(_ points: Double) -> Double { ((points - columnPadding) / unitPoints * 100).rounded() / 100 }

    static func textStyle(_ column: TableColumn, _ table: CatalogTable) -> Style {
        column == .channels && table.channelStyle == .checklist ? .small : .text
    }

    static func sheet(_ table: CatalogTable, strings: inout SharedStrings) -> XMLBytes {
        let columns = table.columns
        let last = columns.count - 1
        var rows = XMLBytes(capacity: 4096 + 1024 * table.itemCount)
        var merges = XMLBytes()
        var mergeCount = 0

        func reference(_ column: Int, _ row: Int, into xml: inout XMLBytes) {
            xml.append(columnLetters(column))
            xml.append(row)
        }
        func merge(_ column: Int, _ row: Int, _ lastColumn: Int, _ lastRow: Int) {
            merges.append("<mergeCell ref=\"")
            reference(column, row, into: &merges)
            merges.append(":")
            reference(lastColumn, lastRow, into: &merges)
            merges.append("\"/>")
            mergeCount += 1
        }
        func cell(_ column: Int, _ row: Int, _ text: String?, _ style: Style) {
            appendCell(column, row, text, style, &rows)
        }
        func appendCell(_ column: Int, _ row: Int, _ text: String?, _ style: Style, _ xml: inout XMLBytes) {
            xml.append("<c r=\"")
            reference(column, row, into: &xml)
            xml.append("\" s=\"")
            xml.append(style.rawValue)
            guard let text, !text.isEmpty else { return xml.append("\"/>") }
            xml.append("\" t=\"s\"><v>")
            xml.append(strings.index(text))
            xml.append("</v></c>")
        }
        func number(_ column: Int, _ row: Int, _ value: Int, _ style: Style) {
            rows.append("<c r=\"")
            reference(column, row, into: &rows)
            rows.append("\" s=\"")
            rows.append(style.rawValue)
            rows.append("\"><v>")
            rows.append(value)
            rows.append("</v></c>")
        }
        func rowStart(_ row: Int, height: String) {
            rows.append("<row r=\"")
            rows.append(row)
            rows.append("\" ht=\"")
            rows.append(height)
            rows.append("\" customHeight=\"1\">")
        }

        // Title and facts.
        rowStart(1, height: "36")
        cell(0, 1, table.title, .title)
        for column in 1...last { cell(column, 1, nil, .title) }
        rows.append("</row>")
        rowStart(2, height: "22")
        cell(0, 2, facts(table), .facts)
        for column in 1...last { cell(column, 2, nil, .facts) }
        rows.append("</row>")
        if last > 0 {
            merge(0, 1, last, 1)
            merge(0, 2, last, 2)
        }

        // The two header rows, their cells made in one pass (the shared strings are numbered in order of use).
        let top = headerRow, bottom = headerRow + 1
        var bottomCells = XMLBytes()
        rowStart(top, height: "24")
        var column = 0
        for headerCell in table.headerCells {
            if headerCell.leaves.isEmpty {
                cell(column, top, headerCell.title, .header)
                appendCell(column, bottom, nil, .header, &bottomCells)
                merge(column, top, column, bottom)
                column += 1
            } else {
                for (offset, leaf) in headerCell.leaves.enumerated() {
                    cell(column + offset, top, offset == 0 ? headerCell.title : nil, .header)
                    appendCell(column + offset, bottom, leaf.title, .header, &bottomCells)
                }
                if headerCell.leaves.count > 1 { merge(column, top, column + headerCell.leaves.count - 1, top) }
                column += headerCell.leaves.count
            }
        }
        rows.append("</row>")
        rowStart(bottom, height: "30")
        rows.append(bottomCells)
        rows.append("</row>")

        // One row per item; the pages are planned first so that a block split by a page break repeats its label.
        let measuredCells = MeasuredCells(table)
        let widths = columnPoints(measuredCells)
        let heights = rowHeights(measuredCells, widths: widths)
        let pages = Set(pageBreaks(table, widths: widths, heights: heights))
        var breakRows: [Int] = []
        var rowNumber = firstDataRow
        var index = 0
        let groupColumn = columns.firstIndex(of: .group)
        for group in table.groups {
            var segmentStart = rowNumber
            for (position, row) in group.rows.enumerated() {
                let startsPage = pages.contains(index) && index > 0
                if startsPage {
                    breakRows.append(rowNumber - 1)
                    if position > 0, let groupColumn, rowNumber - 1 > segmentStart {
                        merge(groupColumn, segmentStart, groupColumn, rowNumber - 1)
                    }
                    segmentStart = rowNumber
                }
                rowStart(rowNumber, height: oneDecimal(heights[index]))
                for (columnIndex, column) in columns.enumerated() {
                    switch column {
                    case .number:
                        number(columnIndex, rowNumber, row.number, .centered)
                    case .group:
                        cell(columnIndex, rowNumber, row.startsGroup || startsPage ? row.group : nil, .group)
                    case .audience, .mode, .level, .id:
                        cell(columnIndex, rowNumber, table.lines(row, column).first, .centered)
                    default:
                        cell(
                            columnIndex, rowNumber, table.lines(row, column).joined(separator: "\n"),
                            textStyle(column, table))
                    }
                }
                rows.append("</row>")
                rowNumber += 1
                index += 1
            }
            if let groupColumn, rowNumber - 1 > segmentStart {
                merge(groupColumn, segmentStart, groupColumn, rowNumber - 1)
            }
        }
        // The legend under the table, across its width.
        if let legend = table.legend {
            rowStart(rowNumber, height: "20")
            cell(0, rowNumber, "注：" + legend, .note)
            for column in 1...max(1, last) where column <= last { cell(column, rowNumber, nil, .note) }
            rows.append("</row>")
            if last > 0 { merge(0, rowNumber, last, rowNumber) }
            rowNumber += 1
        }
        let lastRow = max(rowNumber - 1, bottom)

        var xml = XMLBytes(capacity: rows.bytes.count + merges.bytes.count + 2048)
        xml.append(xmlHeader)
        xml.append(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        )
        xml.append("<dimension ref=\"A1:\(ref(columns.count - 1, lastRow))\"/>")
        xml.append(
            "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(firstDataRow - 1)\" topLeftCell=\"A\(firstDataRow)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A\(firstDataRow)\" sqref=\"A\(firstDataRow)\"/></sheetView></sheetViews>"
                + "<sheetFormatPr defaultRowHeight=\"15\"/>")
        xml.append("<cols>")
        for (index, points) in widths.enumerated() {
            xml.append("<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(units(points))\" customWidth=\"1\"/>")
        }
        xml.append("</cols><sheetData>")
        xml.append(rows)
        xml.append("</sheetData>")
        if mergeCount > 0 {
            xml.append("<mergeCells count=\"")
            xml.append(mergeCount)
            xml.append("\">")
            xml.append(merges)
            xml.append("</mergeCells>")
        }
        xml.append(
            "<printOptions horizontalCentered=\"1\"/>"
                + "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
                + "<pageSetup paperSize=\"9\" scale=\"\(scale(widths: widths))\" orientation=\"landscape\"/>"
                + "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>")
        if !breakRows.isEmpty {
            xml.append("<rowBreaks count=\"\(breakRows.count)\" manualBreakCount=\"\(breakRows.count)\">")
            for row in breakRows {
                xml.append("<brk id=\"")
                xml.append(row)
                xml.append("\" max=\"16383\" man=\"1\"/>")
            }
            xml.append("</rowBreaks>")
        }
        xml.append("</worksheet>")
        return xml
    }

    /// A row height as `%.1f` prints it; the heights are whole points, which need no formatter.
    static func oneDecimal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)).0" : String(format: "%.1f", value)
    }

    /// Spreadsheet programs do not agree on fitting a row to wrapped text when a file is opened (LibreOffice
    /// keeps the default height), so each row gets the height its tallest cell needs: the line count as the
    /// Word layout estimates it (`DOCXLayout.height`) in a column 2 pt narrower (spreadsheet programs keep wider
    /// cell margins), each line 1.45 em high (LibreOffice's line for the CJK fonts, measured in its PDF).
    static func rowHeights(_ table: CatalogTable, widths: [Double]) -> [Double] {
        rowHeights(MeasuredCells(table), widths: widths)
    }

    /// `rowHeights` from the cells as measured once.
    static func rowHeights(_ cells: MeasuredCells, widths: [Double]) -> [Double] {
        let columns = cells.columns
        return cells.lineWidths.map { row in
            var tallest = lineHeight(textSize)
            for (index, column) in columns.enumerated() where column != .group {
                let size = textStyle(column, cells.table) == .small ? smallSize : textSize
                let halfPoints = Int(size * 2)
                let twips = DOCXLayout.height(
                    lineWidths: row[index], width: Int((widths[index] - 2) * 20), size: halfPoints)
                let lines = twips / DOCXWriter.lineHeight(halfPoints)
                tallest = max(tallest, Double(lines) * lineHeight(size))
            }
            return min(409.0, (tallest + 4).rounded(.up))
        }
    }

    static func lineHeight(_ size: Double) -> Double { size * 1.45 }

    /// Page layout in points: A4 landscape less the margins of `pageMargins`, and the rows above the table.
    static let printableWidth = (297.0 / 25.4 - 0.8) * 72, printableHeight = (210.0 / 25.4 - 1.1) * 72
    static let titleRowsHeight = 36.0 + 22, headerRowsHeight = 24.0 + 30

    /// The printed scale in percent, set in the sheet rather than left to "fit to width" (which programs compute
    /// from their own font metrics, so pages planned at one scale printed at another): the sheet fits the page
    /// width with 5 % to spare for a program whose width unit is a little wider.
    static func scale(widths: [Double]) -> Int {
        max(10, min(100, Int((printableWidth / (widths.reduce(0, +) * 1.05) * 100).rounded(.down))))
    }

    /// The indexes (into `table.rows`) of the rows that start a printed page, 0 first. A point of row height
    /// prints at the scale; a page holds the repeated header rows and as many rows as fit, less a small margin
    /// for programs that round differently.
    static func pageBreaks(_ table: CatalogTable, widths: [Double], heights: [Double]) -> [Int] {
        let pageHeight = printableHeight / (Double(scale(widths: widths)) / 100) * 0.97
        var starts = [0]
        var used = titleRowsHeight + headerRowsHeight
        for (index, height) in heights.enumerated() {
            if used + height > pageHeight && used > headerRowsHeight {
                starts.append(index)
                used = headerRowsHeight
            }
            used += height
        }
        return heights.isEmpty ? [] : starts
    }

    static func textUnits<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { $0 + textUnits($1) }
    }

    static func textUnits(_ scalar: Unicode.Scalar) -> Int {
        // Printable ASCII and CJK ideographs, nearly all of a catalog's text, without the general-category
        // lookup of `DisplayWidth` (the same answer: 1 and 2).
        if (0x20..<0x7F).contains(scalar.value) { return 1 }
        if (0x4E00...0x9FFF).contains(scalar.value) { return 2 }
        // ■ □ √ and other symbols are full-width in CJK fonts.
        let wide = (0x2190...0x27BF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value)
        return wide ? 2 : DisplayWidth.of(scalar)
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

    /// Fonts: Courier New (the default font, which only sets the column unit, see `unitPoints`), 宋体 (body, and 7.5 pt
    /// for the checklist), 黑体 (header), 方正小标宋简体 (title; spreadsheet programs substitute their default CJK
    /// font where it is not installed). cellXfs follow `Style`.
    static let styles =
        xmlHeader
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"6\">"
        + "<font><sz val=\"11\"/><name val=\"Courier New\"/><family val=\"3\"/></font>"
        + "<font><sz val=\"18\"/><name val=\"方正小标宋简体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><sz val=\"10\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"9\"/><name val=\"黑体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><sz val=\"9\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><sz val=\"7.5\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "</fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE6ECF5\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        + "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
        + "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"9\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"4\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"4\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"4\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"5\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"常规\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}

/// The shared string table: each distinct text once, in order of first use.
struct SharedStrings {
    private var indexes: [String: Int] = [:]
    private var list: [String] = []
    private var uses = 0

    init(capacity: Int = 0) { indexes.reserveCapacity(capacity) }

    mutating func index(_ text: String) -> Int {
        uses += 1
        if let index = indexes[text] { return index }
        indexes[text] = list.count
        list.append(text)
        return list.count - 1
    }

    var xml: XMLBytes {
        var xml = XMLBytes(capacity: 256 + list.reduce(0) { $0 + $1.utf8.count + 40 })
        xml.append(XLSXWriter.xmlHeader)
        xml.append(
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(uses)\" uniqueCount=\"\(list.count)\">"
        )
        for text in list {
            xml.append("<si><t xml:space=\"preserve\">")
            // A cell holds at most 32,767 characters; fewer bytes than that are fewer characters too.
            xml.appendEscaped(text.utf8.count <= 32767 ? text : String(text.prefix(32767)))
            xml.append("</t></si>")
        }
        xml.append("</sst>")
        return xml
    }
}
