import CatalogModel
import Foundation
import Testing
@testable import CatalogRender

/// Real published tables typed in under Tests/Fixtures/published (sources in its README), rendered with the
/// place's own channel style and level columns, read back from the Word file with python-docx, and compared
/// with the rows as the place printed them.
@Suite struct PublishedTableTests {
    struct Published {
        var folder: String
        /// The level headers as printed.
        var levelHeaders: [String]
        /// Per row: 二级事项, 公开内容, the channel cell as printed (whitespace-separated boxes), and which
        /// split columns carry √ (全社会, 特定群众, 主动, 依申请, then the levels).
        var rows: [(name: String, content: String, channels: String, ticks: [Bool])]
    }

    static let tables: [Published] = [
        Published(
            folder: "fengtun-zhengfu-wenjian", levelHeaders: ["镇级", "村级"],
            rows: [
                ("政府文件", "政府文件。", "■政府网站 ■单位/村委会公示栏(电子屏)", [true, false, true, false, true, false]),
                (
                    "乡镇简介", "乡镇行政区划、人口民族、发展优势、地理位置、自然概貌、水系、气候环境、自然资源、历史文化、旅游资源、综合实力和社会事业等信息。",
                    "■政府网站", [true, false, true, false, true, false]
                ),
                ("政府工作报告", "镇人民政府工作报告全文。", "■政府网站 ■会议", [true, false, true, false, true, false]),
            ]),
        Published(
            folder: "chebanzhen-chengxiang-guihua", levelHeaders: ["县级", "镇级"],
            rows: [
                ("镇总体规划及土地利用规划", "规划批准文件、脱密后的文本及图纸等", "■政府网站 ■党群服务中心", [true, false, true, false, false, true])
            ]),
        Published(
            folder: "dean-sheno", levelHeaders: ["乡级"],
            rows: [
                (
                    "政策文件", "1、中央及地方政府下发涉农资金相关文件 2、我镇涉农资金相关文件",
                    "■政府网站  □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 ■公开查阅点□行政服务中心 □便民服务站□入户/现场 □社区/企事业单位/村公示栏(电子屏) □精准推送 □其他",
                    [true, false, true, false, true]
                ),
                (
                    "资金明细", "涉农相关资金明细",
                    "■政府网站  □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 ■公开查阅点□行政服务中心 □便民服务站□入户/现场 □社区/企事业单位/村公示栏(电子屏) □精准推送 □其他",
                    [true, false, true, false, true]
                ),
            ]),
    ]

    /// The workspace's table of the one catalog in a fixture folder.
    static func table(_ folder: String) throws -> CatalogTable {
        let root = TestSupport.repositoryRoot.appendingPathComponent("Tests/Fixtures/published/\(folder)")
        let loaded = WorkspaceLoader.load(path: root.appendingPathComponent("gkml.yaml").path)
        let workspace = try #require(loaded.workspace, "\(folder)/gkml.yaml: \(loaded.findings.map(\.code))")
        let jurisdiction = try #require(workspace.jurisdictions.first)
        let catalogFolder = root.appendingPathComponent(jurisdiction.folder.value)
        let files = try FileManager.default.contentsOfDirectory(atPath: catalogFolder.path).filter {
            $0.hasSuffix(".yaml")
        }
        #expect(files.count == 1)
        let result = CatalogLoader.load(
            path: catalogFolder.appendingPathComponent(try #require(files.first)).path, registry: loaded.registry)
        let catalog = try #require(result.catalog, "\(folder): \(result.findings.map(\.code))")
        return CatalogTable(catalog, options: TableOptions(workspace: workspace), registry: loaded.registry)
    }

    /// The boxes of a printed checklist: mark and name, with the one name the page spells differently mapped.
    static func boxes(_ text: String) -> Set<String> {
        Set(text.matches(of: /([■□])([^■□\s]+)/).map { String($0.1) + ($0.2 == "行政服务中心" ? "政务服务中心" : String($0.2)) })
    }

    static func words(_ text: String) -> [String] { text.split(whereSeparator: \.isWhitespace).map(String.init) }

    @Test(arguments: tables.map(\.folder))
    func wordFileReproducesThePublishedRows(folder: String) throws {
        let published = try #require(Self.tables.first { $0.folder == folder })
        let table = try Self.table(folder)
        #expect(table.levelColumns.map(\.label) == published.levelHeaders)
        let document = try OfficeTests().readDocument(try DOCXWriter.document(table))
        let body = Array(document.rows.dropFirst(2))
        #expect(body.count == published.rows.count)
        let channelColumn = try #require(table.columns.firstIndex(of: .channels))
        let firstTick = try #require(table.columns.firstIndex(of: .audience(.everyone)))
        #expect(Array(document.rows[1].suffix(published.levelHeaders.count)) == published.levelHeaders)
        for (row, expected) in zip(body, published.rows) {
            #expect(row[table.columns.firstIndex(of: .name)!] == expected.name)
            #expect(row[table.columns.firstIndex(of: .content)!] == expected.content)
            if table.channelStyle == .checklist {
                #expect(Self.boxes(row[channelColumn]) == Self.boxes(expected.channels))
                #expect(Self.boxes(row[channelColumn]).count == 13)
            } else {
                #expect(
                    Self.words(row[channelColumn]) == Self.words(expected.channels), "\(folder): \(row[channelColumn])")
            }
            let ticks = row[firstTick..<firstTick + expected.ticks.count].map { $0 == "√" }
            #expect(ticks == expected.ticks, "\(folder) \(expected.name)")
        }
    }

    @Test func csvAndHTMLFollowTheStyleToo() throws {
        let table = try Self.table("fengtun-zhengfu-wenjian")
        let csv = String(decoding: CSVRenderer.render(table), as: UTF8.self)
        #expect(csv.contains("■政府网站 ■单位/村委会公示栏(电子屏)"))
        #expect(!csv.contains("□"))
        let page = try HTMLRenderer().catalogPage(table, context: PageContext(siteTitle: "凤屯镇"))
        #expect(page.contains("<ul class=\"ticked\"><li>■政府网站</li><li>■会议</li></ul>"))
        #expect(!page.contains("□政府公报"))
    }
}
