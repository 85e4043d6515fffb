import CatalogModel
import Foundation
import Testing
import YAMLTree

/// `gkml init` as library code: the selection from the baseline, role replacement, the YAML writer and
/// the round trip (write → decode → same items).
@Suite("Init scaffolding")
struct ScaffoldTests {
    static let date = "2024-06-01"

    func scaffold(_ domain: Domain, level: Level, body: String = "星海镇人民政府", roles: [String: String] = [:])
        throws -> CatalogScaffold.Result
    {
        let baseline = try #require(Baseline.catalog(for: domain))
        return try CatalogScaffold.make(
            from: baseline,
            CatalogScaffold.Request(
                domain: domain, region: level == .county ? "示例县" : "示例县星海镇", level: level, body: body,
                roles: roles, date: Self.date))
    }

    /// Loads written text as gkml does and returns the findings and the decoded draft.
    func load(_ text: String) -> (findings: [String], draft: CatalogDraft?) {
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: "init.yaml")
        return (
            loaded.findings.map { "\($0.code) \($0.location.position?.description ?? "") \($0.path)" },
            loaded.catalog.map(CatalogDraft.init)
        )
    }

    @Test(arguments: DomainRegistry.pilot.domains)
    func countyCatalogValidatesAndRoundTrips(domain: Domain) throws {
        let result = try scaffold(domain, level: .county, body: "示例县人民政府")
        let baseline = try #require(Baseline.catalog(for: domain))
        let expected = baseline.items.filter { $0.levels.value.contains { $0.value == .county } }.map(\.id.value)
        #expect(result.draft.items.map(\.id) == expected, "the baseline's 县级 items, 编号 kept, in order")
        let text = CatalogWriter(header: ["yaml-language-server: $schema=../schemas/catalog.schema.json"]).yaml(
            result.draft)
        let (findings, draft) = load(text)
        #expect(findings.isEmpty, "\(domain.name): \(findings)")
        #expect(draft == result.draft, "\(domain.name): round trip changed the catalog")
        for item in result.draft.items {
            #expect(item.levels == [.county])
            #expect(!item.bodies.contains(where: RoleNames.isTownshipRole), "\(item.id): \(item.bodies)")
        }
    }

    @Test(arguments: DomainRegistry.pilot.domains)
    func townshipCatalogValidatesAndRoundTrips(domain: Domain) throws {
        let baseline = try #require(Baseline.catalog(for: domain))
        let township = baseline.items.filter { $0.levels.value.contains { $0.value == .township } }
        guard !township.isEmpty else {
            #expect(throws: CatalogScaffold.Failure.noItems(domain: domain.name, level: .township)) {
                _ = try scaffold(domain, level: .township)
            }
            return
        }
        let result = try scaffold(domain, level: .township)
        #expect(result.draft.items.map(\.id) == township.map(\.id.value))
        let text = CatalogWriter().yaml(result.draft)
        let (findings, draft) = load(text)
        #expect(findings.isEmpty, "\(domain.name): \(findings)")
        #expect(draft == result.draft, "\(domain.name): round trip changed the catalog")
        for (item, source) in zip(result.draft.items, township) {
            #expect(item.levels == [.township], "公开层级 narrowed to 乡级")
            #expect(!item.bodies.contains(where: RoleNames.isTownshipRole), "\(item.id) keeps a township role")
            if source.bodies.value.contains(where: { RoleNames.isTownshipRole($0.value) }) {
                #expect(item.bodies.contains("星海镇人民政府"), "\(item.id)")
            }
            // Everything else is the baseline's.
            var expected = CatalogDraft.Item(source)
            expected.levels = item.levels
            expected.bodies = item.bodies
            #expect(item == expected)
        }
        #expect(result.draft.adjustments == [.init(date: Self.date, version: "2024.1", note: "依据基层政务公开标准指引初始编制")])
    }

    @Test func townshipRoleReplacedAndCountyDepartmentKept() throws {
        let employment = try #require(DomainRegistry.pilot.domain(named: "就业"))
        let result = try scaffold(employment, level: .township)
        let item = try #require(result.draft.items.first { $0.id == "17-01-01" })
        #expect(item.bodies == ["县级人力资源社会保障部门", "星海镇人民政府"])
        #expect(result.unreplaced == ["县级人力资源社会保障部门"])
        #expect(result.replaced.map(\.role) == ["乡镇人民政府（街道办事处）"])
        #expect(result.draft.publisher == "星海镇人民政府")
        // 17-08-01 and 17-09-01 are 县级 only in the baseline.
        #expect(!result.draft.items.contains { $0.id == "17-08-01" || $0.id == "17-09-01" })
    }

    @Test func explicitRoleMapping() throws {
        let employment = try #require(DomainRegistry.pilot.domain(named: "就业"))
        let result = try scaffold(
            employment, level: .township,
            roles: [
                "县级人力资源社会保障部门": "示例县人力资源和社会保障局", "县级民政部门": "示例县民政局",
            ])
        #expect(result.draft.items.allSatisfy { $0.bodies == ["示例县人力资源和社会保障局", "星海镇人民政府"] })
        #expect(result.unreplaced.isEmpty)
        #expect(result.unusedRoles == ["县级民政部门"])
        // A role mapped to the township's own body is not listed twice.
        let merged = try scaffold(employment, level: .township, roles: ["县级人力资源社会保障部门": "星海镇人民政府"])
        #expect(merged.draft.items.allSatisfy { $0.bodies == ["星海镇人民政府"] })
    }

    @Test func countyCatalogDropsTheTownshipRoleUnlessItIsTheOnlyBody() throws {
        let planning = try #require(DomainRegistry.pilot.domain(named: "城乡规划"))
        let result = try scaffold(planning, level: .county, body: "示例县自然资源局")
        // 01-02-04 村庄规划 names only the township: the county body answers for it at the county level.
        #expect(result.draft.items.first { $0.id == "01-02-04" }?.bodies == ["示例县自然资源局"])
        let employment = try #require(DomainRegistry.pilot.domain(named: "就业"))
        let county = try scaffold(employment, level: .county, body: "示例县人力资源和社会保障局")
        #expect(county.draft.items.allSatisfy { $0.bodies == ["县级人力资源社会保障部门"] })
        #expect(county.replaced.first?.by == nil)
    }

    @Test func defaultsHoldTheSharedValues() throws {
        let employment = try #require(DomainRegistry.pilot.domain(named: "就业"))
        let result = try scaffold(employment, level: .township)
        let defaults = CatalogWriter.Defaults(result.draft.items)
        #expect(defaults.levels == [.township])
        #expect(defaults.mode == .proactive)
        #expect(defaults.bodies == ["县级人力资源社会保障部门", "星海镇人民政府"])
        let text = CatalogWriter().yaml(result.draft)
        #expect(text.contains("默认:\n"))
        #expect(text.contains("  公开层级: [乡级]\n"))
        #expect(text.contains("版本: \"2024.1\"\n"))
        #expect(!text.contains("        公开层级:"), "no item repeats the default level")
        #expect(text.hasSuffix("    说明: 依据基层政务公开标准指引初始编制\n"))
    }

    @Test func outputIsDeterministic() throws {
        let domain = try #require(DomainRegistry.pilot.domain(named: "社会救助"))
        let a = CatalogWriter().yaml(try scaffold(domain, level: .township).draft)
        let b = CatalogWriter().yaml(try scaffold(domain, level: .township).draft)
        #expect(a == b)
    }

    @Test func writerKeepsLocalEditsOnRoundTrip() throws {
        let draft = CatalogDraft(
            domain: "就业", region: "示例县星海镇", level: .township, publisher: "星海镇人民政府", version: "2024.2",
            effectiveDate: "2024-09-01",
            groups: [
                .init(
                    name: "就业服务: 本镇",
                    items: [
                        .init(
                            id: "XH-01-01", name: "null", content: "- 开头的内容 #1", basis: ["《就业服务与就业管理规定》"],
                            timeLimit: "20个工作日内", bodies: ["星海镇人民政府"],
                            channels: ["政府网站", "其他：镇政府微信公众号", "社区/企事业单位/村公示栏(电子屏)"],
                            audience: .specificGroups, mode: .onRequest, levels: [.township, .village],
                            reasonNotProactive: "涉及个人信息，仅向本人提供", remark: "yes"),
                        .init(
                            id: "XH-01-02", name: "2024", content: "a, b: c [d]", basis: [" 带空格 ", "1.5", "true"],
                            timeLimit: "\"引号\"", bodies: ["星海镇人民政府", "甲,乙"], channels: ["政府网站"],
                            audience: .everyone, mode: .proactive, levels: [.township]),
                    ])
            ],
            notApplicable: [.init(id: "17-09-01", reason: "本镇无外国人来华工作许可职能")],
            adjustments: [.init(date: "2024-09-01", version: "2024.2", note: "增加本镇事项")])
        let text = CatalogWriter().yaml(draft)
        let (findings, decoded) = load(text)
        #expect(findings.isEmpty, "\(findings)\n\(text)")
        #expect(decoded == draft, "\(text)")
    }

    @Test(arguments: [
        "null", "Null", "~", "true", "False", "yes", "no", "on", "off", "y", "N", "123", "-1", "+1", "0x1F", "0o17",
        "1.5", ".5", "1e3", "1_000", "1:30", ".inf", "-.Inf", ".nan", "", " x", "x ", "- x", "-x", "? x", ": x", "a: b",
        "a #b", "#x", "&a", "*a", "!t", "|", ">", "'q'", "\"q\"", "%x", "@x", "`x", "[x]", "{x}", "a\nb", "tab\there",
        "2024-06-01", "17-01-01", "JY-02-03", "2024.1", "其他：县人社局微信公众号", "社区/企事业单位/村公示栏(电子屏)",
        "《中华人民共和国政府信息公开条例》（国令第711号）", "\u{FEFF}bom", "a,b", "a]b",
        "ctl\u{1}\u{1B}\u{7F}\u{85}\u{9F}", "line\u{2028}sep\u{2029}", "cr\r\nlf",
    ])
    func scalarsReadBackAsTheSameString(text: String) throws {
        for context in [YAMLText.Context.block, .flow] {
            let spelled = YAMLText.scalar(text, in: context)
            let source = context == .block ? "k: \(spelled)\n" : "k: [\(spelled)]\n"
            let parsed = YAMLParser.parse(Array(source.utf8), file: "t.yaml")
            let root = try #require(parsed.document?.root, "\(source)")
            let value = context == .block ? root["k"]?.string : root["k"]?.sequence?.first?.string
            #expect(value == text, "\(context): \(source)")
        }
    }

    /// The escapes as written (YAML's double-quoted scalar: JSON's escapes, plus DEL, C1 and BOM, upper-case hex).
    @Test func doubleQuotedEscapes() {
        #expect(
            YAMLText.doubleQuoted("a\"\\\n\t\r\u{1}\u{1B}\u{7F}\u{85}\u{FEFF}\u{2028}b")
                == "\"a\\\"\\\\\\n\\t\\r\\u0001\\u001B\\u007F\\u0085\\uFEFF\\u2028b\"")
    }

    @Test func plainWhereItReadsWell() {
        #expect(YAMLText.scalar("17-01-01") == "17-01-01")
        #expect(YAMLText.scalar("2024-06-01") == "2024-06-01")
        #expect(YAMLText.scalar("其他：县人社局微信公众号", in: .flow) == "其他：县人社局微信公众号")
        #expect(YAMLText.scalar("2024.1") == "\"2024.1\"")
        #expect(YAMLText.scalar("甲,乙", in: .flow) == "\"甲,乙\"")
        #expect(YAMLText.scalar("甲,乙", in: .block) == "甲,乙")
    }
}

