import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import Testing
@testable import CatalogRender

/// The publish policy of `gkml build` and `gkml render` as library values: which catalogs are blocked by
/// errors, `--allow-errors`, unreadable catalogs, the summary counts, and the outcomes' exit statuses.
@Suite struct PublishTests {
    /// A copy of catalogs/example in a temporary folder, so a test may break one of its files.
    struct Copy {
        let root: URL
        var workspaceFile: String { root.appendingPathComponent("gkml.yaml").path }
        func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }

        init() throws {
            let parent = try TestSupport.temporaryFolder("publish")
            root = parent.appendingPathComponent("example")
            try FileManager.default.copyItem(at: ExampleWorkspace.root, to: root)
        }

        func remove() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

        /// Replaces the first occurrence of `old` in a file, which must contain it.
        func edit(_ relative: String, replacing old: String, with new: String) throws {
            let text = try String(contentsOf: file(relative), encoding: .utf8)
            let range = try #require(text.range(of: old), "\(relative) does not contain \(old)")
            try text.replacingCharacters(in: range, with: new).write(
                to: file(relative), atomically: true, encoding: .utf8)
        }

        func plan(allowErrors: Bool) throws -> PublishPlan {
            let loaded = WorkspaceLoader.load(path: workspaceFile)
            let workspace = try #require(loaded.workspace)
            let validation = Validator.run([root.path], options: ValidationOptions(keepCatalogs: true))
            #expect(!validation.inputFailure)
            return PublishPlan(
                workspace: workspace, workspaceFile: workspaceFile, validation: validation, allowErrors: allowErrors)
        }

