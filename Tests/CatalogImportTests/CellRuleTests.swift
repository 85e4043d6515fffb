import CatalogImport
import CatalogModel
import Diagnostics
import Foundation
import Testing

/// The cell rules of issue 9 item 3, each on the shapes tables print.
struct CellRuleTests {
    static func texts(_ reading: CellRules.ChannelReading) -> [String] { reading.channels.map(\.text) }

    @Test func channelCellsInEveryShape() {
        // A full ■/□ checklist, two boxes a line.
        #expect(
            Self.texts(CellRules.channels("■政府网站 □政府公报\n□两微一端 ■发布会/听证会\n■社区/企事业单位/村公示栏(电子屏)\n□精准推送 □其他"))
                == ["政府网站", "发布会/听证会", "社区/企事业单位/村公示栏(电子屏)"])
        // Only the ticked boxes.
        #expect(Self.texts(CellRules.channels("■政府网站 ■公开查阅点")) == ["政府网站", "公开查阅点"])
        // Plain text with 、，, / and spaces; the slash inside 发布会/听证会 and 入户/现场 is not a separator.
        #expect(
            Self.texts(CellRules.channels("政府网站、两微一端，发布会/听证会 入户/现场/便民服务站,纸质媒体"))
                == ["政府网站", "两微一端", "发布会/听证会", "入户/现场", "便民服务站", "纸质媒体"])
        // Glued to a box, with and without a colon.
        #expect(Self.texts(CellRules.channels("■其他法律服务网")) == ["其他：法律服务网"])
        #expect(Self.texts(CellRules.channels("■其他：县人社局微信公众号")) == ["其他：县人社局微信公众号"])
        // Boxes glued together, and 口 typed for □ before a box name.
        #expect(Self.texts(CellRules.channels("■公开查阅点□行政服务中心 口便民服务站■入户/现场")) == ["公开查阅点", "入户/现场"])
        // A trailing note goes to 备注.
        let noted = CellRules.channels("■政府网站 ■便民服务站 注：涉及个人隐私的信息不公开")
        #expect(Self.texts(noted) == ["政府网站", "便民服务站"] && noted.note == "注：涉及个人隐私的信息不公开")
        // Variant names go to the standard box; unknown names stay as 其他：名称.
        let variants = CellRules.channels("■社区/村公示栏(电子屏) ■行政服务中心 ■村务公开栏 ■镇村公示公开栏 ■县融媒体中心")
        #expect(Self.texts(variants) == ["社区/企事业单位/村公示栏(电子屏)", "政务服务中心", "其他：县融媒体中心"])
        #expect(variants.variants.map(\.0) == ["社区/村公示栏(电子屏)", "行政服务中心", "村务公开栏", "镇村公示公开栏"])
        #expect(variants.unknown == ["县融媒体中心"])
        // A ticked 其他 without a name cannot be a channel: flagged.
        #expect(CellRules.channels("■政府网站 ■其他").bareOther)
    }

    @Test func ticks() {
        for mark in ["√", "✓", "■", "●", "是", " √ "] { #expect(CellRules.tick(mark) == .yes, "\(mark)") }
        for mark in ["", "□", "×", "否", "/"] { #expect(CellRules.tick(mark) == .no, "\(mark)") }
        #expect(CellRules.tick("县级") == .unreadable)
        // A page prints the tick with its column's word (for screen readers and phone cards): only that word counts.
        #expect(CellRules.tick("√依申请", columnTitle: "依申请") == .yes)
        #expect(CellRules.tick("√ 乡、村级", columnTitle: "乡、村级") == .yes)
        #expect(CellRules.tick("", columnTitle: "依申请") == .no)
        #expect(CellRules.tick("√主动", columnTitle: "依申请") == .unreadable)
        #expect(CellRules.tick("依申请", columnTitle: "依申请") == .unreadable)
    }

    @Test func basisAndBodies() {
        #expect(CellRules.basis("《中华人民共和国政府信息公开条例》《社会救助暂行办法》等") == ["《中华人民共和国政府信息公开条例》", "《社会救助暂行办法》等"])
        #expect(CellRules.basis("《预算法》、《预算法实施条例》 《地方预决算公开操作规程》第三条") == ["《预算法》", "《预算法实施条例》", "《地方预决算公开操作规程》第三条"])
        #expect(CellRules.basis("《政府信息公开条例》（国令第711号）\n《就业促进法》") == ["《政府信息公开条例》（国令第711号）", "《就业促进法》"])
        #expect(CellRules.basis("相关法律、法规") == ["相关法律、法规"])
        #expect(CellRules.bodies("县民政局、乡镇人民政府") == ["县民政局", "乡镇人民政府"])
    }

    @Test func levelLabels() {
        #expect(HeaderRecognizer.level(ofLabel: "乡、村级") == .township)
        #expect(HeaderRecognizer.level(ofLabel: "区级") == .county)
        #expect(HeaderRecognizer.level(ofLabel: "街道级") == .township)
        #expect(HeaderRecognizer.level(ofLabel: "县（市、区）级") == .county)
        #expect(HeaderRecognizer.level(ofLabel: "村级") == .village)
        #expect(HeaderRecognizer.level(ofLabel: "镇级") == .township)
        #expect(HeaderRecognizer.level(ofLabel: "公开层级") == nil)
    }

    /// 同上, blank cells, repeated 一级事项 labels and ticks written as 是 or ●, in a one-row-header CSV-like table.
    @Test func sameAsAboveBlankCellsAndRepeatedBlocks() {
        let header = [
            "序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "全社会", "特定群众", "主动", "依申请", "区级", "街道级",
        ]
        let rows: [[String]] = [
            header,
            ["1", "救助政策", "低保政策", "低保标准", "《社会救助暂行办法》", "10个工作日内", "区民政局", "政府网站", "是", "", "●", "", "是", "是"],
            ["2", "", "特困政策", "特困标准", "同上", "同上", "同上", "同上", "是", "", "●", "", "", "是"],
            ["3", "救助结果", "低保名单", "名单", "", "20个工作日内", "街道办事处", "公示栏", "", "是", "", "是", "", "是"],
            ["4", "救助政策", "临时救助政策", "临时救助标准", "《社会救助暂行办法》", "10个工作日内", "区民政局", "政府网站", "", "", "√", "", "", "是"],
        ]
        let table = SourceTable(fileName: "目录.csv", kind: .csv, rows: rows.map { $0.map { SourceCell($0) } })
        var notes: [ImportNote] = []
        let catalogs = TableReader().read(SourceDocument(fileName: "目录.csv", tables: [table]), notes: &notes)
        let catalog = catalogs[0]
        #expect(catalog.levelLabels == [.county: "区级", .township: "街道级"])
        let items = catalog.items
        #expect(items.map(\.group) == ["救助政策", "救助政策", "救助结果", "救助政策"])
        // 同上 takes the row above.
        #expect(items[1].basis == ["《社会救助暂行办法》"] && items[1].timeLimit == "10个工作日内" && items[1].bodies == ["区民政局"])
        #expect(notes.filter { $0.code == "import-same-as-above" }.count == 4)
        // A blank 公开依据 continues the row above, reported as a guess at its cell.
        #expect(items[2].basis == ["《社会救助暂行办法》"])
        #expect(
            notes.contains {
                $0.code == "import-blank-continued" && $0.place.zh == "目录.csv：第 4 行第 5 列" && $0.level == .warning
            })
        #expect(items[2].audience == .specificGroups && items[2].mode == .onRequest && items[2].levels == [.township])
        #expect(items[0].levels == [.county, .township] && items[1].levels == [.township])
        // The ■ channel variant (公示栏) is the notice-board box.
        #expect(items[2].channels == [.standard(.noticeBoard)])
        // No 公开对象 ticked: left out and reported, not guessed.
        #expect(items[3].audience == nil)
        #expect(notes.contains { $0.code == "import-value-missing" && $0.place.zh == "目录.csv：第 5 行" })
        // A repeated 一级事项 further down starts a new block.
        #expect(catalog.groups.map(\.name) == ["救助政策", "救助结果", "救助政策"])
    }
}

