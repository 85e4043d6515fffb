import CatalogModel
import Diagnostics
import Foundation
import Testing
@testable import CatalogRender

/// `gkml validate --format xlsx`: the findings list read back with openpyxl (issue 16).
@Suite struct FindingsWorkbookTests {
    typealias Sheet = ListWorkbookWriterTests.Sheet

    static let kind = FindingKind(
        code: "channel-no-online", stage: .lint, severity: .warning,
        title: LocalizedText(zh: "没有网上公开渠道", en: "No online channel"),
        message: LocalizedText(zh: "事项 {id} 没有网上公开渠道", en: "item {id} has no online channel"),
        hint: LocalizedText(zh: "加上「政府网站」", en: "add 政府网站"))

    func report() -> ValidationReport {
        var files: [FileReport] = []
        for (town, count) in [("星海镇", 3), ("长胜乡", 2)] {
            let path = "\(town)/就业.yaml"
            let findings = (0..<count).map {
                Finding(
                    Self.kind, at: SourceLocation(file: path, position: SourcePosition(line: 10 + $0, column: 5)),
                    arguments: ["id": "17-01-0\($0)"])
            }
            files.append(FileReport(path: path, findings: findings, jurisdiction: town))
        }
        // A formula-looking message must stay text.
        files.append(
            FileReport(
                path: "其他/x.yaml",
                findings: [
                    Finding(Self.kind, at: SourceLocation(file: "其他/x.yaml"), arguments: ["id": "=SUM(A1)"])
                ]))
        return ValidationReport(files: files)
    }

    @Test func everyFindingOnItsJurisdictionsSheetWithHeaderFrozenAndFilters() throws {
        try TestSupport.requirePython("openpyxl")
        for language in Language.allCases {
            let workbook = FindingsWorkbook(language: language)
            ReportFeed.feed(report(), to: workbook)
            let folder = try TestSupport.temporaryFolder("findings-xlsx")
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("问题清单.xlsx")
            try workbook.write(to: url.path)
            let result = try TestSupport.python(ListWorkbookWriterTests.read, [url.path])
            try #require(result.status == 0, "openpyxl could not read the list: \(result.stderr)")
            let sheets = try JSONDecoder().decode([Sheet].self, from: Data(result.stdout.utf8))
            #expect(sheets.map(\.title) == ["星海镇", "长胜乡", "其他"])
            #expect(sheets.map { $0.rows.count - 1 } == [3, 2, 1])
            #expect(sheets.allSatisfy { $0.freeze == "A2" })
            #expect(sheets.map(\.filter) == ["A1:F4", "A1:F3", "A1:F2"])
            #expect(
                sheets[0].rows[0]
                    == (language == .zh
                        ? ["文件", "行", "代码", "严重程度", "问题", "修改提示"]
                        : ["File", "Line", "Code", "Severity", "Message", "Hint"]))
            #expect(
                sheets[0].rows[1] == [
                    "星海镇/就业.yaml", "10", "channel-no-online", Severity.warning.label(language),
                    Self.kind.message[language].replacingOccurrences(of: "{id}", with: "17-01-00"),
                    Self.kind.hint![language],
                ])
            #expect(sheets[2].rows[1][4].contains("=SUM(A1)") && !sheets[2].rows[1][4].hasPrefix("="))
            #expect(sheets[2].rows[1][1] == "")  // no line
        }
    }
}
