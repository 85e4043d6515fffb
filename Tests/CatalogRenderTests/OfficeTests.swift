import CatalogModel
import Foundation
import Testing
@testable import CatalogRender

/// XLSX and DOCX read back with openpyxl and python-docx (installed by scripts/test).
@Suite struct OfficeTests {
    static let readXLSX = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = []
        for ws in wb.worksheets:
            out.append({
                "title": ws.title,
                "merged": sorted(str(r) for r in ws.merged_cells.ranges),
                "freeze": ws.freeze_panes,
                "printTitles": ws.print_title_rows,
                "orientation": ws.page_setup.orientation,
                "paper": str(ws.page_setup.paperSize),
                "fitToWidth": ws.page_setup.fitToWidth,
                "fitToHeight": ws.page_setup.fitToHeight,
                "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                "scale": ws.page_setup.scale,
                "widths": [ws.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOPQ" if c in ws.column_dimensions],
                "hidden": [bool(ws.column_dimensions[c].hidden) for c in "ABCDEFGHIJKLMNOPQ" if c in ws.column_dimensions],
                "wrapped": all(ws.cell(row=r, column=c).alignment.wrap_text for r in range(3, ws.max_row + 1) for c in range(1, ws.max_column + 1) if type(ws.cell(row=r, column=c)).__name__ != "MergedCell"),
                "types": sorted(set(ws.cell(row=r, column=c).data_type for r in range(1, ws.max_row + 1) for c in range(1, ws.max_column + 1))),
                "rows": [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)],
            })
        print(json.dumps(out, ensure_ascii=False))
        """

    struct Sheet: Decodable {
        var title: String
        var merged: [String]
        var freeze: String?
        var printTitles: String?
        var orientation: String?
        var paper: String
        var fitToWidth: Int?
        var fitToHeight: Int?
        var fitToPage: Bool
        var scale: Int?
        var widths: [Double]
        var hidden: [Bool]
        var wrapped: Bool
        var types: [String]
        var rows: [[String]]
    }

    func readWorkbook(_ bytes: [UInt8]) throws -> [Sheet] {
        try TestSupport.requirePython("openpyxl")
        let folder = try TestSupport.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("book.xlsx")
        try Data(bytes).write(to: url)
        let result = try TestSupport.python(Self.readXLSX, [url.path])
        try #require(result.status == 0, "openpyxl could not read the workbook: \(result.stderr)")
        return try JSONDecoder().decode([Sheet].self, from: Data(result.stdout.utf8))
    }

    @Test func workbookReadsBackWithOpenpyxl() throws {
        let catalogs = try #require(try ExampleWorkspace.source().jurisdictions.first { $0.name == "星海镇" }).catalogs
        let options = TableOptions(levels: [.county, .township], levelLabels: [.township: "乡、村级"])
        #expect(catalogs.count > 1, "星海镇 has \(catalogs.count) catalogs")
        let tables = catalogs.map { CatalogTable($0, options: options) }
        #expect(
            tables.contains { $0.groups.contains { $0.rows.count > 1 } },
            "no 一级事项 spans rows: the merge check below would not run")
        let sheets = try readWorkbook(try XLSXWriter.workbook(tables, title: "星海镇"))
        #expect(sheets.map(\.title) == tables.map(\.domain))
        for (sheet, table) in zip(sheets, tables) {
            // The two-row header with its merged cells.
            // The workbook always carries 编号 (gkml import reads it back), in column B.
            #expect(sheet.rows[2].prefix(9) == ["序号", "编号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体"])
            #expect(sheet.rows[2][9] == "公开对象" && sheet.rows[2][11] == "公开方式" && sheet.rows[2][13] == "公开层级")
            #expect(Array(sheet.rows[3][2...3]) == ["一级事项", "二级事项"])
            #expect(Array(sheet.rows[3][9...14]) == ["全社会", "特定群众", "主动", "依申请公开", "县级", "乡、村级"])
            for range in [
                "A3:A4", "B3:B4", "C3:D3", "E3:E4", "I3:I4", "J3:K3", "L3:M3", "N3:O3",
                "A1:\(XLSXWriter.columnLetters(table.withID.columns.count - 1))1",
            ] {
                #expect(sheet.merged.contains(range), "\(sheet.title): missing merge \(range) in \(sheet.merged)")
            }
            // One row per item, in order, agreeing with the catalog.
            // One row per item, then the legend of the boxes.
            let body = Array(sheet.rows.dropFirst(4).prefix(table.itemCount))
            #expect(sheet.rows.count == 4 + table.itemCount + 1)
            #expect(sheet.rows.last?.first == "注：" + (table.legend ?? ""))
            for (row, item) in zip(body, table.rows) {
                #expect(row[0] == String(item.number))
                #expect(row[1] == item.id)
                #expect(row[3] == item.name)
                #expect(row[4] == item.content)
                #expect(row[5] == item.basis.joined(separator: "\n"))
                #expect(
                    row[9] == (item.audience == .everyone ? "√" : "")
                        && row[10] == (item.audience == .specificGroups ? "√" : ""))
                #expect(
                    row[11] == (item.mode == .proactive ? "√" : "") && row[12] == (item.mode == .onRequest ? "√" : ""))
                #expect(row[8].components(separatedBy: "\n") == item.channels.checklistLines)
            }
            // 一级事项 merged down its rows, split (label repeated) only where the writer breaks the page.
            let wide = table.withID
            let widths = XLSXWriter.columnPoints(wide)
            let starts = Set(
                XLSXWriter.pageBreaks(wide, widths: widths, heights: XLSXWriter.rowHeights(wide, widths: widths)))
            var index = 0
            for group in table.groups {
                var segment: [Int] = []
                for _ in group.rows {
                    if starts.contains(index) && index > 0 && !segment.isEmpty {
                        if segment.count > 1 { #expect(sheet.merged.contains("C\(segment[0]):C\(segment.last!)")) }
                        segment = []
                    }
                    let rowNumber = XLSXWriter.firstDataRow + index
                    if segment.isEmpty {
                        #expect(body[index][2] == group.name, "row \(rowNumber) should carry \(group.name)")
                    }
                    segment.append(rowNumber)
                    index += 1
                }
                if segment.count > 1 {
                    #expect(
                        sheet.merged.contains("C\(segment[0]):C\(segment.last!)"),
                        "\(sheet.title): C\(segment[0]):C\(segment.last!) in \(sheet.merged)")
                }
            }
            #expect(sheet.freeze == "A5")
            #expect(sheet.printTitles == "$3:$4")
            #expect(sheet.orientation == "landscape" && sheet.paper == "9")
            // Printed at the scale the page breaks were planned for (not "fit to width", which each program
            // computes from its own fonts), large enough to read: 小五 prints at 8.5 pt or more.
            #expect(!sheet.fitToPage && sheet.scale == XLSXWriter.scale(widths: XLSXWriter.columnPoints(table.withID)))
            #expect((sheet.scale ?? 0) >= 95, "\(sheet.title): printed at \(sheet.scale ?? 0) %")
            #expect(sheet.widths.count == table.withID.columns.count && sheet.widths.allSatisfy { $0 > 2.5 })
            #expect(sheet.wrapped)
            #expect(!sheet.types.contains("f"))
        }
    }

    @Test func workbookKeepsFormulaLikeTextAndMarkupAsText() throws {
        let sheets = try readWorkbook(try XLSXWriter.workbook([CatalogTable(Fixtures.hostile)], title: Fixtures.script))
        let sheet = try #require(sheets.first)
        // Shared strings are never formulas: the text is kept exactly, with no CSV apostrophe guard.
        #expect(!sheet.types.contains("f"))
        let first = Array(sheet.rows[4].dropFirst())  // after 编号
        #expect(first[1] == Fixtures.script)
        #expect(first[2] == "=HYPERLINK(\"http://evil.example\",\"点我\")")
        #expect(first[4].hasPrefix("+SUM(1,2)"))
        #expect(first[5] == "-1+1")
        #expect(first[6] == "\t=1+1")
    }

    @Test func sheetNamesFollowExcelRules() {
        var taken = Set<String>()
        let names = ["就业", "就业", "a/b:c*d?e[f]g\\h", String(repeating: "长", count: 40), "'引号'", "History", ""].map {
            XLSXWriter.sheetName($0, taken: &taken)
        }
        #expect(names[0] == "就业" && names[1] == "就业(2)")
        #expect(names[2] == "a_b_c_d_e_f_g_h")
        #expect(names[3].count == 31)
        #expect(names[4] == "引号")
        #expect(names[5] != "History")
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(names.allSatisfy { $0.count <= 31 && !$0.contains(where: { "[]:*?/\\".contains($0) }) && !$0.isEmpty })
    }

    @Test func workbooksAndDocumentsAreDeterministic() throws {
        let table = CatalogTable(Fixtures.employment)
        #expect(try XLSXWriter.workbook([table], title: "x") == (try XLSXWriter.workbook([table], title: "x")))
        #expect(try DOCXWriter.document(table) == (try DOCXWriter.document(table)))
        // No dates in the document properties.
        let xml = XLSXWriter.coreProperties(title: "x")
        #expect(!xml.contains("dcterms:created") && !xml.contains("dcterms:modified"))
    }

    static let readDOCX = """
        import json, sys, docx
        from docx.oxml.ns import qn
        d = docx.Document(sys.argv[1])
        # The document prints one table per page: the header rows of the first, then every table's item rows.
        def is_header(r):
            return r._tr.trPr is not None and r._tr.trPr.find(qn('w:tblHeader')) is not None
        rows, header_flags = [], []
        for i, t in enumerate(d.tables):
            for r in t.rows:
                if is_header(r) and i > 0:
                    continue
                rows.append([c.text for c in r.cells])
                header_flags.append(is_header(r))
        body_fonts = sorted(set(el.get(qn('w:eastAsia')) for t in d.tables for el in t._tbl.iter(qn('w:rFonts'))))
        centred = sorted(set(c.paragraphs[0].alignment is not None and int(c.paragraphs[0].alignment) == 1
                             for t in d.tables for r in t.rows if not is_header(r) for c in r.cells[:1]))
        s = d.sections[0]
        title_fonts = [r._r.rPr.rFonts.get(qn('w:eastAsia')) for r in d.paragraphs[0].runs]
        body_fonts = sorted(set(el.get(qn('w:eastAsia')) for el in t._tbl.iter(qn('w:rFonts'))))
        print(json.dumps({
            "paragraphs": [p.text for p in d.paragraphs],
            "rows": rows,
            "headerFlags": header_flags,
            "orientation": int(s.orientation),
            "width": s.page_width.mm, "height": s.page_height.mm,
            "titleFonts": title_fonts, "tableFonts": body_fonts, "tables": len(d.tables), "numberCentred": centred,
        }, ensure_ascii=False))
        """

    struct Document: Decodable {
        var paragraphs: [String]
        var rows: [[String]]
        var headerFlags: [Bool]
        var orientation: Int
        var width: Double
        var height: Double
        var titleFonts: [String]
        var tableFonts: [String]
        var tables: Int
        var numberCentred: [Bool]
    }

    func readDocument(_ bytes: [UInt8]) throws -> Document {
        try TestSupport.requirePython("docx")
        let folder = try TestSupport.temporaryFolder("docx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("doc.docx")
        try Data(bytes).write(to: url)
        let result = try TestSupport.python(Self.readDOCX, [url.path])
        try #require(result.status == 0, "python-docx could not read the document: \(result.stderr)")
        return try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
    }

    @Test func documentReadsBackWithPythonDocx() throws {
        let catalogs = try ExampleWorkspace.catalogs()
        // Both branches of the 生效日期 check below run.
        #expect(catalogs.contains { $0.effectiveDate != nil } && catalogs.contains { $0.effectiveDate == nil })
        for catalog in catalogs {
            let table = CatalogTable(catalog, options: TableOptions(levelLabels: [.township: "乡、村级"]))
            let document = try readDocument(try DOCXWriter.document(table))
            #expect(document.paragraphs[0] == catalog.region.value + catalog.domain.value + "领域基层政务公开标准目录")
            #expect(
                document.paragraphs[1].hasPrefix("发布机构：" + catalog.publisher.value + "　　版本：" + catalog.version.value))
            if let date = catalog.effectiveDate {
                #expect(document.paragraphs[1].hasSuffix("生效日期：" + date.value))
            } else {
                #expect(!document.paragraphs[1].contains("生效日期"))
            }
            #expect(document.rows.count == 2 + catalog.items.count)
            #expect(document.headerFlags == [true, true] + Array(repeating: false, count: catalog.items.count))
            #expect(
                Array(document.rows[0].prefix(8)) == [
                    "序号", "公开事项", "公开事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
                ])
            #expect(Array(document.rows[1][1...2]) == ["一级事项", "二级事项"])
            #expect(Array(document.rows[1][8...13]) == ["全社会", "特定群众", "主动", "依申请公开", "县级", "乡、村级"])
            for (row, item) in zip(document.rows.dropFirst(2), table.rows) {
                #expect(row[0] == String(item.number))
                #expect(row[1] == item.group)
                #expect(row[2] == item.name)
                #expect(row[3] == item.content)
                #expect(row[4] == item.basis.joined(separator: "\n"))
                #expect(row[7] == item.channels.checklistLines.joined(separator: "\n"))
                #expect(row[10] == (item.mode == .proactive ? "√" : ""))
            }
            #expect(document.orientation == 1)
            #expect(abs(document.width - 297) < 1 && abs(document.height - 210) < 1)
            #expect(document.titleFonts.allSatisfy { $0 == "方正小标宋简体" } && !document.titleFonts.isEmpty)
            #expect(document.tableFonts == ["仿宋_GB2312", "黑体"])
            #expect(document.numberCentred == [true])
            #expect(document.paragraphs.contains { $0.hasPrefix("注：公开渠道和载体栏中“■”表示已勾选") })
        }
    }

    @Test func documentKeepsHostileTextAsText() throws {
        let document = try readDocument(try DOCXWriter.document(CatalogTable(Fixtures.hostile)))
        #expect(document.rows[2][1] == Fixtures.script)
        #expect(document.rows[2][3] == Fixtures.attribute + " x")
        #expect(document.rows[3][3] == "第一行\n第二行，含逗号,和\"引号\"")
    }
}

/// The workbook and the Word file in every channel style, read back cell by cell with openpyxl and python-docx.
@Suite struct ChannelStyleOfficeTests {
    @Test(arguments: ChannelStyle.allCases)
    func everyStylePrintsItsLinesInBothFiles(style: ChannelStyle) throws {
        let table = CatalogTable(
            Fixtures.employment, options: TableOptions(channelStyle: style, levelLabels: [.township: "乡、村级"]))
        let wide = table.withID
        let channels = try #require(wide.columns.firstIndex(of: .channels))
        let everyone = try #require(wide.columns.firstIndex(of: .audience(.everyone)))
        let sheet = try #require(try OfficeTests().readWorkbook(try XLSXWriter.workbook([table], title: "t")).first)
        let document = try OfficeTests().readDocument(try DOCXWriter.document(table))
        let docChannels = try #require(table.columns.firstIndex(of: .channels))
        let docEveryone = try #require(table.columns.firstIndex(of: .audience(.everyone)))
        for (index, row) in table.rows.enumerated() {
            let expected = table.lines(row, .channels)
            let cell = sheet.rows[XLSXWriter.firstDataRow - 1 + index]
            #expect(cell[1] == row.id, "\(style) 编号 in column B")
            #expect(cell[channels].components(separatedBy: "\n") == expected, "\(style) \(row.id): \(cell[channels])")
            #expect(cell[everyone] == (row.audience == .everyone ? "√" : ""))
            let docRow = document.rows[2 + index]
            #expect(docRow[docChannels].components(separatedBy: "\n") == expected, "\(style) \(row.id) (Word)")
            #expect(docRow[docEveryone] == (row.audience == .everyone ? "√" : ""))
        }
        // Only the checklist prints unticked boxes; the list style prints neither ■ nor □.
        let printed = table.rows.flatMap { table.lines($0, .channels) }.joined()
        #expect(printed.contains("□") == (style == .checklist))
        #expect(printed.contains("■") == (style != .list))
        // The legend row under the table says what the boxes mean, or is absent for a plain list.
        #expect((sheet.rows.last?.first?.hasPrefix("注：") ?? false) == (style != .list))
    }
}
