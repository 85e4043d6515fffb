import CatalogModel
import Diagnostics
import Foundation
import Testing

/// `gkml init workspace` and `gkml init catalog` as library calls: option resolution against a workspace,
/// what is written, what is refused, and the report in both languages.
@Suite("Init commands")
struct InitCommandTests {
    /// A fresh workspace 示例县 with 星海镇 and 长胜乡, written by `WorkspaceInit`.
    func workspace(_ folder: URL) throws(InitFailure) -> WorkspaceInit.Report {
        try WorkspaceInit.run(
            WorkspaceInit.Request(
                directory: folder.appendingPathComponent("示例县").path, region: " 示例县 ", townships: "星海镇，长胜乡、 ,"))
    }

    @Test func townshipListsSplitOnEveryCommaAndDropEmpties() {
        #expect(WorkspaceInit.townshipNames("星海镇,长胜乡，白云镇、 青山街道 ,,") == ["星海镇", "长胜乡", "白云镇", "青山街道"])
        #expect(WorkspaceInit.townshipNames(nil).isEmpty)
    }

    @Test func workspaceWritesGkmlYamlAndTheFoldersAndSaysSo() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try workspace(folder)
        #expect(report.result.jurisdictions.map(\.name) == ["示例县", "星海镇", "长胜乡"])
        #expect(report.folders.map(\.created) == [true, true, true])
        let loaded = WorkspaceLoader.load(path: report.file)
        #expect(!loaded.hasErrors, "\(loaded.findings.map(\.code))")
        #expect(loaded.workspace?.region.value == "示例县")
        for entry in report.folders {
            var isDirectory: ObjCBool = false
            #expect(
                FileManager.default.fileExists(atPath: entry.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        }
        #expect(report.message.zh.hasPrefix("已写入 \(report.file)：示例县（县级），3 个辖区"))
        #expect(report.message.en.hasPrefix("wrote \(report.file): 示例县 (县级), 3 jurisdiction(s)"))
        #expect(report.message.en.contains("--region 长胜乡"))

        // A second run refuses to overwrite, in both languages; --force rewrites and creates no folder twice.
        #expect(throws: InitFailure.self) { try workspace(folder) }
        do {
            _ = try workspace(folder)
        } catch {
            #expect(error.text.zh.contains("文件已存在") && error.text.en.contains("--force"))
        }
        let again = try WorkspaceInit.run(
            WorkspaceInit.Request(
                directory: folder.appendingPathComponent("示例县").path, region: "示例县", townships: "星海镇,长胜乡", force: true))
        #expect(again.folders.map(\.created) == [false, false, false])
    }

    @Test func badTownshipNamesAreRefusedBeforeAnythingIsWritten() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("ws").path
        do {
            _ = try WorkspaceInit.run(
                WorkspaceInit.Request(directory: directory, region: "示例县", townships: "星海镇,../etc"))
            Issue.record("../etc accepted")
        } catch {
            #expect(error.text.zh.contains("不能用作文件夹名") && error.text.en.contains("cannot be a folder name"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test func catalogInAWorkspaceTakesLevelBodyFolderAndCountyPrefixFromIt() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = try workspace(folder)
        let plan = try CatalogInit.plan(
            CatalogInit.Request(
                domain: "就业创业", region: "星海镇", workspace: ws.directory, date: "2024-06-01"))
        #expect(plan.level == .township)
        #expect(plan.region == "示例县星海镇")
        #expect(plan.path == ws.directory + "/星海镇/employment.yaml")
        #expect(plan.match == .alias("就业创业"))
        #expect(plan.text.contains("地区: 示例县星海镇\n层级: 乡级\n发布机构: 星海镇人民政府\n"))
        #expect(plan.directory?.contains("星海镇人民政府") == true)
        // plan writes nothing; run writes the planned text.
        #expect(!FileManager.default.fileExists(atPath: plan.path))
        let written = try CatalogInit.run(
            CatalogInit.Request(
                domain: "就业创业", region: "星海镇", workspace: ws.directory, date: "2024-06-01"))
        #expect(try String(contentsOfFile: written.path, encoding: .utf8) == plan.text)
        let loaded = CatalogLoader.load(path: written.path)
        #expect(loaded.catalog?.items.count == plan.result.draft.items.count)
        // The county's roles are not in the new workspace's 机构名录: they are listed to replace.
        #expect(!plan.rolesToReplace.isEmpty)
        #expect(plan.message.zh.contains("别名") && plan.message.en.contains("is an alias of"))
        #expect(plan.message.zh.contains("请把以下基准目录中的角色改为本地机构全称"))
        #expect(plan.message.en.contains("replace these baseline roles"))
    }

