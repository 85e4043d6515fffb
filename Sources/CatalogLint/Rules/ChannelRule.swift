import CatalogModel
import Diagnostics

/// 公开渠道: information for everyone, published proactively, needs an online channel; information for specific
/// people is rarely reached through the government website alone.
struct ChannelRule: LintRule {
    static let noOnline = lintKind(
        "channel-no-online", .warning,
        title: .t("面向全社会的主动公开事项没有网上渠道", "No online channel for a public proactive item"),
        message: .t(
            "事项 {id} 面向全社会主动公开，但公开渠道中没有政府网站或两微一端",
            "item {id} is proactive for everyone but has no online channel (政府网站 or 两微一端)"),
        hint: .t("加上「政府网站」（或「两微一端」），让群众在网上也能查到", "add 政府网站 (or 两微一端) so that people can find it online"))

    static let websiteOnly = lintKind(
        "channel-website-only", .info,
        title: .t("面向特定群众的事项只在政府网站公开", "Item for specific people only on the website"),
        message: .t(
            "事项 {id} 面向特定群众，却只在政府网站公开", "item {id} is for specific people but published only on the government website"),
        hint: .t("特定群众往往不看政府网站，可加上「精准推送」或「入户/现场」等渠道", "specific people rarely read the website: consider 精准推送 or 入户/现场")
    )

    static let description = RuleDescription(
        identifier: "channel",
        name: .t("公开渠道", "Channels"),
        kinds: [noOnline, websiteOnly],
        rationale: .t(
            "政府网站是政府信息公开的第一平台。面向全社会主动公开的事项，至少要有一个网上渠道（政府网站、两微一端，或名称表明在网上的「其他：…」渠道，如某某微信公众号）；只贴在公开栏、查阅点的信息，外出务工的群众看不到。反过来，面向特定群众（如补贴对象、困难群众）的事项只放在政府网站上，往往到不了当事人，通常还需要精准推送或入户/现场告知。",
            "The government website is the first platform of disclosure: a proactive item for everyone needs at least one online channel (政府网站 or 两微一端); notice boards alone do not reach people working away. Conversely an item for specific people placed only on the website rarely reaches them; targeted push or door-to-door notice usually belongs with it."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
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
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
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
                """)
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
        // Items are read in place; only a failing one is bound (a `CatalogItem` copy retains each of its fields).
        let items = file.items
        for index in items.indices {
            let channels = items[index].channels.value.map(\.value)
            let audience = items[index].audience.value
            if audience == .everyone, items[index].mode.value == .proactive, !channels.contains(where: Self.isOnline) {
                noOnline.append((items[index], ["id": items[index].id.value]))
            }
            if audience == .specificGroups, !channels.isEmpty,
                channels.allSatisfy({ $0 == .standard(.governmentWebsite) })
            {
                websiteOnly.append((items[index], ["id": items[index].id.value]))
            }
        }
        let position = catalog.defaults?.channels?.position
        return file.reportPerItem(Self.noOnline, element: .channels, failing: noOnline, defaultsPosition: position)
            + file.reportPerItem(Self.websiteOnly, element: .channels, failing: websiteOnly, defaultsPosition: position)
    }
}
