import CatalogModel

/// DOCX (Office Open XML WordprocessingML), written by hand into a ZIP: one document per catalog, laid out to
/// print as an official catalog. A4 landscape; the title (地区 + 领域 + 领域基层政务公开标准目录) in 方正小标宋简体,
/// the facts and the table in 仿宋_GB2312 (headers 黑体) at 五号, column widths computed from the content
/// (`DOCXLayout`), 序号 and ticks centred, the legend of the boxes, then 未涉及事项 and 调整记录 after the table.
/// The writer paginates itself: every line has an exact height, so row heights are known, and each page is its
/// own table with the header rows, separated by a page break. A 一级事项 block that a page break splits is
/// merged on each page separately with its label repeated, so no page starts with a cut merged cell.
/// Fonts are named as official documents name them; the font table gives each an alternative (宋体, 仿宋,
/// SimHei) and every Chinese font family falls back through the `w:altName` chain where it is not installed.
public enum DOCXWriter {
    enum Font {
        case title, heading, body

        var eastAsia: String {
            switch self {
            case .title: "方正小标宋简体"
            case .heading: "黑体"
            case .body: "仿宋_GB2312"
            }
        }
    }

    /// A4 landscape in twentieths of a point, and the margins.
    static let pageWidth = 16838, pageHeight = 11906
    static let marginX = 720, marginTop = 1020, marginBottom = 964
    static var textWidth: Int { pageWidth - 2 * marginX }
    static var textHeight: Int { pageHeight - marginTop - marginBottom }

    public static func document(_ table: CatalogTable) throws -> [UInt8] {
        try ZipContainer.make([
            .text("[Content_Types].xml", contentTypes),
            .text("_rels/.rels", rootRelationships),
            .text("docProps/app.xml", appProperties),
            .text("docProps/core.xml", XLSXWriter.coreProperties(title: table.title)),
            .bytes("word/document.xml", body(table).bytes),
            .text("word/_rels/document.xml.rels", documentRelationships),
            .text("word/styles.xml", styles),
            .text("word/settings.xml", settings),
            .text("word/fontTable.xml", fontTable),
            .text("word/footer1.xml", footer),
        ])
    }

    // MARK: Runs and paragraphs

    static func run(_ text: String, _ font: Font, size: Int, bold: Bool = false) -> String {
        var xml = XMLBytes()
        run(text, font, size: size, bold: bold, into: &xml)
        return xml.string
    }

    /// A run of text; a tab in it becomes `<w:tab/>`.
    static func run(_ text: String, _ font: Font, size: Int, bold: Bool = false, into xml: inout XMLBytes) {
        var text = text
        text.withUTF8 { run(utf8: $0, font, size: size, bold: bold, into: &xml) }
    }

    /// `run` for UTF-8 text. A tab is a character of its own, so splitting the bytes at 0x09 splits as the
    /// characters would.
    static func run(
        utf8 text: UnsafeBufferPointer<UInt8>, _ font: Font, size: Int, bold: Bool = false, into xml: inout XMLBytes
    ) {
        xml.append("<w:r><w:rPr>")
        xml.append(fonts(font))
        if bold { xml.append("<w:b/><w:bCs/>") }
        xml.append("<w:sz w:val=\"")
        xml.append(size)
        xml.append("\"/><w:szCs w:val=\"")
        xml.append(size)
        xml.append("\"/></w:rPr>")
        var start = 0
        for index in text.indices where text[index] == 0x09 {
            xml.append("<w:t xml:space=\"preserve\">")
            xml.appendEscaped(utf8: UnsafeBufferPointer(rebasing: text[start..<index]))
            xml.append("</w:t><w:tab/>")
            start = index + 1
        }
        xml.append("<w:t xml:space=\"preserve\">")
        xml.appendEscaped(utf8: UnsafeBufferPointer(rebasing: text[start...]))
        xml.append("</w:t></w:r>")
    }

    static func fonts(_ font: Font) -> String {
        switch font {
        case .title: titleFonts
        case .heading: headingFonts
        case .body: bodyFonts
        }
    }

    private static let titleFonts = fontsXML(.title), headingFonts = fontsXML(.heading), bodyFonts = fontsXML(.body)

    private static func fontsXML(_ font: Font) -> String {
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"\(font.eastAsia)\" w:cs=\"Times New Roman\" w:hint=\"eastAsia\"/>"
    }

    enum Alignment: String { case left, center, both }

    /// A paragraph with an exact line height (so the writer knows how tall it prints).
    /// `bookmark` goes right after the paragraph's properties.
    static func paragraph(
        _ text: String, _ font: Font, size: Int, align: Alignment = .left, bold: Bool = false,
        spacingBefore: Int = 0, spacingAfter: Int = 0, keepNext: Bool = false, pageBreakBefore: Bool = false,
        line: Int? = nil, into xml: inout XMLBytes
    ) {
        var text = text
        text.withUTF8 {
            paragraph(
                utf8: $0, font, size: size, align: align, bold: bold, spacingBefore: spacingBefore,
                spacingAfter: spacingAfter, keepNext: keepNext, pageBreakBefore: pageBreakBefore, line: line,
                into: &xml)
        }
    }