    @Test func catalogOptionsAreCheckedAgainstTheWorkspace() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = try workspace(folder)
        func failure(_ request: CatalogInit.Request) -> InitFailure? {
            do {
                _ = try CatalogInit.plan(request)
                return nil
            } catch {
                return error
            }
        }
        let unknown = failure(CatalogInit.Request(domain: "就业", region: "白云镇", workspace: ws.directory))
        #expect(unknown?.text.zh == "工作区中没有辖区「白云镇」；gkml.yaml 中的辖区有：示例县、星海镇、长胜乡")
        #expect(unknown?.text.en.contains("no jurisdiction \"白云镇\"") == true)
        let mismatch = failure(
            CatalogInit.Request(domain: "就业", region: "星海镇", level: .county, workspace: ws.directory))
        #expect(mismatch?.text.zh.contains("与 --level 县级 不符") == true)
        let domain = failure(CatalogInit.Request(domain: "不存在", region: "星海镇", workspace: ws.directory))
        #expect(domain?.text.zh.hasPrefix("未知领域「不存在」") == true && domain?.text.en.hasPrefix("unknown domain") == true)
        let noLevel = failure(CatalogInit.Request(domain: "就业", region: "星海镇", body: "x"))
        #expect(noLevel?.text.en.contains("--level") == true)
        let noBody = failure(CatalogInit.Request(domain: "就业", region: "星海镇", level: .township))
        #expect(noBody?.text.zh == "请用 --body 指定本级机构，如 星海镇人民政府")
        let village = failure(
            CatalogInit.Request(domain: "就业", region: "星海村", level: .village, body: "x", date: "2024-06-01"))
        #expect(village?.text.zh.contains("没有公开层级含「村级」") == true)
    }

    @Test func rolesAndDatesAreParsedStrictly() throws {
        #expect(try CatalogInit.roles([" 县级民政部门 = 示例县民政局 ", "a=b=c"]) == ["县级民政部门": "示例县民政局", "a": "b=c"])
        #expect(throws: InitFailure.self) { try CatalogInit.roles(["县级民政部门"]) }
        #expect(throws: InitFailure.self) { try CatalogInit.roles(["=示例县民政局"]) }
        #expect(try CatalogInit.date("2024-02-29") == "2024-02-29")
        for bad in ["2024-02-30", "2023-02-29", "2024-2-01", "24-02-01", "2024/02/01"] {
            #expect(throws: InitFailure.self, "\(bad)") { try CatalogInit.date(bad) }
        }
        let noon = try #require(
            Calendar(identifier: .gregorian).date(
                from: DateComponents(
                    timeZone: TimeZone.current, year: 2025, month: 3, day: 9, hour: 12)))
        #expect(try CatalogInit.date(nil, now: noon) == "2025-03-09")
    }

    @Test func domainListingTakesTheWorkspaceGivenOrEnclosing() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pilot = DomainRegistry.pilot.domains.map(\.name)
        // No workspace anywhere above a temporary folder: the pilot domains.
        #expect(try DomainListing.registry(workspace: nil, from: folder.path).get().domains.map(\.name) == pilot)
        // A folder given as the workspace that holds no gkml.yaml is a failure naming the file.
        guard case .failure(let failure) = DomainListing.registry(workspace: folder.path) else {
            Issue.record("a folder without gkml.yaml was accepted")
            return
        }
        #expect(failure.loaded.file.hasSuffix("gkml.yaml") && !failure.loaded.findings.isEmpty)
        // The repository's example, given or found above one of its folders, gives the same registry.
        let example = Repository.path("catalogs/example")
        let given = try DomainListing.registry(workspace: example).get().domains.map(\.name)
        let enclosing = try DomainListing.registry(workspace: nil, from: example + "/星海镇").get().domains.map(\.name)
        #expect(given == enclosing)
        #expect(Array(given.prefix(pilot.count)) == pilot)
    }
}
