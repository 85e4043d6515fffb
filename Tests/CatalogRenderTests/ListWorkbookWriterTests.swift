import Foundation
import Testing

@testable import CatalogRender

/// The one list-workbook writer: rows streamed to a temporary file per sheet, read back with openpyxl.
@Suite struct ListWorkbookWriterTests {
    static let read = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps([{"title": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                           "merged": [str(m) for m in ws.merged_cells.ranges],
                           "rows": [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]}
                          for ws in wb.worksheets], ensure_ascii=False))
        """

    struct Sheet: Decodable {
        var title: String
        var freeze: String?
        var filter: String?
        var merged: [String]
        var rows: [[String]]
    }

    /// Rows of two sheets arrive interleaved, many times over the buffer's size: each sheet keeps its rows in
    /// order, whatever was flushed when; a title row, a filter and a formula-looking text come out right.
    @Test func interleavedRowsStayInOrderAcrossFlushes() throws {
        try TestSupport.requirePython("openpyxl")
        let writer = try ListWorkbookWriter(title: "测试")
        let towns = try writer.addSheet(
            "星海镇", .init(title: nil, headers: ["文件", "行", "问题"], widths: [20, 6, 40], filter: true))
        let county = try writer.addSheet(
            "县本级", .init(title: "县本级问题", headers: ["文件", "行", "问题"], widths: [20, 6, 40]))
        let count = 2_000  // ≈ 150 bytes a row: several flushes of ListWorkbookWriter.flushBytes per sheet
        #expect(count * 150 > 3 * ListWorkbookWriter.flushBytes)
        for n in 0..<count {
            let sheet = n % 3 == 0 ? county : towns
            try writer.append([.text("第\(n)个文件.yaml"), .number(Double(n)), .text("事项 \(n) 的问题说明文字")], to: sheet)
        }
        try writer.append([.text("=SUM(A1)"), .empty, .text("")], to: towns)
        let folder = try TestSupport.temporaryFolder("list-workbook")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("列表.xlsx")
        try writer.write(to: url.path)
        let result = try TestSupport.python(Self.read, [url.path])
        try #require(result.status == 0, "openpyxl could not read the workbook: \(result.stderr)")
        let sheets = try JSONDecoder().decode([Sheet].self, from: Data(result.stdout.utf8))
        #expect(sheets.map(\.title) == ["星海镇", "县本级"])
        let townNumbers = (0..<count).filter { $0 % 3 != 0 }
        let countyNumbers = (0..<count).filter { $0 % 3 == 0 }
        #expect(sheets[0].rows.first == ["文件", "行", "问题"])
        #expect(sheets[0].rows.dropFirst().dropLast().map { $0[1] } == townNumbers.map(String.init))
        // An inline string is never a formula: the text is kept exactly, without the CSV guard (issue 15).
        #expect(sheets[0].rows.last?[0] == "=SUM(A1)")
        #expect(sheets[0].freeze == "A2" && sheets[0].filter == "A1:C\(townNumbers.count + 2)")
        #expect(sheets[1].rows[0][0] == "县本级问题" && sheets[1].rows[1] == ["文件", "行", "问题"])
        #expect(sheets[1].rows.dropFirst(2).map { $0[2] } == countyNumbers.map { "事项 \($0) 的问题说明文字" })
        #expect(sheets[1].freeze == "A3" && sheets[1].filter == nil && sheets[1].merged == ["A1:C1"])
    }
}
