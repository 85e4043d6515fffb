import CatalogImport
import CatalogModel
import Foundation
import Testing

/// Six real published catalog tables (Tests/Fixtures/import/README.md) import with every cell as published.
struct RealTableTests {
    static let gaizhouBasis = [
        "《信息公开条例》及相关规定",
        "根据国务院《社会救助暂行办法》",
        "《辽宁省人民政府办公厅关于全面实施临时救助制度的通知》(辽政办发(2014)74号",
        "《关于进一步做好脱贫攻坚期间临时救助工作的通知》辽民发(2018)74号等相关文件",
    ]

    @Test func gaizhouWorkbookWithMergedRanges() throws {
        let result = try Support.importFixture("gaizhou-social-assistance.xlsx", jurisdiction: "盖州市", level: .county)
        #expect(result.failures.isEmpty)
        let output = try #require(result.outputs.first)
        #expect(result.outputs.count == 1 && output.domain == "社会救助" && output.region == "盖州市")
        #expect(output.levelLabels == [.county: "县级", .township: "乡、 村级"])
        #expect(output.items.count == 2)
        let time = "制 定 或 获 取 信 息之日起 10 个 工作日内"
        ExpectedRow(
            id: "19-01-01", group: "综合 业务", name: "政策 法规 文件", content: "《社会救助暂行办法》 各地配套政策法规文件",
            basis: Self.gaizhouBasis, timeLimit: time, bodies: ["盖州市民政局"], channels: ["政府网站"],
            levels: [.county, .township]
        ).check(output.items[0], "盖州 row 1")
        // Row 2 takes 一级事项, 公开依据, 公开时限, 公开主体 and the channels from the merged ranges above it.
        ExpectedRow(
            id: "19-01-02", group: "综合 业务", name: "监督 检查", content: "社会救助信访通讯地址 社会救助投诉举报电话",
            basis: Self.gaizhouBasis, timeLimit: time, bodies: ["盖州市民政局"], channels: ["政府网站"],
            levels: [.county, .township]
        ).check(output.items[1], "盖州 row 2")
        #expect(output.items[1].place.zh == "gaizhou-social-assistance.xlsx!社会救助!5:5")
        // No 发布机构 and no 版本 in the table: left out and reported, not invented.
        #expect(result.notes.filter { $0.code == "import-value-missing" }.count == 2)
        #expect(!output.text.contains("发布机构") && !output.text.contains("版本"))
        #expect(result.exitStatus == 1)
    }

