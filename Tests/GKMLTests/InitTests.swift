import Foundation
import Testing

/// `gkml init workspace` and `gkml init catalog`, run as a user would (issue 3).
@Suite("gkml init")
struct InitTests {
    /// A workspace made by `gkml init workspace` in a fresh folder.
    func makeWorkspace() throws -> URL {
        let folder = try GKML.temporaryFolder()
        let result = try GKML.run(
            ["init", "workspace", "示例县", "--region", "示例县", "--townships", "星海镇,长胜乡"], in: folder)
        #expect(result.status == 0, "\(result.all)")
        return folder.appendingPathComponent("示例县")
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func workspaceIsWrittenWithItsFoldersAndValidates() throws {
        let ws = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        let text = try read(ws.appendingPathComponent("gkml.yaml"))
        // The schemas are in the workspace: the modeline is a relative path that works offline.
        #expect(text.hasPrefix("# yaml-language-server: $schema=.gkml/schemas/workspace.schema.json\n"))
        #expect(text.contains("格式: gkml-workspace/1\n"))
        #expect(text.contains("  - 星海镇人民政府\n") && text.contains("  - 长胜乡人民政府\n") && text.contains("  - 示例县人民政府\n"))
        for folder in ["县本级", "星海镇", "长胜乡"] {
            var isDirectory: ObjCBool = false
            #expect(
                FileManager.default.fileExists(
                    atPath: ws.appendingPathComponent(folder).path, isDirectory: &isDirectory)
                    && isDirectory.boolValue, "\(folder)")
        }
        let validate = try GKML.run(["validate", ws.path, "--format", "json"])
        #expect(validate.status == 0, "\(validate.all)")
        let findings = try GKML.findings(validate)
        #expect(findings.filter { $0["severity"] as? String == "error" }.isEmpty)
    }

    @Test func workspaceIsNeverOverwrittenWithoutForce() throws {
        let ws = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        let file = ws.appendingPathComponent("gkml.yaml")
        try "# 本地修改\n".write(to: file, atomically: true, encoding: .utf8)
        let again = try GKML.run(["init", "workspace", ws.path, "--region", "示例县"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("已存在"))
        #expect(try read(file) == "# 本地修改\n")
        let forced = try GKML.run(["init", "workspace", ws.path, "--region", "示例县", "--force"])
        #expect(forced.status == 0, "\(forced.all)")
        #expect(try read(file).contains("格式: gkml-workspace/1"))
    }

    @Test func catalogInWorkspaceGoesToTheJurisdictionFolder() throws {
        let ws = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        let result = try GKML.run([
            "init", "catalog", "--workspace", ws.path, "--region", "星海镇", "--domain", "就业", "--date", "2024-06-01",
            "--role", "县级人力资源社会保障部门=示例县人力资源和社会保障局",
        ])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("已生成"))
        #expect(result.stdout.contains("乡镇人民政府（街道办事处）」已替换为「星海镇人民政府」"))
        #expect(result.stdout.contains("机构名录中补充：示例县人力资源和社会保障局"))
        let file = ws.appendingPathComponent("星海镇/employment.yaml")
        let text = try read(file)
        #expect(text.hasPrefix("# yaml-language-server: $schema=../.gkml/schemas/catalog.schema.json\n"))
        #expect(text.contains("领域: 就业\n地区: 示例县星海镇\n层级: 乡级\n发布机构: 星海镇人民政府\n版本: \"2024.1\"\n"))
        #expect(text.contains("  公开主体: [示例县人力资源和社会保障局, 星海镇人民政府]\n"))
        #expect(text.contains("  公开层级: [乡级]\n"))
        #expect(text.contains("      - 编号: 17-01-01\n"))
        #expect(!text.contains("17-09-01"), "县级-only items are not in a township catalog")
        #expect(!text.contains("乡镇人民政府（街道办事处）"))
        #expect(text.contains("调整记录:\n  - 日期: 2024-06-01\n    版本: \"2024.1\"\n    说明: 依据基层政务公开标准指引初始编制\n"))

        // As the hint says, the county bureau joins 机构名录; then the workspace validates.
        let workspaceFile = ws.appendingPathComponent("gkml.yaml")
        let updated = try read(workspaceFile).replacingOccurrences(
            of: "  - 示例县人民政府办公室\n", with: "  - 示例县人民政府办公室\n  - 示例县人力资源和社会保障局\n")
        try updated.write(to: workspaceFile, atomically: true, encoding: .utf8)
        let validate = try GKML.run(["validate", ws.path, "--format", "json"])
        #expect(validate.status == 0, "\(validate.all)")
        #expect(try GKML.findings(validate).filter { $0["severity"] as? String == "error" }.isEmpty)
    }

    @Test func aliasAndCodeNameTheSameDomain() throws {
        let ws = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        let alias = try GKML.run([
            "init", "catalog", "--workspace", ws.path, "--region", "长胜乡", "--domain", "乡村振兴", "--date", "2024-06-01",
        ])
        #expect(alias.status == 0, "\(alias.all)")
        #expect(alias.stdout.contains("「乡村振兴」是「扶贫」的别名"))
        let byAlias = try read(ws.appendingPathComponent("长胜乡/poverty-alleviation.yaml"))
        #expect(byAlias.contains("领域: 扶贫\n"))
        let code = try GKML.run([
            "init", "catalog", "--workspace", ws.path, "--region", "长胜乡", "--domain", "13",
            "--date", "2024-06-01", "--out", ws.appendingPathComponent("长胜乡/by-code.yaml").path,
        ])
        #expect(code.status == 0, "\(code.all)")
        #expect(try read(ws.appendingPathComponent("长胜乡/by-code.yaml")) == byAlias)
    }