@Suite("Init workspace scaffolding")
struct WorkspaceScaffoldTests {
    @Test func workspaceFileValidatesAndDecodes() throws {
        let request = WorkspaceScaffold.Request(region: "示例县", townships: ["星海镇", "长胜乡", "九龙街道"])
        let result = try WorkspaceScaffold.make(request)
        let text = WorkspaceScaffold.yaml(request, result, schemaReference: SchemaReference.Kind.workspace.id)
        let loaded = WorkspaceLoader.check(YAMLParser.parse(Array(text.utf8), file: "gkml.yaml"), file: "ws/gkml.yaml")
        #expect(loaded.findings.isEmpty, "\(loaded.findings.map(\.code))\n\(text)")
        let workspace = try #require(loaded.workspace)
        #expect(workspace.region.value == "示例县")
        #expect(workspace.level.value == .county)
        #expect(workspace.publisher?.value == "示例县人民政府办公室")
        #expect(workspace.bodies.map(\.value) == ["示例县人民政府", "示例县人民政府办公室", "星海镇人民政府", "长胜乡人民政府", "九龙街道办事处"])
        #expect(workspace.jurisdictions.map(\.name.value) == ["示例县", "星海镇", "长胜乡", "九龙街道"])
        #expect(workspace.jurisdictions.map(\.folder.value) == ["县本级", "星海镇", "长胜乡", "九龙街道"])
        #expect(workspace.jurisdictions.map(\.level.value) == [.county, .township, .township, .township])
        #expect(workspace.coverage == .severity(.warning))
        #expect(result.folders == ["县本级", "星海镇", "长胜乡", "九龙街道"])
    }

