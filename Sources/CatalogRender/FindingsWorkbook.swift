import Diagnostics
import Foundation
import SafeOutput

/// `gkml validate --format xlsx -o 问题清单.xlsx`: the list a county hands to each township — one sheet per
/// jurisdiction (a file outside any jurisdiction goes under its folder) with file, line, code, severity,
/// message and hint; the header frozen and filters on. A sink like the streamed reporters, but the workbook is
/// one ZIP written at the end, so its rows (as sheet XML, texts shared) are held until then: this is the one
/// output whose memory grows with the findings.
public final class FindingsWorkbook: FindingSink {
    public let language: Language
    private var strings = SharedStrings()
    private var sheets: [(name: String, rows: String, count: Int)] = []
    private var sheetIndex: [String: Int] = [:]
    private var bytes: [UInt8]?
    private var failure: RenderError?

    public init(language: Language) { self.language = language }

    public func file(_ report: FileReport) {
        guard !report.findings.isEmpty else { return }
        let index = sheet(report.jurisdiction ?? FindingsWorkbook.folder(of: report.path))
        for finding in Finding.sortedForReport(report.findings) { add(finding, to: index) }
    }

    public func finish(_ end: ReportEnd) {
        for finding in end.general { add(finding, to: sheet(FindingsWorkbook.folder(of: finding.location.file))) }
        do {
            bytes = try workbook()
        } catch let error as RenderError {
            failure = error
        } catch {
            failure = RenderError("\(error)")
        }
    }

    /// The finished workbook, after the run.
    public func result() throws -> [UInt8] {
        if let failure { throw failure }
        guard let bytes else { throw RenderError("问题清单尚未生成") }
        return bytes
    }

    var header: [String] {
        language == .zh
            ? ["文件", "行", "代码", "严重程度", "问题", "修改提示"]
            : ["File", "Line", "Code", "Severity", "Message", "Hint"]
    }

    private func sheet(_ name: String) -> Int {
        if let index = sheetIndex[name] { return index }
        sheetIndex[name] = sheets.count
        sheets.append((name, "", 0))
        return sheets.count - 1
    }

    private func add(_ finding: Finding, to index: Int) {
        let row = sheets[index].count + 2
        // LibreOffice keeps the default height for wrapped text, so the row gets the height its texts need
        // (as XLSXWriter.rowHeight does for catalogs).
        var lines = 1
        for (text, column) in [
            (finding.location.file, 0), (finding.message(language), 4), (finding.hint(language) ?? "", 5),
        ] {
            let usable = max(2.0, Double(FindingsWorkbook.widths[column]) - 1.5)
            lines = max(lines, Int((Double(XLSXWriter.textUnits(text)) / usable).rounded(.up)))
        }
        let height = String(format: "%.1f", min(409.0, Double(lines) * 14.5 + 5))
        var xml = "<row r=\"\(row)\" ht=\"\(height)\" customHeight=\"1\">"
        xml += text(0, row, finding.location.file)
        if let line = finding.location.position?.line {
            xml += "<c r=\"B\(row)\" s=\"\(XLSXWriter.Style.centered.rawValue)\"><v>\(line)</v></c>"
        }
        xml += text(2, row, finding.code)
        xml += text(3, row, finding.severity.label(language))
        xml += text(4, row, finding.message(language))
        xml += text(5, row, finding.hint(language) ?? "")
        sheets[index].rows += xml + "</row>"
        sheets[index].count += 1
    }

    private func text(_ column: Int, _ row: Int, _ value: String) -> String {
        guard !value.isEmpty else { return "" }
        let index = strings.index(value)
        let style = row == 1 ? XLSXWriter.Style.header : .text
        return "<c r=\"\(XLSXWriter.ref(column, row))\" s=\"\(style.rawValue)\" t=\"s\"><v>\(index)</v></c>"
    }

    private func workbook() throws -> [UInt8] {
        var taken = Set<String>()
        if sheets.isEmpty { sheets.append((language == .zh ? "无问题" : "No findings", "", 0)) }
        let names = sheets.map { XLSXWriter.sheetName($0.name, taken: &taken) }
        var headerRow = "<row r=\"1\">"
        for (column, title) in header.enumerated() { headerRow += text(column, 1, title) }
        headerRow += "</row>"
        let cols = FindingsWorkbook.widths.enumerated().map {
            "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
        }.joined()
        var entries: [(path: String, text: String)] = [
            ("[Content_Types].xml", XLSXWriter.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", XLSXWriter.rootRelationships),
            ("docProps/app.xml", XLSXWriter.appProperties(sheetNames: names)),
            ("docProps/core.xml", XLSXWriter.coreProperties(title: language == .zh ? "问题清单" : "Findings")),
            ("xl/workbook.xml", XLSXWriter.workbookXML(names, printTitles: false)),
            ("xl/_rels/workbook.xml.rels", XLSXWriter.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", XLSXWriter.styles),
        ]
        var sheetEntries: [(path: String, text: String)] = []
        for (index, sheet) in sheets.enumerated() {
            let last = "F\(sheet.count + 1)"
            let xml =
                XLSXWriter.xmlHeader
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
                + "<dimension ref=\"A1:\(last)\"/>"
                + "<sheetViews><sheetView workbookViewId=\"0\"\(index == 0 ? " tabSelected=\"1\"" : "")>"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
                + "<cols>\(cols)</cols><sheetData>\(headerRow)\(sheet.rows)</sheetData>"
                + "<autoFilter ref=\"A1:\(last)\"/>"
                + "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>"
                + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
            sheetEntries.append(("xl/worksheets/sheet\(index + 1).xml", xml))
            sheets[index].rows = ""
        }
        entries.append(("xl/sharedStrings.xml", strings.xml))
        entries += sheetEntries
        return try ZipContainer.make(entries)
    }

    /// Column widths: file, line, code, severity, message, hint.
    static let widths = [34, 6, 24, 8, 50, 50]

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