    @Test func countyCatalogAndOutFile() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("县本级/social-assistance.yaml")
        let result = try GKML.run([
            "init", "catalog", "--domain", "社会救助", "--region", "示例县", "--level", "县级", "--body", "示例县民政局",
            "--out", out.path, "--date", "2024-03-01",
        ])
        #expect(result.status == 0, "\(result.all)")
        let text = try read(out)
        #expect(text.contains("层级: 县级\n"))
        #expect(text.contains("  公开层级: [县级]\n"))
        #expect(!text.contains("乡镇人民政府"))
        #expect(result.stdout.contains("县级民政部门"), "the county role left to replace is named")
        let validate = try GKML.run(["validate", out.path])
        #expect(validate.status == 0, "\(validate.all)")
    }

    @Test func catalogIsNeverOverwrittenWithoutForce() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("employment.yaml")
        let args = [
            "init", "catalog", "--domain", "就业", "--region", "星海镇", "--level", "乡级", "--body", "星海镇人民政府",
            "--out", out.path, "--date", "2024-06-01",
        ]
        #expect(try GKML.run(args).status == 0)
        try "# 已经编辑过的目录\n".write(to: out, atomically: true, encoding: .utf8)
        let again = try GKML.run(args)
        #expect(again.status == 2)
        #expect(again.stderr.contains("文件已存在"))
        #expect(try read(out) == "# 已经编辑过的目录\n")
        let forced = try GKML.run(args + ["--force"])
        #expect(forced.status == 0, "\(forced.all)")
        #expect(try read(out).contains("格式: gkml/1"))
        // Nothing but the catalog and the editor's schemas is left in the folder (no temporary files).
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".gkml", "employment.yaml"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".gkml/schemas").path)
                .sorted()
                == ["catalog.schema.json", "workspace.schema.json"])
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var texts: [String] = []
        for name in ["a.yaml", "b.yaml"] {
            let out = folder.appendingPathComponent(name)
            let result = try GKML.run([
                "init", "catalog", "--domain", "卫生健康", "--region", "星海镇", "--level", "乡级",
                "--body", "星海镇人民政府", "--out", out.path, "--date", "2024-06-01",
            ])
            #expect(result.status == 0, "\(result.all)")
            texts.append(try read(out))
        }
        #expect(texts[0] == texts[1])
    }

    @Test func modelineIsRelativeInsideTheRepository() throws {
        // The repository's own example: catalogs/example/<folder>/x.yaml → ../../../schemas/catalog.schema.json.
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemas = folder.appendingPathComponent("schemas")
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: schemas.appendingPathComponent("catalog.schema.json"))
        let out = folder.appendingPathComponent("catalogs/example/星海镇/employment.yaml")
        let result = try GKML.run([
            "init", "catalog", "--domain", "就业", "--region", "星海镇", "--level", "乡级",
            "--body", "星海镇人民政府", "--out", out.path, "--date", "2024-06-01",
        ])
        #expect(result.status == 0, "\(result.all)")
        #expect(try read(out).hasPrefix("# yaml-language-server: $schema=../../../schemas/catalog.schema.json\n"))
    }

    @Test(arguments: [
        (["init", "catalog", "--domain", "不存在", "--region", "星海镇", "--level", "乡级", "--body", "星海镇人民政府"], "未知领域"),
        (["init", "catalog", "--domain", "就业", "--region", "星海镇", "--body", "星海镇人民政府"], "--level"),
        (["init", "catalog", "--domain", "就业", "--region", "星海镇", "--level", "镇级", "--body", "x"], "层级「镇级」无效"),
        (["init", "catalog", "--domain", "就业", "--region", "星海镇", "--level", "乡级"], "--body"),
        (
            [
                "init", "catalog", "--domain", "就业", "--region", "星海镇", "--level", "乡级", "--body", "x", "--date",
                "2024-02-30",
            ], "日期"
        ),
        (
            [
                "init", "catalog", "--domain", "就业", "--region", "星海镇", "--level", "乡级", "--body", "x", "--role",
                "县级民政部门",
            ], "角色=机构"
        ),
        (["init", "catalog", "--domain", "就业", "--region", "星海村", "--level", "村级", "--body", "x"], "没有公开层级含「村级」"),
        (["init", "workspace", "ws", "--region", "示例县", "--townships", "星海镇,../etc"], "不能用作文件夹名"),
        (["init", "workspace", "ws", "--region", "示例县", "--level", "省级"], "层级「省级」无效"),
        (["init", "workspace", "ws"], "--region"),
    ])
    func usageErrorsExitTwoAndWriteNothing(arguments: [String], message: String) throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GKML.run(arguments, in: folder)
        #expect(result.status == 2, "\(arguments): \(result.all)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(!result.all.contains("Fatal error"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written")
    }

    @Test func unknownJurisdictionInAWorkspace() throws {
        let ws = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        let result = try GKML.run(["init", "catalog", "--workspace", ws.path, "--region", "白云镇", "--domain", "就业"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("工作区中没有辖区「白云镇」"))
        #expect(result.stderr.contains("星海镇"))
    }

    @Test func helpListsTheSubcommands() throws {
        let help = try GKML.run(["init", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("workspace") && help.stdout.contains("catalog"))
    }
}
