import SafeOutput
import CatalogModel
import Testing
@testable import CatalogRender

@Suite struct TableModelTests {
    let table = CatalogTable(
        Fixtures.employment, options: TableOptions(levels: [.county, .township], levelLabels: [.township: "乡、村级"]))

    @Test func titleAndFacts() {
        #expect(table.title == "示例县星海镇就业领域基层政务公开标准目录")
        #expect(table.itemCount == 3)
        #expect(table.domainInfo?.slug == "employment")
    }

    @Test func numbersRunThroughAndGroupsSpanTheirRows() {
        #expect(table.rows.map(\.number) == [1, 2, 3])
        #expect(table.rows.map(\.startsGroup) == [true, true, false])
        #expect(table.rows.map(\.groupSpan) == [1, 2, 0])
        #expect(table.groups.map(\.name) == ["就业创业政策", "就业服务"])
    }

    @Test func splitColumnsAreTicked() {
        let unemployed = table.rows[2]
        #expect(unemployed.audienceMarks == [false, true])
        #expect(unemployed.modeMarks == [false, true])
        #expect(table.levelColumns.map(\.label) == ["县级", "乡、村级"])
        #expect(table.rows[0].levelMarks == [true, true])
        #expect(table.rows[1].levelMarks == [false, true])
        #expect(table.lines(unemployed, .mode(.onRequest)) == ["√"])
        #expect(table.lines(unemployed, .mode(.proactive)) == [])
    }

    @Test func channelChecklistHasThirteenBoxesAndNamedOthers() {
        let cell = table.rows[0].channels
        #expect(cell.boxes.count == 13)
        #expect(
            cell.boxes.filter(\.ticked).map(\.channel) == [
                .governmentWebsite, .microBlogWeChatApp, .publicReadingPoint, .other,
            ])
        #expect(
            cell.checklistLines == [
                "■政府网站 □政府公报 ■两微一端", "□发布会/听证会 □广播电视 □纸质媒体", "■公开查阅点 □政务服务中心 □便民服务站",
                "□入户/现场", "□社区/企事业单位/村公示栏(电子屏)", "□精准推送 ■其他：县人社局微信公众号",
            ])
        #expect(cell.listText == "政府网站、两微一端、公开查阅点、县人社局微信公众号")
    }

    @Test func eachStylePrintsWhatItSays() {
        let cell = table.rows[0].channels
        #expect(cell.lines(.checklist) == cell.checklistLines)
        // Only the chosen boxes, each with ■; the named platform as its name.
        #expect(cell.lines(.ticked) == ["■政府网站", "■两微一端", "■公开查阅点", "■县人社局微信公众号"])
        #expect(cell.lines(.list) == ["政府网站、两微一端、公开查阅点、县人社局微信公众号"])
        // CSV and search: ；, never 、.
        #expect(cell.plainText(.list) == "政府网站；两微一端；公开查阅点；县人社局微信公众号")
        #expect(cell.chosenWords == ["政府网站", "两微一端", "公开查阅点", "其他", "县人社局微信公众号"])
        #expect(!cell.chosenWords.contains("政府公报"))
    }

    @Test func searchWordsAreWhatAReaderSees() {
        let unemployed = table.rows[2]
        let words = table.searchWords(unemployed)
        #expect(
            words.contains("17-02-03") && words.contains("特定群众") && words.contains("依申请公开") && words.contains("乡、村级"))
        #expect(!words.contains("全社会") && !words.contains("县级") && !words.contains("政府公报"))
        // The 不主动公开理由 label is not searched: 主动 must not find a 依申请 item.
        #expect(!words.joined(separator: " ").contains("主动"))
    }

    @Test func workspaceSettingsGiveStyleIDColumnAndEveryLabelledLevel() throws {
        let workspace = Workspace(
            file: "gkml.yaml", root: ".", region: Fixtures.located("凤屯镇"), level: Fixtures.located(.township),
            levelLabels: [.township: "镇级", .village: "村级"],
            jurisdictions: [
                Jurisdiction(
                    name: Fixtures.located("凤屯镇"), level: Fixtures.located(.township), folder: Fixtures.located("镇"))
            ],
            publishing: PublishSettings(channelStyle: .ticked, showsID: true)
        )
        let table = CatalogTable(Fixtures.employment, options: TableOptions(workspace: workspace))
        #expect(table.channelStyle == .ticked)
        // 村级 is named in 层级名称: it gets its column though no item uses it; 县级 is used by an item.
        #expect(table.levelColumns.map(\.label) == ["县级", "镇级", "村级"])
        #expect(table.columns.prefix(2) == [.number, .id])
        #expect(table.headerCells[1].title == "编号")
        // --channels wins over gkml.yaml.
        #expect(
            CatalogTable(Fixtures.employment, options: TableOptions(workspace: workspace, channelStyle: .list))
                .channelStyle == .list)
        // Hidden 编号 in print, but the workbook's table always has it.
        let hidden = CatalogTable(Fixtures.employment)
        #expect(!hidden.columns.contains(.id) && hidden.withID.columns.contains(.id))
    }

    @Test func notApplicableNamesTheBaselineItem() throws {
        let entry = try #require(table.notApplicableEntries.first)
        #expect(entry.id == "17-02-02")
        let name = try #require(entry.name)
        #expect(!name.isEmpty && entry.label == "17-02-02 " + name)
    }

    @Test func headerHasTheOfficialTwoRows() {
        #expect(
            table.headerCells.map(\.title) == [
                "序号", "公开事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象", "公开方式", "公开层级", "备注",
            ])
        #expect(table.subheaderColumns.map(\.title) == ["一级事项", "二级事项", "全社会", "特定群众", "主动", "依申请公开", "县级", "乡、村级"])
        #expect(table.columns.count == 15 && !table.columns.contains(.id))
    }

    @Test func itemLevelsOutsideTheWorkspaceGetAColumn() {
        var catalog = Fixtures.employment
        catalog.groups[0].items[0].levels = Fixtures.located([Fixtures.located(Level.village)])
        let table = CatalogTable(catalog, options: TableOptions(levels: [.county, .township]))
        #expect(table.levelColumns.map(\.level) == [.county, .township, .village])
    }

    @Test func safeNamesStayInsideTheOutputFolder() {
        for hostile in [
            "../../etc/passwd", "/etc/passwd", "a\u{0}b", "..", ".", "", "C:\\Windows", "con", "镇/../../x",
            "\u{202E}gpj.exe",
        ] {
            let name = SafeName.component(hostile)
            #expect(!name.isEmpty)
            #expect(!name.contains("/") && !name.contains("\\") && !name.contains("\u{0}") && !name.contains(".."))
            #expect(name != "." && name.uppercased() != "CON")
        }
        #expect(SafeName.component("示例县星海镇") == "示例县星海镇")
        #expect(SafeName.catalogBaseName(region: "../示例县", domain: "就业/../x").hasPrefix("示例县-"))
    }

    @Test func formulaTriggersAreNeutralised() {
        for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            #expect(SpreadsheetText.neutralised(text) == "'" + text)
        }
        #expect(SpreadsheetText.neutralised("政府网站") == "政府网站")
    }
}
