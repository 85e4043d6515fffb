import CatalogModel
import Diagnostics

/// An item that the baseline or the upper level discloses proactively may not be 依申请 here.
struct ProactiveDowngradeRule: LintRule {
    static let kind = lintKind(
        "proactive-downgraded", .error,
        title: .t("主动公开事项被降为依申请", "Proactive item downgraded to on-request"),
        message: .t(
            "事项 {id} 在{source}中为主动公开，本目录不得改为依申请公开", "item {id} is proactive in {source}; it may not be on-request here"),
        hint: .t(
            "改为「公开方式: 主动」；确需调整的，经审核后在「调整记录」中写明批准文号（或批准人）、批准日期和批准事项（编号、变更: 改为依申请、理由）",
            "set 公开方式: 主动; if the change was reviewed, record it under 调整记录 with 批准文号 (or 批准人), 批准日期 and 批准事项 (编号, 变更: \"改为依申请\", 理由)"
        ))

    static let description = RuleDescription(
        identifier: "proactive-downgraded",
        name: .t("不得降低公开方式", "No downgrade of proactive disclosure"),
        kinds: [kind],
        rationale: .t(
            "公开属性源头认定：上级（全国基准目录，或乡镇所在县的同领域目录）定为主动公开的事项，下级原则上不得改为依申请公开。按编号对照；依申请事项需写明不主动公开的理由，但理由不能替代上级的认定。经审核批准的调整写在「调整记录」的「批准事项」中（变更: 改为依申请），本规则与 gkml diff --fail-on 都据此放行。",
            "The disclosure attribute is set at the source: an item the baseline (or, for a township, the county's catalog of the domain) discloses proactively may not become on-request below it. Items are matched by 编号. A reviewed downgrade is approved under 调整记录 (批准事项, 变更: 改为依申请); this rule and gkml diff --fail-on both honour it."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-03
                        名称: 失业登记人员名单
                        公开内容: 本镇登记失业人员汇总情况
                        公开对象: 特定群众
                        公开方式: 依申请
                        不主动公开理由: 涉及个人信息，仅向本人及利害关系人提供
                """,
                setup: ExampleSetup(
                    baseline: """
                        事项:
                          - 一级事项: 就业服务
                            二级事项:
                              - 编号: 17-02-03
                                名称: 失业登记人员名单
                                公开内容: 登记失业人员汇总情况
                                公开方式: 依申请
                                不主动公开理由: 涉及个人信息
                        """)),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 本镇招聘会时间、地点
                        公开方式: 依申请
                        不主动公开理由: 招聘会由县人社局统一发布，本镇按需提供
                调整记录:
                  - 日期: 2026-03-01
                    版本: "2026.2"
                    说明: 招聘会信息改由县人社局统一发布
                    批准文号: 柳政办〔2026〕12号
                    批准日期: 2026-02-26
                    批准事项:
                      - 编号: 17-02-01
                        变更: 改为依申请
                        理由: 招聘会信息由县人社局统一主动公开，本镇不重复发布
                """, setup: ExampleSetup(baseline: BaselineConformanceRule.baseline)),
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 本镇招聘会时间、地点
                        公开方式: ↓依申请
                        不主动公开理由: 信息较多，按需提供
                """, setup: ExampleSetup(baseline: BaselineConformanceRule.baseline)),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-05
                        名称: 公益性岗位安置
                        公开内容: 安置人员名单
                        公开方式: ↓依申请
                        不主动公开理由: 涉及个人信息
                """,
                setup: ExampleSetup(
                    county: """
                        事项:
                          - 一级事项: 就业服务
                            二级事项:
                              - 编号: 17-02-05
                                名称: 公益性岗位安置
                                公开内容: 安置人员名单
                        """)),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog, !file.isBaseline else { return [] }
        let baseline = scope.context.baselines.catalog(for: file.domain)
        let upper = catalog.level.value == .township ? scope.context.upperCatalog(for: file.domain) : nil
        guard baseline != nil || upper != nil else { return [] }
        // The baseline's modes as indexed once per run, not per file.
        let baselineModes = scope.context.baselines.modes(for: file.domain)
        var upperModes: [String: DisclosureMode] = [:]  // the first item of a 编号 when one repeats
        if let upperItems = upper?.itemTable {
            for index in upperItems.indices where upperModes[upperItems[index].id.value] == nil {
                upperModes[upperItems[index].id.value] = upperItems[index].mode.value
            }
        }
        let national = LocalizedText(zh: "全国基准目录", en: "the national baseline")
        let upperLevel = upper.map {
            LocalizedText(zh: "上级目录（\($0.region.value)）", en: "the upper level's catalog (\($0.region.value))")
        }
        var failing: [(item: CatalogItem, arguments: [String: String])] = []
        var sources: [String: LocalizedText] = [:]  // by 编号
        // Items are read in place; only a failing one is bound (a `CatalogItem` copy retains each of its fields).
        let items = file.items
        for index in items.indices
        where items[index].mode.value == .onRequest
            && catalog.approval(of: .toOnRequest, for: items[index].id.value) == nil
        {
            let id = items[index].id.value
            // An approval in 调整记录 clears the item: the decision was reviewed, and is recorded once.
            let source =
                baselineModes[id] == .proactive
                ? national
                : upperModes[id] == .proactive ? upperLevel : nil
            guard let source else { continue }
            // The Chinese name stays among the arguments: it is part of the key of accepted findings.
            failing.append((items[index], ["id": id, "source": source.zh]))
            sources[id] = source
        }
        return file.reportPerItem(
            Self.kind, element: .mode, failing: failing, defaultsPosition: catalog.defaults?.mode?.position,
            localizedArguments: { item in sources[item.id.value].map { ["source": $0] } ?? [:] })
    }
}