/// Level labels read from a table go into gkml.yaml's 层级名称, added and never replaced.
struct LevelLabelTests {
    @Test func labelsAreAddedBeforeTheJurisdictionsAndDisagreementsReported() throws {
        let text = "格式: gkml-workspace/1\n地区: 宝坻区\n层级: 县级\n# 各辖区\n辖区:\n  - 名称: 宝坻区\n    层级: 县级\n    目录: 区本级\n"
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("gkml.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let workspace = try #require(WorkspaceLoader.load(path: file.path).workspace)
        var notes: [ImportNote] = []
        let place = LocalizedText(zh: "page.html：表格 1", en: "page.html: table 1")
        let edited = try #require(
            LevelLabelWriter.edit(
                workspace: workspace, text: text, labels: [.county: "区级", .township: "街道级"], place: place, notes: &notes
            ))
        #expect(edited.contains("层级名称:\n  县级: 区级\n  乡级: 街道级\n# 各辖区\n辖区:"))
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let reloaded = try #require(WorkspaceLoader.load(path: file.path).workspace)
        #expect(reloaded.levelLabels == [.county: "区级", .township: "街道级"])
        // A table that prints another label does not change gkml.yaml: it is reported.
        var more: [ImportNote] = []
        #expect(
            LevelLabelWriter.edit(
                workspace: reloaded, text: edited, labels: [.township: "乡、村级"], place: place, notes: &more) == nil)
        #expect(more.map(\.code) == ["import-level-label-differs"])
    }
}