        /// The YAML files of each jurisdiction folder, as on disk.
        func filesByFolder() throws -> [String: Int] {
            var counts: [String: Int] = [:]
            for folder in ["县本级", "星海镇", "长胜乡"] {
                counts[folder] = try FileManager.default.contentsOfDirectory(atPath: file(folder).path)
                    .filter { $0.hasSuffix(".yaml") }.count
            }
            return counts
        }
    }

    static let duplicated = "星海镇/employment.yaml"
    static let broken = "长胜乡/employment.yaml"

    /// Gives 星海镇's employment catalog a duplicate 编号: an error that still leaves a catalog.
    static func duplicateAnID(_ copy: Copy) throws {
        try copy.edit(duplicated, replacing: "- 编号: 17-01-02", with: "- 编号: 17-01-01")
    }

    /// Makes 长胜乡's employment catalog unreadable YAML: no catalog at all.
    static func breakTheYAML(_ copy: Copy) throws {
        try copy.edit(broken, replacing: "事项:", with: "事项: [\n  \"unclosed")
    }

    @Test func cleanWorkspacePublishesEveryCatalogOfEveryJurisdiction() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let plan = try copy.plan(allowErrors: false)
        #expect(plan.blocked.isEmpty)
        #expect(plan.proceeds)
        #expect(plan.blockedMessage(workspaceArgument: "example") == nil)
        #expect(plan.jurisdictions.map(\.name) == ["示例县", "星海镇", "长胜乡"])
        let files = try copy.filesByFolder()
        #expect(plan.jurisdictions.map(\.catalogs.count) == [files["县本级"], files["星海镇"], files["长胜乡"]])
        // 未涉及领域 of gkml.yaml travel with the jurisdiction.
        #expect(plan.jurisdictions[1].domainsNotApplicable["税收管理"] != nil)
    }

    @Test func aCatalogWithErrorsBlocksTheBuild() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try Self.duplicateAnID(copy)
        let plan = try copy.plan(allowErrors: false)
        #expect(!plan.proceeds)
        #expect(plan.blocked.count == 1)
        let entry = try #require(plan.blocked.first)
        #expect(entry.file.hasSuffix(Self.duplicated))
        #expect(entry.errors >= 1)
        #expect(!entry.unreadable)
        // Left out of its jurisdiction; the others are whole.
        let files = try copy.filesByFolder()
        #expect(plan.jurisdictions.map(\.catalogs.count) == [files["县本级"]!, files["星海镇"]! - 1, files["长胜乡"]!])
        #expect(!plan.jurisdictions[1].catalogs.contains { $0.file.hasSuffix(Self.duplicated) })
        let message = try #require(plan.blockedMessage(workspaceArgument: "example"))
        #expect(
            message.zh.contains("未生成任何文件") && message.zh.contains(Self.duplicated)
                && message.zh.contains("--allow-errors"))
        #expect(message.en.contains("nothing was written") && message.en.contains(Self.duplicated))
    }

    @Test func allowErrorsPublishesTheCatalogAnywayAndStillListsIt() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try Self.duplicateAnID(copy)
        let plan = try copy.plan(allowErrors: true)
        #expect(plan.proceeds)
        #expect(plan.blocked.map { $0.file.hasSuffix(Self.duplicated) } == [true])
        #expect(plan.jurisdictions[1].catalogs.contains { $0.file.hasSuffix(Self.duplicated) })
        let files = try copy.filesByFolder()
        #expect(plan.jurisdictions.map(\.catalogs.count) == [files["县本级"], files["星海镇"], files["长胜乡"]])
        let message = try #require(plan.blockedMessage(workspaceArgument: "example"))
        #expect(message.zh.hasPrefix("警告") && message.en.hasPrefix("warning"))
    }

    @Test func anUnreadableCatalogIsNeverPublished() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try Self.breakTheYAML(copy)
        for allowErrors in [false, true] {
            let plan = try copy.plan(allowErrors: allowErrors)
            let entry = try #require(plan.blocked.first { $0.file.hasSuffix(Self.broken) })
            #expect(entry.unreadable)
            #expect(entry.errors >= 1)
            #expect(!plan.jurisdictions[2].catalogs.contains { $0.file.hasSuffix(Self.broken) })
            #expect(plan.proceeds == allowErrors)
            let message = try #require(plan.blockedMessage(workspaceArgument: "example"))
            #expect(message.zh.contains("无法解读为目录") && message.en.contains("cannot be read as a catalog"))
        }
    }

    @Test func publishWritesTheSiteAndCountsWhatItWrote() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let out = copy.root.deletingLastPathComponent().appendingPathComponent("site").path
        let expected = try copy.plan(allowErrors: false)
        let outcome = SitePublisher.publish(PublishRequest(workspace: copy.root.path, out: out, formats: [.html, .md]))
        guard case .published(let summary, let published, _) = outcome else {
            Issue.record("expected a published site, got \(outcome)")
            return
        }
        #expect(outcome.exitStatus == 0)
        // The published plan keeps its jurisdictions, but their catalogs were released as the site was written.
        #expect(published.jurisdictions.map(\.name) == expected.jurisdictions.map(\.name))
        #expect(published.jurisdictions.allSatisfy { $0.catalogs.isEmpty })
        let plan = expected
        let catalogs = plan.jurisdictions.reduce(0) { $0 + $1.catalogs.count }
        #expect(summary.jurisdictions == 3)
        #expect(summary.catalogs == catalogs)
        #expect(summary.items == plan.jurisdictions.flatMap(\.catalogs).reduce(0) { $0 + $1.items.count })
        #expect(summary.formats == [.html, .md])
        // Every file the summary counts is on disk: html and md per catalog, index, two assets, marker.
        #expect(summary.files == catalogs * 2 + 4)
        var onDisk = 0
        let enumerator = try #require(FileManager.default.enumerator(atPath: out))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: out + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                onDisk += 1
            }
        }
        #expect(onDisk == summary.files)
        let message = summary.message(workspaceArgument: "example")
        #expect(message.zh.hasPrefix("已生成 \(out)：3 个辖区，\(catalogs) 个目录"))
        #expect(message.en.hasPrefix("wrote \(out): 3 jurisdiction(s), \(catalogs) catalog(s)"))
    }

    @Test func aBlockedBuildWritesNothingAndExitsOne() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try Self.duplicateAnID(copy)
        let out = copy.root.deletingLastPathComponent().appendingPathComponent("site").path
        let outcome = SitePublisher.publish(PublishRequest(workspace: copy.root.path, out: out))
        guard case .blocked(let plan, let report) = outcome else {
            Issue.record("expected a blocked build, got \(outcome)")
            return
        }
        #expect(outcome.exitStatus == 1)
        #expect(report.hasErrors)
        #expect(plan.blocked.count == 1)
        #expect(!FileManager.default.fileExists(atPath: out))

        let allowed = SitePublisher.publish(PublishRequest(workspace: copy.root.path, out: out, allowErrors: true))
        guard case .published(let summary, _, _) = allowed else {
            Issue.record("expected a site with --allow-errors, got \(allowed)")
            return
        }
        #expect(FileManager.default.fileExists(atPath: out + "/星海镇/employment.html"))
        #expect(summary.catalogs == (try copy.filesByFolder()).values.reduce(0, +))
    }

    @Test func notAWorkspaceAndBadTemplatesAreUsageFailures() throws {
        let folder = try TestSupport.temporaryFolder("publish-empty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = SitePublisher.publish(
            PublishRequest(workspace: folder.path, out: folder.appendingPathComponent("site").path))
        guard case .notAWorkspace(let path) = outcome else {
            Issue.record("expected notAWorkspace, got \(outcome)")
            return
        }
        #expect(path == folder.path)
        #expect(outcome.exitStatus == 2)
        #expect(outcome.message(workspaceArgument: path)?.en.contains("is not a workspace") == true)

        let templates = SitePublisher.publish(
            PublishRequest(
                workspace: ExampleWorkspace.root.path, out: folder.appendingPathComponent("site").path,
                templatesFolder: folder.appendingPathComponent("missing").path))
        guard case .badTemplates = templates else {
            Issue.record("expected badTemplates, got \(templates)")
            return
        }
        #expect(templates.exitStatus == 2)
    }

    @Test func workspaceFileIsFoundFromTheFolderOrTheFileItself() throws {
        let file = ExampleWorkspace.root.appendingPathComponent("gkml.yaml").path
        #expect(SitePublisher.workspaceFile(ExampleWorkspace.root.path) == file)
        #expect(SitePublisher.workspaceFile(file) == file)
        #expect(SitePublisher.workspaceFile(ExampleWorkspace.root.appendingPathComponent("星海镇").path) == nil)
    }

    @Test func renderReadsOneCatalogAndNamesTheFileInAFolder() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let out = copy.root.deletingLastPathComponent().appendingPathComponent("one").path + "/"
        let outcome = FilePublisher.render(
            FileRenderRequest(file: copy.file(Self.duplicated).path, output: out, format: .md))
        guard case .written(let path, _) = outcome else {
            Issue.record("expected a written file, got \(outcome)")
            return
        }
        #expect(path.hasPrefix(out) && path.hasSuffix(".md"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("就业政策法规咨询"))
        // The workspace's level labels (乡级 → 乡、村级) reach the table.
        #expect(text.contains("乡、村级"))

        try Self.duplicateAnID(copy)
        let blocked = FilePublisher.render(
            FileRenderRequest(file: copy.file(Self.duplicated).path, output: out, format: .md))
        guard case .blocked = blocked else {
            Issue.record("expected blocked, got \(blocked)")
            return
        }
        #expect(blocked.exitStatus == 1)
        try Self.breakTheYAML(copy)
        let unreadable = FilePublisher.render(
            FileRenderRequest(
                file: copy.file(Self.broken).path, output: out, format: .md, allowErrors: true))
        guard case .unreadable = unreadable else {
            Issue.record("expected unreadable, got \(unreadable)")
            return
        }
        #expect(unreadable.exitStatus == 1)
    }

    @Test func formatListsParseTypedAndRejectUnknownNamesInBothLanguages() throws {
        #expect(try OutputFormat.parseList("html, Markdown,html,xlsx").get() == [.html, .md, .xlsx])
        guard case .failure(let error) = OutputFormat.parseList("html,pdf") else {
            Issue.record("pdf accepted")
            return
        }
        #expect(error == .unknown("pdf"))
        #expect(error.text.zh.contains("未知的输出格式“pdf”") && error.text.en.contains("unknown output format \"pdf\""))
        #expect(OutputFormat.parseList(" , ") == .failure(.empty))
    }
}
