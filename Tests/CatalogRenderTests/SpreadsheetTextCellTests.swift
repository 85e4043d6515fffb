import CatalogModel
import Diagnostics
import Foundation
import SafeOutput
import Testing
@testable import CatalogRender

/// Issue 15 item 7: text in an XLSX shared-string cell is never a formula, so every workbook writer keeps it
/// exactly (no CSV apostrophe guard); CSV keeps the guard. Read back with openpyxl.
@Suite struct SpreadsheetTextCellTests {
    /// Values a spreadsheet would evaluate if they were typed in (or read from CSV).
    static let formulaLike = [
        "=HYPERLINK(\"http://evil.example\",\"点我\")", "+SUM(1,2)", "-1+1", "@cmd", "'已有撇号", "=1+1 与中文",
    ]

    /// Every non-empty cell of every sheet: its value and openpyxl's data type.
    static let read = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps([[c.value, c.data_type] for ws in wb.worksheets for row in ws.iter_rows() for c in row
                          if c.value is not None and isinstance(c.value, str)], ensure_ascii=False))
        """

    func cells(_ bytes: [UInt8]) throws -> [(value: String, type: String)] {
        try TestSupport.requirePython("openpyxl")
        let folder = try TestSupport.temporaryFolder("text-cells")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("book.xlsx")
        try Data(bytes).write(to: url)
        let result = try TestSupport.python(Self.read, [url.path])
        try #require(result.status == 0, "openpyxl could not read the workbook: \(result.stderr)")
        let pairs = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]])
        return pairs.map { ($0[0], $0[1]) }
    }

    /// Each formula-like value is in the workbook exactly, as a string cell; no cell got an apostrophe added.
    func expectExact(_ bytes: [UInt8], _ writer: String, values: [String] = formulaLike) throws {
        let cells = try cells(bytes)
        for value in values {
            let found = cells.filter { $0.value == value }
            #expect(!found.isEmpty, "\(writer): \(value) not found as written in \(cells.map(\.value))")
            #expect(found.allSatisfy { $0.type == "s" }, "\(writer): \(value) is not a string cell: \(found)")
        }
        #expect(!cells.contains { $0.type == "f" }, "\(writer): a formula cell")
        #expect(
            !cells.contains { $0.value.hasPrefix("'") && !values.contains($0.value) },
            "\(writer): a guard apostrophe was added: \(cells.filter { $0.value.hasPrefix("'") })")
    }

    @Test func catalogWorkbookKeepsFormulaLikeTextExactly() throws {
        let hostile = Fixtures.hostile
        try expectExact(
            try XLSXWriter.workbook([CatalogTable(hostile)], title: "x"), "XLSXWriter",
            values: ["=HYPERLINK(\"http://evil.example\",\"点我\")", "-1+1", "\t=1+1", "'; DROP TABLE; -- <b>粗体</b>"])
    }

    @Test func reportWorkbooksKeepFormulaLikeTextExactly() throws {
        // The register, the audit and the self-check share this writer (ListWorkbookWriter).
        let list = XLSXListSheet(
            name: "清单", title: "@标题", headers: ["+表头", "值"], widths: [20, 20],
            rows: Self.formulaLike.map { [.text($0), .number(2)] })
        try expectExact(
            try XLSXWriter.listWorkbook([list], title: "x"), "XLSXListSheet", values: Self.formulaLike + ["@标题", "+表头"])
    }

    @Test func findingsWorkbookKeepsFormulaLikeTextExactly() throws {
        let kind = FindingKind(
            code: "x-formula", stage: .lint, severity: .warning, title: LocalizedText(zh: "x", en: "x"),
            message: LocalizedText(zh: "{text}", en: "{text}"), hint: LocalizedText(zh: "@提示", en: "@hint"))
        let findings = Self.formulaLike.map {
            Finding(kind, at: SourceLocation(file: "=cmd|' /C calc'!A0.yaml"), arguments: ["text": $0])
        }
        let workbook = FindingsWorkbook(language: .zh)
        ReportFeed.feed(
            ValidationReport(files: [FileReport(path: "=cmd|' /C calc'!A0.yaml", findings: findings)]), to: workbook)
        let folder = try TestSupport.temporaryFolder("findings-cells")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("问题清单.xlsx").path
        try workbook.write(to: path)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        try expectExact(
            [UInt8](bytes), "FindingsWorkbook", values: Self.formulaLike + ["=cmd|' /C calc'!A0.yaml", "@提示"])
    }

    @Test func csvKeepsTheFormulaGuard() {
        for value in Self.formulaLike where !value.hasPrefix("'") {
            #expect(CSVText.field(value).hasPrefix("'") || CSVText.field(value).hasPrefix("\"'"), "\(value)")
        }
        #expect(CSVText.field("'已有撇号") == "'已有撇号")
    }
}