    @Test func districtAndPublisher() throws {
        let result = try WorkspaceScaffold.make(.init(region: "示例区", publisher: "示例区政务公开办", townships: ["东街道"]))
        #expect(result.jurisdictions.first?.folder == "区本级")
        #expect(result.bodies == ["示例区人民政府", "示例区政务公开办", "东街道办事处"])
    }

    @Test func badNames() {
        #expect(throws: WorkspaceScaffold.Failure.badName("../x")) {
            _ = try WorkspaceScaffold.make(.init(region: "示例县", townships: ["../x"]))
        }
        #expect(throws: WorkspaceScaffold.Failure.badName(".hidden")) {
            _ = try WorkspaceScaffold.make(.init(region: ".hidden"))
        }
        #expect(throws: WorkspaceScaffold.Failure.duplicate("星海镇")) {
            _ = try WorkspaceScaffold.make(.init(region: "示例县", townships: ["星海镇", "星海镇"]))
        }
        #expect(throws: WorkspaceScaffold.Failure.noLevelBelow(.village)) {
            _ = try WorkspaceScaffold.make(.init(region: "示例村", level: .village, townships: ["一组"]))
        }
    }
}

@Suite("Schema reference")
struct SchemaReferenceTests {
    @Test func schemaReferenceIsRelativeWhenTheSchemasFolderIsAbove() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemas = folder.appendingPathComponent("schemas")
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        try "{}".write(to: schemas.appendingPathComponent("catalog.schema.json"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("example/星海镇/employment.yaml").path
        #expect(SchemaReference.reference(.catalog, forFileAt: file) == "../../schemas/catalog.schema.json")
        #expect(SchemaReference.reference(.workspace, forFileAt: file) == SchemaReference.Kind.workspace.id)
        #expect(
            SchemaReference.modeline(.catalog, forFileAt: folder.appendingPathComponent("x.yaml").path)
                == "yaml-language-server: $schema=schemas/catalog.schema.json")
    }
}