    /// `paragraph` for UTF-8 text.
    static func paragraph(
        utf8 text: UnsafeBufferPointer<UInt8>, _ font: Font, size: Int, align: Alignment = .left, bold: Bool = false,
        spacingBefore: Int = 0, spacingAfter: Int = 0, keepNext: Bool = false, pageBreakBefore: Bool = false,
        line: Int? = nil, bookmark: (id: Int, name: String)? = nil, into xml: inout XMLBytes
    ) {
        xml.append("<w:p><w:pPr>")
        if keepNext { xml.append("<w:keepNext/>") }
        if pageBreakBefore { xml.append("<w:pageBreakBefore/>") }
        xml.append("<w:spacing w:before=\"")
        xml.append(spacingBefore)
        xml.append("\" w:after=\"")
        xml.append(spacingAfter)
        xml.append("\" w:line=\"")
        xml.append(line ?? lineHeight(size))
        xml.append("\" w:lineRule=\"exact\"/><w:jc w:val=\"")
        xml.append(align.rawValue)
        xml.append("\"/><w:rPr>")
        xml.append(fonts(font))
        xml.append("<w:sz w:val=\"")
        xml.append(size)
        xml.append("\"/><w:szCs w:val=\"")
        xml.append(size)
        xml.append("\"/></w:rPr></w:pPr>")
        if let bookmark {
            xml.append("<w:bookmarkStart w:id=\"")
            xml.append(bookmark.id)
            xml.append("\" w:name=\"")
            xml.appendEscaped(bookmark.name)
            xml.append("\"/><w:bookmarkEnd w:id=\"")
            xml.append(bookmark.id)
            xml.append("\"/>")
        }
        if !text.isEmpty { run(utf8: text, font, size: size, bold: bold, into: &xml) }
        xml.append("</w:p>")
    }

    /// The exact line height for a type size in half-points: 1.15 lines, in twips.
    static func lineHeight(_ size: Int) -> Int { size * 23 / 2 }

    // MARK: The table

    /// Type sizes in half-points: 二号 22 pt title, 四号 14 pt facts, 小五 9 pt table, 六号 7.5 pt for the 13-box
    /// checklist (seven lines of it must not make a row taller than a sixth of the page), 五号 10.5 pt notes.
    static let titleSize = 44, factsSize = 28, tableSize = 18, checklistSize = 15, headingSize = 28, notesSize = 21

    /// The type size of a column's cells.
    static func size(_ column: TableColumn, _ table: CatalogTable) -> Int {
        column == .channels && table.channelStyle == .checklist ? checklistSize : tableSize
    }

    struct Cell {
        var lines: [String]
        var font: Font = .body
        var align: Alignment = .left
        var span = 1
        /// nil: no vertical merge; true: starts a merge; false: continues one.
        var mergeStart: Bool?
        var shaded = false
        var bold = false
        /// A hidden bookmark (name starting with `_`) carrying the row's 编号, so that the document imports back
        /// by identity (docs/import.md); Word and WPS keep bookmarks when a table is edited.
        var bookmark: (id: Int, name: String)?
        var size = DOCXWriter.tableSize
    }

    /// The bookmark name that carries a 编号: `_gkml_17_01_01` (bookmark names allow letters, digits and `_`).
    static func bookmarkName(_ id: String) -> String { "_gkml_" + id.replacingOccurrences(of: "-", with: "_") }

