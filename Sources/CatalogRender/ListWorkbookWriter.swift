import Diagnostics
import Foundation
import SafeOutput

/// The one writer of list workbooks — reports rather than the catalog table: the findings list of
/// `gkml validate`, the audit, the self-check. Per sheet an optional title row, a header row that is frozen
/// (and filtered when asked) and repeated on printed pages, then data rows. Rows go to a temporary file per
/// sheet as they are added, their texts inline (a shared-strings table would grow with every distinct
/// message), and the sheets are zipped at the end: memory does not grow with the rows.
public final class ListWorkbookWriter {
    /// What a sheet shows above and beside its rows.
    public struct Layout: Sendable {
        /// A title over the whole width in row 1, or nil for the header in row 1.
        public var title: String?
        public var headers: [String]
        /// Column widths in characters, one per header.
        public var widths: [Double]
        /// Filters on the header row (an autofilter over every row).
        public var filter: Bool

        public init(title: String?, headers: [String], widths: [Double], filter: Bool = false) {
            self.title = title
            self.headers = headers
            self.widths = widths
            self.filter = filter
        }

        var headerRow: Int { title == nil ? 1 : 2 }
    }

    private struct Sheet {
        var name: String
        var layout: Layout
        var file: URL
        var rows = 0
        var pending = ""
    }

    private let title: String
    private let folder: URL
    private var sheets: [Sheet] = []
    private var taken = Set<String>()
    /// The sheet whose rows are being buffered; its buffer goes to disk when another sheet gets a row.
    private var buffered: Int?
    static let flushBytes = 1 << 16

