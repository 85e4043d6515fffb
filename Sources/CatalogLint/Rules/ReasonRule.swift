import CatalogModel
import Diagnostics

/// Reasons that say nothing: 不主动公开理由 of an on-request item, 说明 of a 未涉及事项.
struct ReasonRule: LintRule {
    static let vague = lintKind(
        "reason-vague", .warning,
        title: .t("不主动公开理由没有实际内容", "Empty reason for on-request disclosure"),
        message: .t(
            "事项 {id} 的不主动公开理由「{reason}」没有说明为什么不主动公开",
            "the reason \"{reason}\" of item {id} does not say why it is not disclosed proactively"),
        hint: .t(
            "写明具体理由，如「涉及个人隐私，仅向本人及利害关系人提供」；依申请事项要定期复核，理由是复核的依据",
            "state the actual reason, e.g. it concerns personal information; on-request items are reviewed periodically against this reason"
        ))

    static let unneeded = lintKind(
        "reason-unneeded", .info,
        title: .t("主动公开事项写了不主动公开理由", "Reason on a proactive item"),
        message: .t("事项 {id} 为主动公开，不需要「不主动公开理由」", "item {id} is proactive and needs no 不主动公开理由"),
        hint: .t("删去该理由，或核对公开方式是否应为依申请", "remove it, or check whether the item should be on-request"))

    static let notApplicableVague = lintKind(
        "not-applicable-reason-vague", .warning,
        title: .t("未涉及事项的说明没有实际内容", "Empty reason for a 未涉及事项"),
        message: .t(
            "未涉及事项 {id} 的说明「{reason}」没有说明为什么本地不涉及",
            "the note \"{reason}\" of 未涉及事项 {id} does not say why the item does not apply here"),
        hint: .t("写明原因，如「本镇无职业介绍机构」「该职责由县人社局承担」", "say why, e.g. the duty lies with the county bureau"))

    /// Phrases that are not reasons (compared after removing spaces and punctuation).
    static let emptyReasons = BarePhrases([
        "", "无", "暂无", "没有", "无理由", "略", "其他", "其它", "依申请", "依申请公开", "申请公开", "按申请", "依法申请", "不公开",
        "不予公开", "不主动公开", "无需主动公开", "无需公开", "不涉及", "同上", "见备注", "待定", "未定", "无说明", "na", "NA", "N/A",
    ])

    static let emptyNotes = BarePhrases([
        "", "无", "暂无", "没有", "略", "其他", "其它", "不涉及", "未涉及", "本地未涉及", "本镇未涉及", "本乡未涉及", "无此事项", "无此项",
        "不适用", "同上", "待定", "na", "NA", "N/A",
    ])

    static let description = RuleDescription(
        identifier: "reason",
        name: .t("理由", "Reasons"),
        kinds: [vague, unneeded, notApplicableVague],
        rationale: .t(
            "依申请公开的事项必须写明不主动公开的理由，并定期复核：「无」「暂无」「依申请」不是理由，复核时无从判断能否转为主动公开。同样，基准目录中本地未涉及的事项要说明为什么不涉及。主动公开事项不需要不主动公开理由，写了多半是公开方式填错了。",
            "An on-request item must say why it is not disclosed proactively, and is reviewed periodically against that reason: 无, 暂无 or 依申请 are not reasons. Likewise a baseline item that does not apply needs a reason. A proactive item needs no such reason; one that has it probably has the wrong 公开方式."
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
                未涉及事项:
                  - 编号: 17-02-02
                    说明: 就业困难人员认定由县人社局负责
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-03
                        名称: 失业登记人员名单
                        公开内容: 本镇登记失业人员汇总情况
                        公开方式: 依申请
                        不主动公开理由: ↓暂无。
                      - 编号: 17-02-04
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        不主动公开理由: ↓涉及个人信息
                未涉及事项:
                  - 编号: 17-02-02
                    说明: ↓不涉及
                """)
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog else { return [] }
        var out: [LintViolation] = []
        // Items are read in place; only a reported one is bound (a `CatalogItem` copy retains each of its fields).
        let items = file.items
        for index in items.indices {
            guard let reason = items[index].reasonNotProactive else { continue }
            // Placed in the source only when reported: most on-request items give a reason.
            var placed: ValueSpan { file.span(of: reason) }
            let mode = items[index].mode.value
            if mode == .onRequest, Self.emptyReasons.contains(bareOf: reason.value) {
                let item = items[index]
                let span = placed
                out.append(
                    LintViolation(
                        file.finding(
                            Self.vague, at: span.start, end: span.end(span.length),
                            path: item.path(.reasonNotProactive),
                            arguments: ["id": item.id.value, "reason": reason.value])))
            } else if mode == .proactive {
                let item = items[index]
                let span = placed
                out.append(
                    LintViolation(
                        file.finding(
                            Self.unneeded, at: span.start, end: span.end(span.length),
                            path: item.path(.reasonNotProactive),
                            arguments: ["id": item.id.value])))
            }
        }
        for entry in catalog.notApplicable where Self.emptyNotes.contains(bareOf: entry.reason.value) {
            let span = file.span(of: entry.reason)
            out.append(
                LintViolation(
                    file.finding(
                        Self.notApplicableVague, at: span.start, end: span.end(span.length),
                        path: "/未涉及事项/编号=\(entry.id.value)/说明",
                        arguments: ["id": entry.id.value, "reason": entry.reason.value])))
        }
        return out
    }
}
