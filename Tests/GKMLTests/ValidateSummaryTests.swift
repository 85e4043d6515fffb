import Foundation
import Testing

/// `gkml validate --summary`, the filters and `--format xlsx` through the command line (issue 16).
@Suite struct ValidateSummaryTests {
    static let invalid = "Tests/Fixtures/invalid"

    @Test func summaryIsShortAndFiltersApplyToEveryFormat() throws {
        let full = try GKML.findings(try GKML.run(["validate", Self.invalid, "--format", "json"]))
        let missing = full.filter { $0["code"] as? String == "baseline-item-missing" }.count
        #expect(missing > 3, "the fixture needs several findings of one code")

        let summary = try GKML.run(["validate", Self.invalid, "--summary"])
        #expect(summary.status == 1)
        #expect(summary.stdout.contains("\(missing)  baseline-item-missing"), "\(summary.stdout)")
        #expect(summary.stdout.contains("gkml validate Tests/Fixtures/invalid --only baseline-item-missing"))
        #expect(!summary.stdout.contains("= 提示："))  // no single finding is printed
        #expect(summary.stdout.split(separator: "\n").count < full.count)

        let only = try GKML.run([
            "validate", Self.invalid, "--format", "json", "--only", "baseline-item-missing,duplicate-id",
        ])
        let kept = try GKML.findings(only)
        #expect(kept.count == missing + 1)
        #expect(Set(kept.compactMap { $0["code"] as? String }) == ["baseline-item-missing", "duplicate-id"])
        let counts = try #require(try GKML.json(only)["summary"] as? [String: Any])
        #expect((counts["errors"] as? Int ?? 0) + (counts["warnings"] as? Int ?? 0) == missing + 1)

        let github = try GKML.run([
            "validate", Self.invalid, "--format", "github", "--file", "./\(Self.invalid)/duplicate-id.yaml",
        ])
        let lines = github.stdout.split(separator: "\n")
        #expect(
            !lines.isEmpty && lines.allSatisfy { $0.contains("file=\(Self.invalid)/duplicate-id.yaml") },
            "\(github.stdout)")

        let english = try GKML.run(["validate", Self.invalid, "--summary", "--lang", "en", "--severity", "error"])
        #expect(english.stdout.contains("By code") && english.stdout.contains("most in: "))
    }

    @Test func xlsxNeedsAnOutputFileAndHoldsEveryFinding() throws {
        let bare = try GKML.run(["validate", Self.invalid, "--format", "xlsx"])
        #expect(bare.status == 2 && bare.stderr.contains("-o"), "\(bare.all)")
        let total = try GKML.findings(try GKML.run(["validate", Self.invalid, "--format", "json"])).count
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("问题清单.xlsx").path
        let result = try GKML.run(["validate", Self.invalid, "--format", "xlsx", "-o", path])
        #expect(result.status == 1 && result.stderr.contains("已把 \(total) 个问题写入"), "\(result.all)")
        #expect(result.stdout.isEmpty)
        let python = try GKML.tool("python3")
        let process = Process()
        process.executableURL = python
        process.arguments = [
            "-c",
            "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); print(sum(ws.max_row-1 for ws in wb.worksheets))",
            path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let rows = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
        try #require(process.terminationStatus == 0, "openpyxl could not read \(path) (scripts/test installs it)")
        #expect(rows == String(total))
    }
}
