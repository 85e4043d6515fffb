import Foundation
import Testing

/// `gkml import --update`: an edited workbook merges into the YAML by 编号 as text edits (issue 9, item 6).
@Suite(.serialized) struct ImportUpdateTests {
    /// A copy of the example workspace and its workbook for 星海镇, edited with openpyxl by `script`.
    static func editedWorkbook(_ script: String) throws -> (workspace: URL, workbook: URL) {
        let folder = try GKML.temporaryFolder()
        let workspace = folder.appendingPathComponent("ws")
        try FileManager.default.copyItem(at: GKML.root.appendingPathComponent("catalogs/example"), to: workspace)
        let site = folder.appendingPathComponent("site")
        let built = try GKML.run(["build", workspace.path, "--out", site.path, "--formats", "xlsx"])
        try #require(built.status == 0, "\(built.all)")
        let workbook = folder.appendingPathComponent("星海镇.xlsx")
        let python = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["就业"]
            # Columns by their header as printed (rows 3 and 4; a merged top cell names the columns under it).
            col = {}
            for c in range(1, ws.max_column + 1):
                for r in (4, 3):
                    name = ws.cell(row=r, column=c).value
                    if name and name not in col:
                        col[name] = c - 1
            rows = {row[col["二级事项"]].value: row for row in ws.iter_rows(min_row=5)}
            \(script)
            wb.save(sys.argv[2])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", python, site.appendingPathComponent("星海镇/星海镇.xlsx").path, workbook.path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "openpyxl (python3 -m pip install openpyxl): \(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))"
        )
        return (workspace, workbook)
    }

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    }

    @Test func oneEditedCellBecomesExactlyThatChange() throws {
        let (workspace, workbook) = try Self.editedWorkbook(#"rows["岗位信息发布"][col["公开时限"]].value = "信息形成之日起5个工作日内""#)
        defer { try? FileManager.default.removeItem(at: workspace.deletingLastPathComponent()) }
        let file = workspace.appendingPathComponent("星海镇/employment.yaml")
        let before = try Self.lines(file)
        let others = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("星海镇").path)
            .filter { $0 != "employment.yaml" }
            .map { ($0, try Data(contentsOf: workspace.appendingPathComponent("星海镇/\($0)"))) }

        let result = try GKML.run(["import", workbook.path, "--into", workspace.path, "--update"])
        #expect(result.status == 0, "\(result.all)")
        // The change as gkml diff prints it.
        #expect(
            result.stdout.contains("time-limit-shorter") && result.stdout.contains("17-01-02")
                && result.stdout.contains("信息形成之日起5个工作日内"))
        // Exactly one line more: the item that inherited 公开时限 from 默认 gets its own value; every other line,
        // comments included, stays byte for byte.
        let after = try Self.lines(file)
        #expect(after.count == before.count + 1)
        let inserted = try #require(after.indices.first { $0 >= before.count || after[$0] != before[$0] })
        #expect(after[inserted] == "        公开时限: 信息形成之日起5个工作日内")
        #expect(after[inserted - 2].hasSuffix("名称: 岗位信息发布"))
        var rest = after
        rest.remove(at: inserted)
        #expect(rest == before)
        #expect(before.filter { $0.hasPrefix("#") }.count >= 3)
        // The other catalogs of the workbook did not change.
        for (name, data) in others {
            #expect(try Data(contentsOf: workspace.appendingPathComponent("星海镇/\(name)")) == data, "\(name) changed")
        }
        // Importing the same workbook again changes nothing.
        let again = try GKML.run(["import", workbook.path, "--into", workspace.path, "--update"])
        #expect(again.status == 0)
        #expect(try Self.lines(file) == after)
    }

    @Test func ownValuesAreReplacedInPlaceNewRowsAddedRemovedRowsReported() throws {
        let script = """
            rows["岗位信息发布"][col["二级事项"]].value = "岗位信息发布（含公益性岗位）"
            ws.insert_rows(6)
            for c in range(1, ws.max_column + 1):
                ws.cell(row=6, column=c).value = ws.cell(row=7, column=c).value
            ws.cell(row=6, column=col["序号"] + 1).value = None
            ws.cell(row=6, column=col["一级事项"] + 1).value = None
            ws.cell(row=6, column=col["二级事项"] + 1).value = "零工信息发布"
            ws.cell(row=6, column=col["公开内容（要素）"] + 1).value = "零工岗位、报酬、联系方式"
            ws.cell(row=6, column=col["编号"] + 1).value = "XH-17-09"
            idrow = [r for r in ws.iter_rows(min_row=5) if r[col["二级事项"]].value == "职业介绍"][0]
            ws.delete_rows(idrow[0].row)
            """
        let (workspace, workbook) = try Self.editedWorkbook(script)
        defer { try? FileManager.default.removeItem(at: workspace.deletingLastPathComponent()) }
        let file = workspace.appendingPathComponent("星海镇/employment.yaml")
        let before = try String(contentsOf: file, encoding: .utf8)
        let result = try GKML.run(["import", workbook.path, "--into", workspace.path, "--update"])
        let after = try String(contentsOf: file, encoding: .utf8)
        // The renamed item keeps its line; the removed row is reported, not deleted.
        #expect(after.contains("名称: 岗位信息发布（含公益性岗位）") && !after.contains("名称: 岗位信息发布\n"))
        #expect(result.stdout.contains("import-update-removed") && result.stdout.contains("17-02-01"))
        #expect(after.contains("名称: 职业介绍"))
        // The new row, with the 编号 typed into the 编号 column, is added to its 一级事项.
        #expect(after.contains("      - 编号: XH-17-09\n        名称: 零工信息发布\n        公开内容: 零工岗位、报酬、联系方式\n"), "\(after)")
        #expect(result.status == 1, "a removed row needs a person: \(result.all)")
        let check = try GKML.run(["validate", file.path])
        #expect(!check.stdout.contains("error["), "\(check.all)")
        #expect(
            before.components(separatedBy: "\n").filter { $0.hasPrefix("#") }
                == after.components(separatedBy: "\n").filter { $0.hasPrefix("#") })
    }
}
