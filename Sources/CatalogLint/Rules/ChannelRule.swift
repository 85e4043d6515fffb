import CatalogModel
import Diagnostics

/// 公开渠道: information for everyone, published proactively, needs an online channel; information for specific
/// people is rarely reached through the government website alone.
struct ChannelRule: LintRule {
    static let noOnline = lintKind(
        "channel-no-online", .warning,
        title: .t("面向全社会的主动公开事项没有网上渠道", "No online channel for a public proactive item"),
        message: .t("事项 {id} 面向全社会主动公开，但公开渠道中没有政府网站或两微一端", "item {id} is proactive for everyone but has no online channel (政府网站 or 两微一端)"),
        hint: .t("加上「政府网站」（或「两微一端」），让群众在网上也能查到", "add 政府网站 (or 两微一端) so that people can find it online"))

    static let websiteOnly = lintKind(
        "channel-website-only", .info,
        title: .t("面向特定群众的事项只在政府网站公开", "Item for specific people only on the website"),
        message: .t("事项 {id} 面向特定群众，却只在政府网站公开", "item {id} is for specific people but published only on the government website"),
        hint: .t("特定群众往往不看政府网站，可加上「精准推送」或「入户/现场」等渠道", "specific people rarely read the website: consider 精准推送 or 入户/现场"))

    static let description = RuleDescription(
        identifier: "channel",
        name: .t("公开渠道", "Channels"),
        kinds: [noOnline, websiteOnly],
        rationale: .t(
            "政府网站是政府信息公开的第一平台。面向全社会主动公开的事项，至少要有一个网上渠道（政府网站、两微一端，或名称表明在网上的「其他：…」渠道，如某某微信公众号）；只贴在公开栏、查阅点的信息，外出务工的群众看不到。反过来，面向特定群众（如补贴对象、困难群众）的事项只放在政府网站上，往往到不了当事人，通常还需要精准推送或入户/现场告知。",
            "The government website is the first platform of disclosure: a proactive item for everyone needs at least one online channel (政府网站 or 两微一端); notice boards alone do not reach people working away. Conversely an item for specific people placed only on the website rarely reaches them; targeted push or door-to-door notice usually belongs with it."),
        nonTriggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开渠道: [两微一端, 便民服务站]
                      - 编号: 17-02-03
                        名称: 岗位信息
                        公开内容: 岗位要求
                        公开渠道: [公开查阅点, "其他：县人社局微信公众号"]
                      - 编号: 17-02-02
                        名称: 就业困难人员补贴发放
                        公开内容: 补贴对象、标准
                        公开对象: 特定群众
                        公开渠道: [政府网站, 精准推送]
                """),
        ],
        triggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开渠道: ↓[公开查阅点, 社区/企事业单位/村公示栏(电子屏)]
                      - 编号: 17-02-02
                        名称: 就业困难人员补贴发放
                        公开内容: 补贴对象、标准
                        公开对象: 特定群众
                        公开渠道: ↓[政府网站]
                """),
        ])

    /// 政府网站, 两微一端, or a named platform that is online (其他：县人社局微信公众号).
    static func isOnline(_ channel: Channel) -> Bool {
        switch channel {
        case .standard(let box): return box.isOnline
        case .other(let name):
            return ["网站", "网页", "微信", "公众号", "微博", "小程序", "客户端", "APP", "App", "app", "政务网", "门户", "抖音", "视频号", "网上"]
                .contains(where: name.contains)
        }
    }

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog else { return [] }
        var noOnline: [(item: CatalogItem, arguments: [String: String])] = []
        var websiteOnly: [(item: CatalogItem, arguments: [String: String])] = []
        for item in catalog.items {
            let channels = item.channels.value.map(\.value)
            if item.audience.value == .everyone, item.mode.value == .proactive, !channels.contains(where: Self.isOnline) {
                noOnline.append((item, ["id": item.id.value]))
            }
            if item.audience.value == .specificGroups, !channels.isEmpty,
               channels.allSatisfy({ $0 == .standard(.governmentWebsite) }) {
                websiteOnly.append((item, ["id": item.id.value]))
            }
        }
        let position = catalog.defaults?.channels?.position
        return file.reportPerItem(Self.noOnline, element: .channels, failing: noOnline, defaultsPosition: position)
            + file.reportPerItem(Self.websiteOnly, element: .channels, failing: websiteOnly, defaultsPosition: position)
    }
}

/// 公开层级: a township catalog's items are disclosed at 乡级, a county catalog's at 县级.
struct LevelRule: LintRule {
    static let kind = lintKind(
        "level-own-missing", .error,
        title: .t("事项的公开层级不含本级", "Item not disclosed at the catalog's level"),
        message: .t("本目录为{level}目录，事项 {id} 的公开层级中没有「{level}」", "this is a {level} catalog but the 公开层级 of item {id} lacks {level}"),
        hint: .t("在公开层级中加上「{level}」；本级不公开的事项不列入本级目录（可列入「未涉及事项」）", "add {level} to 公开层级; items not disclosed at this level do not belong in this catalog (list them under 未涉及事项)"))

    static let description = RuleDescription(
        identifier: "level",
        name: .t("公开层级", "Levels"),
        kinds: [kind],
        rationale: .t(
            "目录表的「公开层级」一栏说明由哪一级公开。乡级目录里的事项由乡镇公开，公开层级必须包括乡级；县级目录的事项必须包括县级。否则印出来的表格本级一栏是空的，群众不知道该找谁。全国基准目录不检查。",
            "The 公开层级 column says which level discloses an item. Items of a township catalog are disclosed by the township, so their levels include 乡级; a county catalog's include 县级. Otherwise the printed table leaves the catalog's own column empty. The national baseline is not checked."),
        nonTriggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开层级: [县级, 乡级]
                """),
        ],
        triggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开层级: ↓[县级]
                """),
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 就业资金
                        公开内容: 资金分配结果
                        公开层级: ↓[乡级]
                """, setup: ExampleSetup(level: .county)),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog, !file.isBaseline else { return [] }
        let own = catalog.level.value
        let failing = catalog.items.filter { !$0.levels.value.contains { $0.value == own } }
            .map { (item: $0, arguments: ["id": $0.id.value, "level": own.rawValue]) }
        return file.reportPerItem(Self.kind, element: .levels, failing: failing, defaultsPosition: catalog.defaults?.levels?.position)
    }
}