    /// `title` is the document title (core properties).
    public init(title: String) throws {
        self.title = title
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-xlsx-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            let reason = FileSystemReason(error)
            throw RenderError(zh: "无法创建临时文件夹：\(reason.zh)", en: "cannot create a temporary folder: \(reason.en)")
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Number of sheets added so far.
    public var sheetCount: Int { sheets.count }

    /// Adds a sheet (its name made unique and valid for Excel) and returns its index for `append`.
    @discardableResult
    public func addSheet(_ name: String, _ layout: Layout) throws -> Int {
        let index = sheets.count
        let sheet = Sheet(
            name: XLSXWriter.sheetName(name, taken: &taken), layout: layout,
            file: folder.appendingPathComponent("sheet\(index + 1).xml"))
        guard FileManager.default.createFile(atPath: sheet.file.path, contents: Data(Self.head(sheet, index).utf8))
        else {
            throw RenderError(
                zh: "无法写入临时文件 \(sheet.file.path)", en: "cannot write the temporary file \(sheet.file.path)")
        }
        sheets.append(sheet)
        return index
    }

    /// Adds a data row to a sheet.
    public func append(_ cells: [XLSXListSheet.Cell], to index: Int) throws {
        if let buffered, buffered != index { try flush(buffered) }
        buffered = index
        sheets[index].rows += 1
        let layout = sheets[index].layout
        let r = layout.headerRow + sheets[index].rows
        var xml = ""
        // Spreadsheets do not grow a row for wrapped text on opening: estimate the lines (a full-width
        // character is two cells of a column's width in characters).
        var lines = 1
        for (column, cell) in cells.enumerated() {
            switch cell {
            case .text(let value):
                xml += Self.text(column, r, value, .text)
                if column < layout.widths.count {
                    let width = max(layout.widths[column] - 1, 1)
                    lines = max(lines, Int((Double(DisplayWidth.of(value)) / width).rounded(.up)))
                }
            case .number(let n):
                let v = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
                xml +=
                    "<c r=\"\(XLSXWriter.ref(column, r))\" s=\"\(XLSXWriter.Style.centered.rawValue)\"><v>\(v)</v></c>"
            case .empty:
                xml += "<c r=\"\(XLSXWriter.ref(column, r))\" s=\"\(XLSXWriter.Style.text.rawValue)\"/>"
            }
        }
        sheets[index].pending += "<row r=\"\(r)\" ht=\"\(15 * min(lines, 12))\" customHeight=\"1\">\(xml)</row>"
        if sheets[index].pending.utf8.count >= Self.flushBytes { try flush(index) }
    }

    /// Writes the workbook to `path` atomically (the ZIP is made in a private temporary file, then copied to
    /// where `path` points); a failure names the path and says why, in both languages.
    public func write(to path: String) throws {
        let entries = try finish()
        var zipFailure: RenderError?
        do {
            try SafeFileWriter.write(to: path, overwrite: true) { url in
                do {
                    try ZipContainer.write(entries, to: url)
                } catch let error as RenderError {
                    zipFailure = error
                    throw error
                }
            }
        } catch {
            throw zipFailure ?? RenderError(zh: error.message, en: error.englishMessage)
        }
    }

    /// The workbook's bytes (for small reports returned in memory).
    public func bytes() throws -> [UInt8] {
        let url = folder.appendingPathComponent("workbook.xlsx")
        try ZipContainer.write(try finish(), to: url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RenderError(zh: "无法读取临时文件 \(url.path)", en: "cannot read the temporary file \(url.path)")
        }
        return [UInt8](data)
    }

    private func finish() throws -> [ZipContainer.Entry] {
        for index in sheets.indices {
            try flush(index)
            try append(Self.tail(sheets[index]), to: sheets[index].file)
        }
        buffered = nil
        let names = sheets.map(\.name)
        var entries: [ZipContainer.Entry] = [
            .text("[Content_Types].xml", XLSXWriter.contentTypes(sheetCount: sheets.count, sharedStrings: false)),
            .text("_rels/.rels", XLSXWriter.rootRelationships),
            .text("docProps/app.xml", XLSXWriter.appProperties(sheetNames: names)),
            .text("docProps/core.xml", XLSXWriter.coreProperties(title: title)),
            .text(
                "xl/workbook.xml",
                XLSXWriter.workbookXML(names, printTitleRows: sheets.map { ($0.layout.headerRow, $0.layout.headerRow) })
            ),
            .text(
                "xl/_rels/workbook.xml.rels",
                XLSXWriter.workbookRelationships(sheetCount: sheets.count, sharedStrings: false)),
            .text("xl/styles.xml", XLSXWriter.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            entries.append(.file("xl/worksheets/sheet\(index + 1).xml", sheet.file))
        }
        return entries
    }

    private func flush(_ index: Int) throws {
        guard !sheets[index].pending.isEmpty else { return }
        try append(sheets[index].pending, to: sheets[index].file)
        sheets[index].pending = ""
    }

    private func append(_ text: String, to file: URL) throws {
        do {
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            let reason = FileSystemReason(error)
            throw RenderError(
                zh: "无法写入临时文件 \(file.path)：\(reason.zh)",
                en: "cannot write the temporary file \(file.path): \(reason.en)")
        }
    }

    static func text(_ column: Int, _ row: Int, _ value: String, _ style: XLSXWriter.Style) -> String {
        let ref = XLSXWriter.ref(column, row)
        guard !value.isEmpty else { return "<c r=\"\(ref)\" s=\"\(style.rawValue)\"/>" }
        let escaped = XMLText.escape(String(value.prefix(32767)))
        return
            "<c r=\"\(ref)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped)</t></is></c>"
    }

    /// The sheet's XML up to its first data row.
    private static func head(_ sheet: Sheet, _ index: Int) -> String {
        let layout = sheet.layout
        let last = max(layout.headers.count - 1, 0)
        let first = layout.headerRow + 1
        var rows = ""
        if let title = layout.title {
            var cells = text(0, 1, title, .title)
            for column in stride(from: 1, through: last, by: 1) { cells += text(column, 1, "", .title) }
            rows += "<row r=\"1\" ht=\"32\" customHeight=\"1\">\(cells)</row>"
        }
        rows +=
            "<row r=\"\(layout.headerRow)\">"
            + layout.headers.enumerated().map { text($0.offset, layout.headerRow, $0.element, .header) }.joined()
            + "</row>"
        let cols = layout.widths.enumerated().map {
            "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
        }.joined()
        return XLSXWriter.xmlHeader
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            // fitToPage makes the landscape print fit the width (fitToWidth alone is ignored).
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<sheetViews><sheetView workbookViewId=\"0\"\(index == 0 ? " tabSelected=\"1\"" : "")>"
            + "<pane ySplit=\"\(layout.headerRow)\" topLeftCell=\"A\(first)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A\(first)\" sqref=\"A\(first)\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/>"
            + (cols.isEmpty ? "" : "<cols>\(cols)</cols>")
            + "<sheetData>\(rows)"
    }

    /// The sheet's XML after its last data row (the filter's range needs the row count).
    private static func tail(_ sheet: Sheet) -> String {
        let layout = sheet.layout
        let last = max(layout.headers.count - 1, 0)
        let lastRow = layout.headerRow + sheet.rows
        let filter =
            layout.filter
            ? "<autoFilter ref=\"\(XLSXWriter.ref(0, layout.headerRow)):\(XLSXWriter.ref(last, lastRow))\"/>" : ""
        let merge =
            layout.title != nil && last > 0
            ? "<mergeCells count=\"1\"><mergeCell ref=\"A1:\(XLSXWriter.ref(last, 1))\"/></mergeCells>" : ""
        return "</sheetData>" + filter + merge
            + "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            + "</worksheet>"
    }
}
