import CatalogModel
import Foundation
import Testing
@testable import CatalogRender

/// The Word and Excel files printed to PDF by LibreOffice (headless) and read with pdftotext: the page count,
/// and that every page starts where the writer planned it, with a row whose 一级事项 cell carries its label
/// (never the continuation of a merged cell cut by the page break). LibreOffice is slow: one suite at a time.
@Suite(.serialized) struct PrintTests {
    /// Converts a file to PDF and returns the text of each page.
    /// `fill` gets, for each page, how far down the page its lowest text (above the footer) reaches (0…1).
    static func printedPages(_ bytes: [UInt8], name: String, fill: ((Double) -> Void)? = nil) throws -> [String] {
        guard let soffice = TestSupport.which("soffice") ?? TestSupport.which("libreoffice") else {
            throw TestSupport.ToolMissing(
                tool: "LibreOffice (Debian: libreoffice-writer libreoffice-calc; scripts/test installs it)")
        }
        guard let pdftotext = TestSupport.which("pdftotext") else {
            throw TestSupport.ToolMissing(tool: "pdftotext (Debian: poppler-utils)")
        }
        let folder = try TestSupport.temporaryFolder("print")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent(name)
        try Data(bytes).write(to: input)
        let profile = folder.appendingPathComponent("profile")
        let convert = try TestSupport.run(
            soffice,
            [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf", "--outdir",
                folder.path, input.path,
            ], timeout: 180)
        let pdf = input.deletingPathExtension().appendingPathExtension("pdf")
        try #require(
            FileManager.default.fileExists(atPath: pdf.path), "LibreOffice did not print \(name): \(convert.stderr)")
        let text = try TestSupport.run(pdftotext, ["-layout", pdf.path, "-"])
        var pages = text.stdout.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        if let fill {
            // pdftotext -bbox: each page's height and the words' boxes; the lowest word above the footer.
            let boxes = try TestSupport.run(pdftotext, ["-bbox", pdf.path, "-"]).stdout
            for page in boxes.components(separatedBy: "<page ").dropFirst() {
                guard let height = page.firstMatch(of: /height="([\d.]+)"/).flatMap({ Double($0.1) }) else { continue }
                let bottoms = page.matches(of: /yMax="([\d.]+)"/).compactMap { Double($0.1) }
                // The footer (第 n 页) sits in the bottom margin; the table's lowest text is above it.
                let body = bottoms.filter { $0 < height - 50 }
                fill(body.max().map { $0 / height } ?? 0)
            }
        }
        return pages
    }

    /// The 序号 of the first item row on a printed page (the left-most column starts its line).
    static func firstNumber(_ page: String) -> Int? {
        for line in page.split(separator: "\n") {
            if let match = line.firstMatch(of: /^\s{0,12}(\d{1,3})\s+\S/) { return Int(match.1) }
        }
        return nil
    }

    static func employmentTables() throws -> [CatalogTable] {
        let source = try ExampleWorkspace.source()
        let tables = source.jurisdictions.flatMap(\.catalogs).filter { $0.domain.value == "就业" }.map {
            CatalogTable($0, options: source.options, registry: source.registry)
        }
        #expect(tables.count == 3)
        return tables
    }

    @Test func employmentPrintsInWordOnAtMostFourPagesAsPlanned() throws {
        for table in try Self.employmentTables() {
            let layout = DOCXLayout(table)
            let pages = try Self.printedPages(try DOCXWriter.document(table), name: "catalog.docx")
            #expect(pages.count <= 4, "\(table.region): \(pages.count) pages")
            #expect(
                pages.count == layout.pages.count,
                "\(table.region): printed \(pages.count) pages, planned \(layout.pages.count)")
            // At least six typical rows a page (all but the first and the last page).
            for page in layout.pages.dropFirst().dropLast() {
                #expect(page.count >= 6, "\(table.region): \(page.count) rows on a page")
            }
            for (page, planned) in zip(pages, layout.pages) {
                let first = try #require(planned.first)
                #expect(
                    Self.firstNumber(page) == table.rows[first].number,
                    "\(table.region): page starts with \(String(describing: Self.firstNumber(page)))")
            }
            // Each page's table starts with its block's label (the merge is split at the break, not cut).
            let document = try OfficeTests().readDocument(try DOCXWriter.document(table))
            #expect(document.tables == layout.pages.count)
            let groupColumn = try #require(table.columns.firstIndex(of: .group))
            var offset = 2
            for planned in layout.pages {
                let first = table.rows[planned[0]]
                #expect(document.rows[offset][groupColumn] == first.group)
                offset += planned.count
            }
            // The notes follow the table: the last page holds rows and the notes.
            let last = try #require(pages.last)
            #expect(last.contains("调整记录") && Self.firstNumber(last) != nil)
        }
    }

    @Test func workbookPagesBreakWhereTheLabelIsRepeated() throws {
        let table = CatalogTable(Fixtures.long, options: TableOptions(levelLabels: [.township: "乡、村级"]))
        let bytes = try XLSXWriter.workbook([table], title: "long")
        let wide = table.withID
        let widths = XLSXWriter.columnPoints(wide)
        let heights = XLSXWriter.rowHeights(wide, widths: widths)
        let planned = XLSXWriter.pageBreaks(wide, widths: widths, heights: heights)
        #expect(planned.count >= 2, "the long fixture should need several pages")
        var fills: [Double] = []
        let pages = try Self.printedPages(bytes, name: "book.xlsx") { fills.append($0) }
        #expect(pages.count == planned.count, "printed \(pages.count) pages, planned \(planned.count)")
        // Every page but the last is filled: its rows reach past three quarters of the sheet of paper (the
        // bottom margin and the footer take the last eighth), so no page prints half empty.
        for (index, fill) in fills.dropLast().enumerated() {
            #expect(fill > 0.75, "page \(index + 1) filled to \(Int(fill * 100)) % of its height")
        }
        for (page, start) in zip(pages, planned) {
            #expect(
                Self.firstNumber(page) == wide.rows[start].number,
                "page starts with \(String(describing: Self.firstNumber(page)))")
        }
        // The first row of each page carries its 一级事项, and no merged range crosses a break.
        let sheet = try #require(try OfficeTests().readWorkbook(bytes).first)
        for start in planned {
            let row = sheet.rows[XLSXWriter.firstDataRow - 1 + start]
            #expect(row[2] == wide.rows[start].group)
        }
        let breaks = Set(planned.dropFirst().map { XLSXWriter.firstDataRow + $0 })
        for range in sheet.merged {
            guard let match = range.wholeMatch(of: /C(\d+):C(\d+)/), let top = Int(match.1), let bottom = Int(match.2)
            else { continue }
            #expect(!breaks.contains { $0 > top && $0 <= bottom }, "\(range) crosses a page break")
        }
    }
}
