import CatalogModel
import Diagnostics

/// 调整记录: the current 版本 has its entry, so that every adjustment is traceable.
struct AdjustmentRule: LintRule {
    static let kind = lintKind(
        "adjustment-version-missing", .info,
        title: .t("当前版本没有调整记录", "No adjustment record for the current version"),
        message: .t("版本「{version}」在「调整记录」中没有对应的记录", "version \"{version}\" has no entry under 调整记录"),
        hint: .t(
            "在「调整记录」中加一条：日期、版本「{version}」和调整说明",
            "add an entry under 调整记录 with the date, 版本 \"{version}\" and what changed"))

    static let description = RuleDescription(
        identifier: "adjustment-record",
        name: .t("调整记录", "Adjustment record"),
        kinds: [kind],
        rationale: .t(
            "目录要动态调整，每次调整都要可追溯。已经有「调整记录」的目录，改了「版本」却没有为新版本写一条记录，说明这次调整没有留下说明。没有调整记录的目录不检查。",
            "Catalogs are adjusted as duties and laws change, and every adjustment must be traceable. A catalog that keeps 调整记录 but whose current 版本 has no entry there has an adjustment without an explanation. Catalogs without 调整记录 are not checked."
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
                调整记录:
                  - 日期: 2024-06-01
                    版本: "2024.1"
                    说明: 依据基层政务公开标准指引初始编制
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
                格式: gkml/1
                领域: 就业
                地区: 示例县星海镇
                层级: 乡级
                发布机构: 星海镇人民政府
                版本: ↓"2024.2"
                默认:
                  公开依据: [《中华人民共和国政府信息公开条例》]
                  公开时限: 自信息形成或者变更之日起20个工作日内
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
                调整记录:
                  - 日期: 2024-06-01
                    版本: "2024.1"
                    说明: 依据基层政务公开标准指引初始编制
                """)
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog, !file.isBaseline, !catalog.adjustments.isEmpty,
            !catalog.adjustments.contains(where: { $0.version?.value == catalog.version.value })
        else { return [] }
        return [
            LintViolation(
                file.finding(
                    Self.kind, at: catalog.version.position, path: "/版本", arguments: ["version": catalog.version.value])
            )
        ]
    }
}