    /// A table cell: one paragraph per line (an empty one when it has none or continues a merge); the
    /// bookmark, if any, in the first.
    static func cellXML(_ cell: Cell, width: Int, into xml: inout XMLBytes) {
        xml.append("<w:tc><w:tcPr><w:tcW w:w=\"")
        xml.append(width)
        xml.append("\" w:type=\"dxa\"/>")
        if cell.span > 1 {
            xml.append("<w:gridSpan w:val=\"")
            xml.append(cell.span)
            xml.append("\"/>")
        }
        if let start = cell.mergeStart { xml.append(start ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>") }
        if cell.shaded { xml.append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6ECF5\"/>") }
        xml.append("<w:vAlign w:val=\"center\"/></w:tcPr>")
        var bookmark = cell.bookmark
        func add(_ line: UnsafeBufferPointer<UInt8>) {
            paragraph(
                utf8: line, cell.font, size: cell.size, align: cell.align, bold: cell.bold, bookmark: bookmark,
                into: &xml)
            bookmark = nil
        }
        if cell.mergeStart == false || cell.lines.isEmpty {
            add(UnsafeBufferPointer(start: nil, count: 0))
        } else {
            // A paragraph per line. A line feed is a character of its own except after a carriage return (CR LF
            // is one character), so the bytes split where splitting the characters at "\n" would.
            for line in cell.lines {
                var line = line
                line.withUTF8 { bytes in
                    var start = 0
                    for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
                        add(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                        start = index + 1
                    }
                    add(UnsafeBufferPointer(rebasing: bytes[start...]))
                }
            }
        }
        xml.append("</w:tc>")
    }

    static func rowXML(_ cells: [Cell], widths: [Int], header: Bool, height: Int? = nil, into xml: inout XMLBytes) {
        var column = 0
        xml.append(header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/>" : "<w:tr><w:trPr><w:cantSplit/>")
        if let height {
            xml.append("<w:trHeight w:val=\"")
            xml.append(height)
            xml.append("\" w:hRule=\"atLeast\"/>")
        }
        xml.append("<w:jc w:val=\"center\"/></w:trPr>")
        for cell in cells {
            let width = widths[column..<min(widths.count, column + cell.span)].reduce(0, +)
            cellXML(cell, width: width, into: &xml)
            column += cell.span
        }
        xml.append("</w:tr>")
    }

    /// The two header rows.
    static func headerXML(_ table: CatalogTable, widths: [Int], into xml: inout XMLBytes) {
        var top: [Cell] = []
        var bottom: [Cell] = []
        for headerCell in table.headerCells {
            if headerCell.leaves.isEmpty {
                top.append(
                    Cell(lines: [headerCell.title], font: .heading, align: .center, mergeStart: true, shaded: true))
                bottom.append(Cell(lines: [], font: .heading, align: .center, mergeStart: false, shaded: true))
            } else {
                top.append(
                    Cell(
                        lines: [headerCell.title], font: .heading, align: .center, span: headerCell.leaves.count,
                        shaded: true))
                bottom += headerCell.leaves.map {
                    Cell(lines: [$0.title], font: .heading, align: .center, shaded: true)
                }
            }
        }
        rowXML(top, widths: widths, header: true, into: &xml)
        rowXML(bottom, widths: widths, header: true, into: &xml)
    }

    static func tableStart(_ widths: [Int]) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            + "<w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            }.joined() + "</w:tblBorders>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"\(DOCXLayout.cellMarginY)\" w:type=\"dxa\"/>"
            + "<w:left w:w=\"\(DOCXLayout.cellMarginX)\" w:type=\"dxa\"/><w:bottom w:w=\"\(DOCXLayout.cellMarginY)\" w:type=\"dxa\"/>"
            + "<w:right w:w=\"\(DOCXLayout.cellMarginX)\" w:type=\"dxa\"/></w:tblCellMar>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
            + "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
    }

    /// The tables, one per planned page, each with the header rows. A block split by a page merges anew on the
    /// next page with its label.
    static func tablesXML(_ table: CatalogTable, layout: DOCXLayout, into xml: inout XMLBytes) {
        let columns = table.columns
        let rows = table.rows
        let start = tableStart(layout.widths)
        for (pageIndex, page) in layout.pages.enumerated() {
            if pageIndex > 0 {
                // Separates the tables (Word joins adjacent tables) and starts the next page.
                paragraph("", .body, size: 2, pageBreakBefore: true, line: DOCXLayout.separatorHeight, into: &xml)
            }
            xml.append(start)
            headerXML(table, widths: layout.widths, into: &xml)
            for index in page {
                let row = rows[index]
                let firstOnPage = index == page.first
                let groupRows = table.groups[row.groupIndex].rows
                let lastInGroupOnPage = page.last(where: { rows[$0].groupIndex == row.groupIndex }) ?? index
                let firstInGroupOnPage = page.first(where: { rows[$0].groupIndex == row.groupIndex }) ?? index
                let segmentLength = lastInGroupOnPage - firstInGroupOnPage + 1
                let startsSegment = row.startsGroup || firstOnPage
                let cells = columns.map { column -> Cell in
                    switch column {
                    case .number:
                        var cell = Cell(lines: table.lines(row, column), align: .center)
                        cell.bookmark = (row.number, bookmarkName(row.id))
                        return cell
                    case .audience, .mode, .level, .id:
                        return Cell(lines: table.lines(row, column), align: .center)
                    case .group:
                        if groupRows.count == 1 || segmentLength == 1 {
                            return Cell(lines: [row.group], align: .center, bold: true)
                        }
                        return Cell(
                            lines: startsSegment ? [row.group] : [], align: .center, mergeStart: startsSegment,
                            bold: true)
                    default:
                        return Cell(lines: table.lines(row, column), size: size(column, table))
                    }
                }
                rowXML(cells, widths: layout.widths, header: false, into: &xml)
            }
            xml.append("</w:tbl>")
        }
    }

    static func body(_ table: CatalogTable) -> XMLBytes {
        let layout = DOCXLayout(table)
        var xml = XMLBytes(capacity: 4096 + 2048 * table.itemCount)
        xml.append(XLSXWriter.xmlHeader)
        xml.append(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
        )
        paragraph(
            table.title, .title, size: titleSize, align: .center, spacingAfter: DOCXLayout.titleSpacing, into: &xml)
        var facts = "发布机构：" + table.publisher + "　　版本：" + table.version
        if let date = table.effectiveDate { facts += "　　生效日期：" + date }
        paragraph(facts, .body, size: factsSize, align: .center, spacingAfter: DOCXLayout.factsSpacing, into: &xml)
        if let legend = table.legend {
            paragraph(
                "注：" + legend, .body, size: tableSize, align: .left, spacingAfter: DOCXLayout.legendSpacing,
                into: &xml)
        }
        tablesXML(table, layout: layout, into: &xml)
        for note in notes(table) {
            paragraph(
                note.text, note.heading ? .heading : .body, size: notesSize,
                spacingBefore: note.heading ? DOCXLayout.noteHeadingSpacing : 0,
                keepNext: note.heading, into: &xml)
        }
        // Word wants a paragraph between a table and the end of the document.
        paragraph("", .body, size: 2, line: DOCXLayout.separatorHeight, into: &xml)
        xml.append(
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
                + "<w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\" w:orient=\"landscape\"/>"
                + "<w:pgMar w:top=\"\(marginTop)\" w:right=\"\(marginX)\" w:bottom=\"\(marginBottom)\" w:left=\"\(marginX)\" w:header=\"567\" w:footer=\"454\" w:gutter=\"0\"/>"
                + "<w:cols w:space=\"425\"/></w:sectPr></w:body></w:document>")
        return xml
    }

    /// The paragraphs after the table: 未涉及事项 (编号, the baseline's name, the reason) and 调整记录.
    static func notes(_ table: CatalogTable) -> [(text: String, heading: Bool)] {
        var notes: [(String, Bool)] = []
        if !table.notApplicableEntries.isEmpty {
            notes.append(("未涉及事项", true))
            for entry in table.notApplicableEntries { notes.append((entry.label + "：" + entry.reason, false)) }
        }
        if !table.adjustments.isEmpty {
            notes.append(("调整记录", true))
            for entry in table.adjustments {
                let version = entry.version.map { "（版本 \($0)）" } ?? ""
                notes.append((entry.date + version + "：" + entry.note, false))
            }
        }
        return notes
    }

    // MARK: Package parts

    static let contentTypes =
        XLSXWriter.xmlHeader
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        + "</Types>"

    static let rootRelationships =
        XLSXWriter.xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static let documentRelationships =
        XLSXWriter.xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
        + "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
        + "</Relationships>"

    static let appProperties =
        XLSXWriter.xmlHeader
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>gkml</Application></Properties>"

    static let styles =
        XLSXWriter.xmlHeader
        + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts(.body))<w:sz w:val=\"\(tableSize)\"/><w:szCs w:val=\"\(tableSize)\"/>"
        + "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
        + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
        + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/></w:style>"
        + "</w:styles>"

