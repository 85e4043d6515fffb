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

    /// A county's first run on a messy workspace made in the test by bench/gen.py --messy (small N): the four
    /// codes issue 16 names all occur; --summary stays under 100 lines; the xlsx list holds every finding of
    /// the json output (same file, line and code, sheet by sheet with the header frozen and filters on), and
    /// LibreOffice converts it with every row.
    @Test func messyFirstRunSummaryAndXLSXList() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let python = try GKML.tool("python3")
        let workspace = folder.appendingPathComponent("messy")
        let generate = try Self.runTool(
            python,
            [
                GKML.root.appendingPathComponent("bench/gen.py").path, "--items", "1500", "--messy", "--out",
                workspace.path,
            ])
        try #require(generate.status == 0, "bench/gen.py failed: \(generate.output)")

        let json = try GKML.run(["validate", ".", "--format", "json"], in: workspace)
        #expect(json.status == 1, "\(json.stderr)")
        let findings = try GKML.findings(json)
        var byCode: [String: Int] = [:]
        for finding in findings { byCode[finding["code"] as? String ?? "", default: 0] += 1 }
        for code in ["baseline-item-missing", "channel-no-online", "level-own-missing", "time-limit-unrecognized"] {
            #expect(byCode[code, default: 0] > 20, "\(code): \(byCode)")
        }
        #expect(findings.count > 300, "enough findings for the summary to matter: \(byCode)")

        let summary = try GKML.run(["validate", ".", "--summary"], in: workspace)
        let lines = summary.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(summary.status == 1 && lines.count < 100, "\(lines.count) lines:\n\(summary.stdout)")
        for code in byCode.keys { #expect(summary.stdout.contains(code), "\(code) missing from the summary") }

        let list = folder.appendingPathComponent("问题清单.xlsx")
        let xlsx = try GKML.run(["validate", ".", "--format", "xlsx", "-o", list.path], in: workspace)
        #expect(xlsx.status == 1 && xlsx.stderr.contains("已把 \(findings.count) 个问题写入"), "\(xlsx.all)")
        let expected = findings.map { finding -> String in
            let line = (finding["line"] as? Int).map(String.init) ?? ""
            return "\(finding["file"] as? String ?? "")|\(line)|\(finding["code"] as? String ?? "")"
        }.sorted()
        let read = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            for ws in wb.worksheets:
                rows = list(ws.iter_rows(values_only=True))
                print("SHEET", ws.title, ws.freeze_panes, ws.auto_filter.ref, "A1:F%d" % len(rows), rows[0][2])
                for r in rows[1:]:
                    print("ROW", "%s|%s|%s" % (r[0], "" if r[1] is None else r[1], r[2]))
            """
        let original = try Self.runTool(python, ["-c", read, list.path])
        try #require(original.status == 0, "openpyxl could not read the list: \(original.output)")
        let sheets = original.output.split(separator: "\n").filter { $0.hasPrefix("SHEET ") }
        #expect(sheets.count >= 3, "one sheet per jurisdiction: \(sheets)")
        for sheet in sheets {
            let parts = sheet.split(separator: " ").map(String.init)
            #expect(parts.count == 6 && parts[2] == "A2" && parts[3] == parts[4] && parts[5] == "代码", "\(sheet)")
        }
        let rows = original.output.split(separator: "\n").filter { $0.hasPrefix("ROW ") }.map {
            String($0.dropFirst(4))
        }
        #expect(rows.count == findings.count)
        #expect(rows.sorted() == expected)

        // LibreOffice reads every row: converted by it to xlsx again, the same rows come back.
        let soffice = try #require(
            ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            }, "LibreOffice is needed (apt-get install libreoffice-calc; scripts/test installs it)")
        let converted = folder.appendingPathComponent("converted")
        let convert = try Self.runTool(
            URL(fileURLWithPath: soffice),
            [
                "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "xlsx",
                "--outdir", converted.path, list.path,
            ])
        let again = converted.appendingPathComponent("问题清单.xlsx")
        try #require(
            FileManager.default.fileExists(atPath: again.path), "LibreOffice did not convert: \(convert.output)")
        let reread = try Self.runTool(python, ["-c", read, again.path])
        try #require(reread.status == 0, "\(reread.output)")
        let rowsAgain = reread.output.split(separator: "\n").filter { $0.hasPrefix("ROW ") }.map {
            String($0.dropFirst(4))
        }
        #expect(rowsAgain.sorted() == expected)
    }

    static func runTool(_ tool: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
