@testable import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import Testing

/// Issue 10: fair verdicts on what real tables publish — each case with its real wording.
@Suite("Verdicts on real wording")
struct VerdictTests {
    func run(_ body: String, setup: ExampleSetup = ExampleSetup()) -> ExampleRunner.Run {
        ExampleRunner.run(RuleExample(body, setup: setup))
    }

    // MARK: Channels

    @Test func aFileWhoseOnlyProblemIsAChannelNameIsDecoded() {
        let run = run(
            """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                    公开渠道: [政府网站, 社区/村公示栏(电子屏)]
            """)
        #expect(run.loaded.catalog != nil, "decoded despite the channel name")
        #expect(!run.loaded.findings.contains { $0.code == "schema-channel" }, "the lint rule gives the verdict")
        let item = run.loaded.catalog?.items.first
        #expect(item?.channels.value.map(\.value) == [.standard(.governmentWebsite), .standard(.noticeBoard)])
        let variant = run.result.findings.filter { $0.code == "channel-name-variant" }
        #expect(variant.count == 1)
        #expect(variant.first?.severity == .warning)
        #expect(variant.first?.hint(.zh)?.contains("社区/企事业单位/村公示栏(电子屏)") == true)
        #expect(!run.result.findings.contains { $0.severity == .error }, "\(run.result.findings.map(\.code))")
    }