    static let settings =
        XLSXWriter.xmlHeader
        + "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "</w:settings>"

    /// The fonts with their alternatives (w:altName) for machines without the official fonts.
    static let fontTable =
        XLSXWriter.xmlHeader
        + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
        + "<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/><w:charset w:val=\"86\"/><w:family w:val=\"script\"/><w:pitch w:val=\"variable\"/></w:font>"
        + "<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
        + "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
        + "<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
        + "<w:font w:name=\"仿宋\"><w:altName w:val=\"FangSong\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
        + "<w:font w:name=\"SimSun\"><w:altName w:val=\"Noto Serif CJK SC\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
        + "<w:font w:name=\"FangSong\"><w:altName w:val=\"Noto Serif CJK SC\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
        + "<w:font w:name=\"SimHei\"><w:altName w:val=\"Noto Sans CJK SC\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
        + "<w:font w:name=\"Noto Serif CJK SC\"><w:charset w:val=\"86\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
        + "<w:font w:name=\"Noto Sans CJK SC\"><w:charset w:val=\"86\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>"
        + "</w:fonts>"

    /// "— 1 —" centred at the foot of each page, as official documents number pages.
    static let footer =
        XLSXWriter.xmlHeader
        + "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
        + run("— ", .body, size: factsSize)
        + "<w:fldSimple w:instr=\" PAGE \">\(run("1", .body, size: factsSize))</w:fldSimple>"
        + run(" —", .body, size: factsSize)
        + "</w:p></w:ftr>"
}
