import CatalogImport
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

extension ImportUpdateTests {
    /// Issue 15 item 7: a cell's text that starts with an apostrophe or looks like a formula is data; import keeps
    /// it exactly (and the workbook it came from has no guard apostrophe to strip).
    @Test func leadingApostropheAndFormulaLikeTextAreImportedExactly() throws {
        let script = """
            rows["岗位信息发布"][col["公开内容（要素）"]].value = "'引号开头的内容"
            cell = rows["职业介绍"][col["公开内容（要素）"]]
            cell.value = "=HYPERLINK(\\"http://x.example\\",\\"点我\\")"
            cell.data_type = "s"
            """
        let (workspace, workbook) = try Self.editedWorkbook(script)
        defer { try? FileManager.default.removeItem(at: workspace.deletingLastPathComponent()) }
        let file = workspace.appendingPathComponent("星海镇/employment.yaml")
        let result = try GKML.run(["import", workbook.path, "--into", workspace.path, "--update"])
        #expect(result.status == 0, "\(result.all)")
        // Read back through gkml's own JSON rendering (the YAML reader, not a text search).
        let out = workspace.deletingLastPathComponent().appendingPathComponent("employment.json")
        let render = try GKML.run(["render", file.path, "--format", "json", "-o", out.path])
        try #require(render.status == 0, "\(render.all)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        let items = try #require(object["事项"] as? [[String: Any]])
        var contents: [String: String] = [:]
        for item in items { contents[item["名称"] as? String ?? ""] = item["公开内容"] as? String }
        #expect(contents["岗位信息发布"] == "'引号开头的内容")
        #expect(contents["职业介绍"] == "=HYPERLINK(\"http://x.example\",\"点我\")")
    }
}

extension ImportUpdateTests {
    /// The same through gkml's own workbook, whose cells are shared strings (openpyxl writes inline strings):
    /// text that starts with an apostrophe or looks like a formula is built into the XLSX and imported back exactly.
    @Test func sharedStringCellsRoundTripExactly() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws")
        try FileManager.default.copyItem(at: GKML.root.appendingPathComponent("catalogs/example"), to: workspace)
        let file = workspace.appendingPathComponent("星海镇/employment.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        let line = "        公开内容: 招聘单位、岗位要求、福利待遇、招聘流程、应聘方式、咨询电话\n"
        try #require(text.contains(line))
        text = text.replacingOccurrences(of: line, with: "        公开内容: \"'撇号开头，=1+1 与 @提及\"\n")
        try Data(text.utf8).write(to: file)
        let site = folder.appendingPathComponent("site")
        let built = try GKML.run(["build", workspace.path, "--out", site.path, "--formats", "xlsx"])
        try #require(built.status == 0, "\(built.all)")
        var request = Importer.Request(
            files: [site.appendingPathComponent("星海镇/星海镇.xlsx").path], into: workspace.path)
        request.jurisdiction = "星海镇"
        let result = try Importer(request).run()
        let output = try #require(result.outputs.first { $0.domain == "就业" }, "\(result.failures)")
        let item = try #require(output.items.first { $0.name == "岗位信息发布" })
        #expect(item.content == "'撇号开头，=1+1 与 @提及")
    }
}