    @Test func tengchongWorkbookWithGluedOtherBox() throws {
        let result = try Support.importFixture("tengchong-employment.xlsx", jurisdiction: "腾冲市", level: .county)
        let output = try #require(result.outputs.first)
        #expect(output.domain == "就业" && output.items.count == 1)
        ExpectedRow(
            id: "17-01-01", group: "1.就业信息 服务", name: "1.1就业政策 法规咨询",
            content: "1.就业创业政策项目 2.对象范围 3.政策申请条件 4.政策申请材料 5.办理流程 6.办理地点(方式) 7次沟中迁",
            basis: [
                "1. 《中华人民共和国政府信息公开条例》(中华人民共和国国务院 令第711号)",
                "2《中华人民共和国就业促进法》(2007年8月30日第十届全国人民 代表大会常务委员会第二十九次会议通过根据2015年4月24日第十 二届全国人民代表大会常务委员会第十四次《关于修改〈中华人民 共和国电力法〉等六部法律的决定》修正)",
                "3《人力资源市场暂行条例》(中华人民共和国国务院令第700号)",
            ],
            timeLimit: "公开事项 信息形成 或变更之 日起20个 工作日内 公开", bodies: ["乡镇人民 政府"],
            channels: ["政府网站", "政务服务中心", "其他：基层公共服务平台"], levels: [.county, .township]
        ).check(output.items[0], "腾冲 row 1")
        // The 编号 came by similarity: reported with its score and place.
        let match = try #require(result.notes.first { $0.code == "import-similar-match" })
        #expect(
            match.place.zh == "tengchong-employment.xlsx!Sheet1!4:4" && match.message.zh.contains("17-01-01")
                && match.message.zh.contains("%"))
    }

    @Test func deanCSVInGB18030WithoutGroupColumn() throws {
        let result = try Support.importFixture("dean-agricultural-funds.csv", jurisdiction: "德安县", level: .county)
        let output = try #require(result.outputs.first)
        // 涉农资金 is how the title names 涉农补贴: kept as written.
        #expect(output.domain == "涉农资金" && output.items.count == 2)
        let common = (basis: ["《中华人民共和国政府信息公开条例》(国令第711号) 号"], time: "信息形成或者变更之日起20个工作日内")
        ExpectedRow(
            id: "L22-01-01", group: "政策文件", name: "政策文件", content: "1、中央及地方政府下发涉农资金相关文件 2、我镇涉农资金相关文件",
            basis: common.basis, timeLimit: common.time, bodies: ["镇级人民政府"], channels: ["政府网站", "公开查阅点"],
            levels: [.township]
        ).check(output.items[0], "德安 row 1")
        ExpectedRow(
            id: "L22-02-01", group: "资金明细", name: "资金明细", content: "涉农相关资金明细",
            basis: common.basis, timeLimit: common.time, bodies: ["镇级人民政府"], channels: ["政府网站", "公开查阅点"],
            levels: [.township]
        ).check(output.items[1], "德安 row 2")
        #expect(result.notes.contains { $0.code == "import-no-group-column" && $0.level == .warning })
        #expect(
            result.notes.filter { $0.code == "import-local-number" }.map(\.place.zh) == [
                "dean-agricultural-funds.csv：第 4 行", "dean-agricultural-funds.csv：第 5 行",
            ])
    }

    @Test func ynfqWordTableWithVerticalMerges() throws {
        let result = try Support.importFixture(
            "ynfq-elderly-care.docx", jurisdiction: "富宁县某乡", domain: "养老服务", level: .township)
        let output = try #require(result.outputs.first)
        #expect(output.items.count == 2)
        let channels = ["政府网站", "其他：政府服务中心"]
        ExpectedRow(
            id: "20-02-01", group: "养老服务业务办理", name: "养老机构备案",
            content: "●备案申请材料清单及样式 ●备案流程 ●办理部门 ●办理时限 ●办理时间、地点 ●咨询电话",
            basis: ["信息公开规定"], timeLimit: "制定或获取备案政策之日起10个工作日内", bodies: ["乡人民政府"], channels: channels,
            levels: [.township]
        ).check(output.items[0], "富宁 row 1")
        ExpectedRow(
            id: "20-02-02", group: "养老服务业务办理", name: "养老服务扶持补贴",
            content:
                "●养老服务扶持补贴名称(建设补贴、运营补贴等) ●各项养老服务扶持补贴依据 ●各项养老服务扶持补贴对象 ●各项养老服务扶持补贴申请条件 ●各项养老服务扶持补贴内容和标准 ●各项养老服务扶持补贴方式 ●补贴申请材料清单及样式 ●办理流程 ●办理部门 ●办理时限 ●办理时间、地点 ●咨询电话",
            basis: ["信息公开规定"], timeLimit: "制定或获取扶持补贴政策之日起10个工作日内", bodies: ["乡人民政府"], channels: channels,
            levels: [.township]
        ).check(output.items[1], "富宁 row 2")
        // 政府服务中心 is not a standard box: kept as 其他：政府服务中心, noted at its cell.
        let notes = result.notes.filter { $0.code == "import-channel-other" }
        #expect(
            notes.map(\.place.zh) == [
                "ynfq-elderly-care.docx：表格 1 第 3 行第 8 列", "ynfq-elderly-care.docx：表格 1 第 4 行第 8 列",
            ])
    }

    @Test func tjbdPageInGBKWithRowspans() throws {
        let result = try Support.importFixture("tjbd-social-assistance.html", jurisdiction: "宝坻区", level: .county)
        let output = try #require(result.outputs.first)
        #expect(output.items.count == 4 && output.domain == "社会救助")
        #expect(output.levelLabels == [.county: "县级", .township: "乡、村级"])
        let basis = ["《信息公开条例》及相关规定"], time = "制定或获取信息之日起10个工作日内"
        let bodies = ["县级政府民政部门", "乡镇政府(街道办事处)"]
        ExpectedRow(
            id: "L19-01-01", group: "综合业务", name: "政策", content: "《社会救助暂行办法》", basis: basis, timeLimit: time,
            bodies: bodies, channels: ["政府网站"], levels: [.county, .township]
        ).check(output.items[0], "宝坻 row 1")
        ExpectedRow(
            id: "19-01-02", group: "综合业务", name: "监督", content: "社会救助信访通讯地址", basis: basis, timeLimit: time,
            bodies: bodies, channels: ["政府网站"], levels: [.county, .township]
        ).check(output.items[1], "宝坻 row 2")
        ExpectedRow(
            id: "L19-02-01", group: "最低生活保障", name: "政策",
            content: "《国务院关于进一步加强和改进最低生活保障工作的意见》、《最低生活保障审核审批办法(试行)》、各地配套政策法规文件",
            basis: basis, timeLimit: time, bodies: bodies, channels: ["政府网站"], levels: [.county, .township]
        ).check(output.items[2], "宝坻 row 3")
        ExpectedRow(
            id: "19-02-02", group: "最低生活保障", name: "办事\n指南",
            content: "办理事项、办理条件、最低生活保障标准、申请材料、办理流程、办理时间、地点、联系方式",
            basis: ["《国务院关于进一步加强和改进最低生活保障工作的意见》、各地相关政策法规文件"], timeLimit: time, bodies: bodies,
            channels: ["政府网站"], levels: [.county, .township]
        ).check(output.items[3], "宝坻 row 4")
        let similar = try #require(result.notes.first { $0.code == "import-similar-match" })
        #expect(similar.place.zh == "tjbd-social-assistance.html：表格 1 第 4 行" && similar.message.zh.contains("19-01-02"))
    }

    @Test func tonghaiPageWithThreeTablesInALayoutTable() throws {
        let result = try Support.importFixture("tonghai-jiulong.html", jurisdiction: "九龙街道")
        #expect(result.outputs.map(\.domain) == ["重大建设项目", "公共资源交易", "义务教育"])
        #expect(
            result.outputs.map(\.source.zh) == [
                "tonghai-jiulong.html：表格 2", "tonghai-jiulong.html：表格 3", "tonghai-jiulong.html：表格 4",
            ])
        let rows = result.outputs.map { $0.items[0] }
        ExpectedRow(
            id: "02-04-01", group: "征收土 地信息", name: "征收土 地信息",
            content: "征地告知书以及履行征地报批前程序的相关证明材料,征收土地方案、征地批后实施中征地公告、征地补偿安置方案公告等",
            basis: ["《政府信息公开条例》", "《关于推进重大建设项目批准和实施领域政府信息公开的意见》"], timeLimit: "信息形成20个工 作日内公开",
            bodies: ["九龙街道办事处"], channels: ["政府网站"], levels: [.township]
        ).check(rows[0], "通海 table 2")
        ExpectedRow(
            id: "03-02-01", group: "政府采 购信息", name: "法律法规及政策文件", content: "与政府采购有关的法律法规及政策文件",
            basis: ["《中华人民共和国政府信息公开条例》"], timeLimit: "信息形成或者变更之日起20个工作日内",
            bodies: ["九龙街道办事处"], channels: ["政府网站"], levels: [.township]
        ).check(rows[1], "通海 table 3")
        ExpectedRow(
            id: "23-07-01", group: "重要政策执行情况", name: "控辍保学", content: "辖区内控辍保学实施情况",
            basis: ["相关政策文件"], timeLimit: "信息形成或者变更之日起20个工作日内",
            bodies: ["九龙街道办事处"], channels: ["政府网站"], levels: [.township]
        ).check(rows[2], "通海 table 4")
        // 街道 is a township-level office: the level is read from the name, and reported as a guess.
        #expect(result.notes.filter { $0.code == "import-level-guessed" }.count == 3)
    }
}