    @Test func freeTextIsReadAsOtherAndATypoStaysAnError() {
        let run = run(
            """
            事项:
              - 一级事项: 公共文化
                二级事项:
                  - 编号: 17-02-01
                    名称: 公共文化机构免费开放信息
                    公开内容: 机构名称、开放时间
                    公开渠道: [政府网占, 投资项目在线审批监管平台]
            """)
        #expect(
            run.loaded.catalog?.items.first?.channels.value.map(\.value) == [
                .other(name: "政府网占"), .other(name: "投资项目在线审批监管平台"),
            ])
        let codes = run.result.findings.map(\.code).sorted()
        #expect(codes.contains("channel-name-unknown") && codes.contains("channel-name-free-text"), "\(codes)")
        #expect(run.result.findings.first { $0.code == "channel-name-unknown" }?.severity == .error)
    }

    @Test func aChannelNameBesideAnotherErrorIsStillTheSchemasError() {
        let run = run(
            """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                    公开方式: 依申请公开
                    公开渠道: [公示栏]
            """)
        #expect(run.loaded.catalog == nil)
        #expect(run.loaded.findings.contains { $0.code == "schema-channel" })
        #expect(run.loaded.findings.contains { $0.code == "schema-enum" })
    }

    @Test func everyAliasHasASourceAndAStandardMeaning() {
        #expect(ChannelAliases.all.count >= 10)
        for alias in ChannelAliases.all {
            #expect(!alias.source.isEmpty, "\(alias.name)")
            #expect(Channel(alias.name) == nil, "\(alias.name) is already standard")
        }
        #expect(ChannelAliases.alias(for: "公示栏")?.channel == .standard(.noticeBoard))
        #expect(ChannelAliases.alias(for: "门户网站")?.channel == .standard(.governmentWebsite))
        #expect(ChannelAliases.alias(for: "公众号")?.certain == false)
    }

    // MARK: Baseline

    static let baseline = """
        事项:
          - 一级事项: 出生登记
            二级事项:
              - 编号: 21-01-01
                名称: 出生登记
                公开内容: 受理部门、办理条件、办理流程、所需材料、办理时限、收费依据及标准
          - 一级事项: 收养、入籍等登记
            二级事项:
              - 编号: 21-02-02
                名称: 入籍、恢复中国国籍户口登记
                公开内容: 受理部门、办理条件、办理流程、所需材料、办理时限、收费依据及标准
                出处: 未核实
        """

    @Test func anUnconfirmedRowMissingIsAWarningWithItsProvenance() {
        let run = run(
            """
            事项:
              - 一级事项: 其他
                二级事项:
                  - 编号: 21-09-01
                    名称: 户籍证明
                    公开内容: 办理条件
            """, setup: ExampleSetup(domain: "户籍管理", baseline: Self.baseline))
        let missing = run.result.findings.filter { $0.code == "baseline-item-missing" }
        #expect(missing.count == 2)
        let confirmed = missing.first { $0.arguments["id"] == "21-01-01" }
        let unconfirmed = missing.first { $0.arguments["id"] == "21-02-02" }
        #expect(confirmed?.severity == .error)
        #expect(unconfirmed?.severity == .warning)
        #expect(unconfirmed?.notes.contains { $0.zh.contains("未核实") } == true)
        #expect(confirmed?.notes.contains { $0.zh.contains("已核实") } == true)
    }

    @Test func aTableThatSplitsABaselineRowConforms() {
        // 出生登记 split into two rows, as local tables do; both name the baseline 编号.
        let split = """
            事项:
              - 一级事项: 出生登记
                二级事项:
                  - 编号: 21-01-02
                    名称: 国内出生登记
                    公开内容: 受理部门、办理条件、办理流程、所需材料、办理时限
                    基准编号: 21-01-01
                  - 编号: 21-01-03
                    名称: 国外出生登记
                    公开内容: 受理部门、办理条件、办理流程、所需材料、办理时限
                    基准编号: 21-01-01
            未涉及事项:
              - 编号: 21-02-02
                说明: 由县公安局办理
            """
        let run = run(split, setup: ExampleSetup(domain: "户籍管理", baseline: Self.baseline))
        #expect(run.loaded.catalog?.items.compactMap { $0.baselineID?.value } == ["21-01-01", "21-01-01"])
        #expect(!run.result.findings.contains { $0.code.hasPrefix("baseline-") }, "\(run.result.findings.map(\.code))")
        let without = self.run(
            split.replacingOccurrences(of: "基准编号: 21-01-01", with: "备注: 拆分"),
            setup: ExampleSetup(domain: "户籍管理", baseline: Self.baseline))
        #expect(
            without.result.findings.contains { $0.code == "baseline-item-missing" && $0.arguments["id"] == "21-01-01" })
    }

    @Test func theNationalBaselineCarriesItsProvenance() throws {
        let row = try #require(BaselineProvenance.row("21-02-02"))
        #expect(row.item.isUnconfirmed)
        let confirmed = try #require(BaselineProvenance.row("21-01-01"))
        #expect(!confirmed.item.isUnconfirmed)
        #expect(BaselineProvenance.explain("21-02-02", language: .zh)?.contains("未核实") == true)
        #expect(BaselineProvenance.explain("21-01-01", language: .zh)?.contains("公治安〔2019〕158号") == true)
        var unconfirmed = 0, total = 0
        for domain in DomainRegistry.pilot.domains {
            let items = Baseline.catalog(for: domain)?.items ?? []
            total += items.count
            unconfirmed += items.filter(\.isUnconfirmed).count
        }
        #expect(total >= 400)
        #expect(unconfirmed >= 104, "every row marked [未核实] before is 未核实 now: \(unconfirmed)")
    }

    // MARK: Bodies

    @Test func aTownshipRoleNeverGetsACountyBody() {
        // 天津市宝坻区 社会救助: 公开主体 "县级政府民政部门、乡镇政府(街道办事处)" in a county catalog.
        let run = run(
            """
            事项:
              - 一级事项: 综合业务
                二级事项:
                  - 编号: 19-01-01
                    名称: 政策
                    公开内容: 《社会救助暂行办法》
                    公开主体: [县级政府民政部门, 乡镇政府(街道办事处)]
                    公开层级: [县级, 乡级]
            """, setup: ExampleSetup(level: .county, domain: "社会救助"))
        let roles = run.result.findings.filter { $0.code == "body-role-unreplaced" }
        #expect(roles.count == 2)
        let township = roles.first { $0.arguments["body"] == "乡镇政府(街道办事处)" }
        let notes = township?.notes.map(\.zh).joined(separator: "\n") ?? ""
        #expect(!notes.contains("示例县"), "no county body for a township role: \(notes)" as Comment)
        #expect(notes.contains("星海镇人民政府") && notes.contains("长胜乡人民政府"), "\(notes)")
        let county = roles.first { $0.arguments["body"] == "县级政府民政部门" }
        let countyNotes = county?.notes.map(\.zh).joined(separator: "\n") ?? ""
        #expect(countyNotes.contains("示例县民政局"), "\(countyNotes)")
        #expect(!countyNotes.contains("星海镇"), "\(countyNotes)")
    }

    // MARK: 默认

    @Test func aFindingAtDefaultsListsEveryItem() {
        let run = run(
            """
            默认:
              公开依据: [《中华人民共和国政府信息公开条例》]
              公开时限: 自信息形成之日起30日内
              公开主体: [星海镇人民政府]
              公开渠道: [政府网站]
              公开对象: 全社会
              公开方式: 主动
              公开层级: [乡级]
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                  - 编号: 17-02-02
                    名称: 岗位信息
                    公开内容: 岗位要求
                  - 编号: 17-02-03
                    名称: 政策
                    公开内容: 政策
                    公开时限: 自信息形成之日起10个工作日内
            """)
        let exceeds = run.result.findings.filter { $0.code == "time-limit-exceeds" }
        #expect(exceeds.count == 1)
        #expect(exceeds.first?.items == ["17-02-01", "17-02-02"])
    }
}
