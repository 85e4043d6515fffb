import Diagnostics

/// Every kind of change `gkml diff` reports, each with a stable code (never renamed once published).
///
/// Message placeholders: `{id}` 编号 (the new one), `{oldId}`, `{name}` 名称, `{group}` 一级事项, `{old}` / `{new}`
/// the element's value before and after (lists joined with 、), `{added}` / `{removed}` list entries,
/// `{reason}` a written reason, `{element}` an element's YAML key, `{catalog}` 地区/领域, `{count}` a number.
public enum DiffFindings {
    static func kind(
        _ code: String, _ severity: Severity, title: (String, String), zh: String, en: String,
        hint: (String, String)? = nil, stage: FindingStage = .diff
    ) -> FindingKind {
        FindingKind(
            code: code, stage: stage, severity: severity,
            title: LocalizedText(zh: title.0, en: title.1),
            message: LocalizedText(zh: zh, en: en),
            hint: hint.map { LocalizedText(zh: $0.0, en: $0.1) })
    }

    // MARK: Items: 新增 and 删除

    public static let itemAdded = kind(
        "item-added", .info, title: ("新增事项", "Item added"),
        zh: "新增事项 {id}「{name}」（一级事项「{group}」）",
        en: "item {id} \"{name}\" added (under 一级事项 \"{group}\")")

    public static let itemRemoved = kind(
        "item-removed", .error, title: ("删除事项且未说明理由", "Item removed without a reason"),
        zh: "删除了事项 {id}「{name}」，但「未涉及事项」中没有说明理由",
        en: "item {id} \"{name}\" was removed without an entry in 未涉及事项 giving the reason",
        hint: (
            "如本地确不涉及该事项，请在「未涉及事项」中增加「编号: {id}」并写明「说明」；经审核的调整可用 --accept 文件放行",
            "if the item does not apply here, add \"编号: {id}\" with a 说明 under 未涉及事项; a reviewed change can pass with --accept"
        ))

    public static let itemRemovedNotApplicable = kind(
        "item-removed-not-applicable", .info, title: ("删除事项并列入未涉及事项", "Item removed as not applicable"),
        zh: "删除了事项 {id}「{name}」，已列入「未涉及事项」：{reason}",
        en: "item {id} \"{name}\" removed and listed under 未涉及事项: {reason}")

    // MARK: Items: identity

    public static let itemMoved = kind(
        "item-moved", .info, title: ("事项移至其他一级事项", "Item moved to another 一级事项"),
        zh: "事项 {id}「{name}」由一级事项「{old}」移至「{new}」",
        en: "item {id} \"{name}\" moved from 一级事项 \"{old}\" to \"{new}\"")

    public static let itemRenumbered = kind(
        "item-renumbered", .warning, title: ("事项重编号", "Item renumbered"),
        zh: "事项「{name}」的编号由 {oldId} 改为 {id}",
        en: "item \"{name}\" renumbered from {oldId} to {id}",
        hint: (
            "编号是事项的稳定标识，其他文件和系统可能引用它；除非确有必要，请保留原编号",
            "编号 is the item's stable identity that other documents may cite; keep it unless there is a need"
        ))

    public static let itemRenamed = kind(
        "item-renamed", .info, title: ("事项更名", "Item renamed"),
        zh: "事项 {id} 更名：「{old}」→「{new}」",
        en: "item {id} renamed: \"{old}\" → \"{new}\"")

    public static let groupRenamed = kind(
        "group-renamed", .info, title: ("一级事项更名", "一级事项 renamed"),
        zh: "一级事项「{old}」更名为「{new}」（{count} 个事项）",
        en: "一级事项 \"{old}\" renamed to \"{new}\" ({count} item(s))")

    // MARK: Items: elements

    public static let contentChanged = kind(
        "content-changed", .info, title: ("公开内容修改", "Content changed"),
        zh: "事项 {id}「{name}」的公开内容有修改",
        en: "the 公开内容 of item {id} \"{name}\" changed")

    public static let basisRemoved = kind(
        "basis-removed", .warning, title: ("删除公开依据", "Legal basis removed"),
        zh: "事项 {id}「{name}」删除了公开依据：{removed}",
        en: "item {id} \"{name}\" no longer cites: {removed}",
        hint: (
            "如所依据的文件已废止，请补充现行依据，并在「调整记录」中说明",
            "if the cited document was repealed, cite the one in force and say so in 调整记录"
        ))

    public static let basisAdded = kind(
        "basis-added", .info, title: ("增加公开依据", "Legal basis added"),
        zh: "事项 {id}「{name}」增加了公开依据：{added}",
        en: "item {id} \"{name}\" now also cites: {added}")

    public static let timeLimitLonger = kind(
        "time-limit-longer", .warning, title: ("公开时限延长", "Time limit longer"),
        zh: "事项 {id}「{name}」的公开时限由「{old}」延长为「{new}」",
        en: "the time limit of item {id} \"{name}\" grew from \"{old}\" to \"{new}\"",
        hint: (
            "《政府信息公开条例》第二十六条：主动公开的信息应自形成或变更之日起20个工作日内公开，法律法规另有规定的除外",
            "article 26 of the disclosure regulations: proactive information is published within 20 working days unless a law says otherwise"
        ))

    public static let timeLimitShorter = kind(
        "time-limit-shorter", .info, title: ("公开时限缩短", "Time limit shorter"),
        zh: "事项 {id}「{name}」的公开时限由「{old}」缩短为「{new}」",
        en: "the time limit of item {id} \"{name}\" shrank from \"{old}\" to \"{new}\"")

    public static let timeLimitReworded = kind(
        "time-limit-reworded", .info, title: ("公开时限改写（时限不变）", "Time limit reworded"),
        zh: "事项 {id}「{name}」的公开时限由「{old}」改写为「{new}」，时限不变",
        en: "the time limit of item {id} \"{name}\" was reworded from \"{old}\" to \"{new}\"; the period is the same")

    public static let timeLimitUndecided = kind(
        "time-limit-undecided", .warning, title: ("公开时限修改，无法判断长短", "Time limit changed, undecidable"),
        zh: "事项 {id}「{name}」的公开时限由「{old}」改为「{new}」，无法自动判断是否延长",
        en:
            "the time limit of item {id} \"{name}\" changed from \"{old}\" to \"{new}\"; cannot tell whether it is longer",
        hint: (
            "请人工核对；可自动比较的写法有：N个工作日内、N日内、N个月内、N个工作日前、实时、及时、每月、每季度、每年",
            "check by hand; forms compared automatically: \"N个工作日内\", \"N日内\", \"N个月内\", \"N个工作日前\", \"实时\", \"及时\", \"每月\", \"每季度\", \"每年\""
        ))

    public static let bodyAdded = kind(
        "body-added", .info, title: ("增加公开主体", "Responsible body added"),
        zh: "事项 {id}「{name}」增加了公开主体：{added}",
        en: "item {id} \"{name}\" gained responsible bodies: {added}")

    public static let bodyRemoved = kind(
        "body-removed", .info, title: ("减少公开主体", "Responsible body removed"),
        zh: "事项 {id}「{name}」减少了公开主体：{removed}",
        en: "item {id} \"{name}\" lost responsible bodies: {removed}")

    public static let channelRemoved = kind(
        "channel-removed", .warning, title: ("减少公开渠道", "Channel removed"),
        zh: "事项 {id}「{name}」减少了公开渠道：{removed}",
        en: "item {id} \"{name}\" is no longer published through: {removed}")

    public static let channelAdded = kind(
        "channel-added", .info, title: ("增加公开渠道", "Channel added"),
        zh: "事项 {id}「{name}」增加了公开渠道：{added}",
        en: "item {id} \"{name}\" is now also published through: {added}")

    public static let audienceNarrowed = kind(
        "audience-narrowed", .error, title: ("公开对象缩小（全社会→特定群众）", "Audience narrowed"),
        zh: "事项 {id}「{name}」的公开对象由「{old}」改为「{new}」",
        en: "the audience of item {id} \"{name}\" narrowed from {old} to {new}",
        hint: (
            "缩小公开对象会降低公开程度；如确需调整，请在「调整记录」中说明理由，并经审核后用 --accept 放行",
            "narrowing the audience lowers transparency; state the reason in 调整记录 and pass the reviewed change with --accept"
        ))

    public static let audienceWidened = kind(
        "audience-widened", .info, title: ("公开对象扩大（特定群众→全社会）", "Audience widened"),
        zh: "事项 {id}「{name}」的公开对象由「{old}」改为「{new}」",
        en: "the audience of item {id} \"{name}\" widened from {old} to {new}")

    public static let modeToOnRequest = kind(
        "mode-to-on-request", .error, title: ("主动公开改为依申请公开", "Proactive → on request"),
        zh: "事项 {id}「{name}」的公开方式由「主动」改为「依申请」",
        en: "item {id} \"{name}\" changed from proactive disclosure to disclosure on request",
        hint: (
            "上级主动公开的事项原则上不得降为依申请公开；如确需调整，请写明「不主动公开理由」，经审核后用 --accept 放行",
            "an item the upper level discloses proactively must in principle not become on-request; give 不主动公开理由 and pass the reviewed change with --accept"
        ))

    public static let modeToProactive = kind(
        "mode-to-proactive", .info, title: ("依申请公开改为主动公开", "On request → proactive"),
        zh: "事项 {id}「{name}」的公开方式由「依申请」改为「主动」",
        en: "item {id} \"{name}\" changed from disclosure on request to proactive disclosure")

    public static let levelRemoved = kind(
        "level-removed", .warning, title: ("减少公开层级", "Level removed"),
        zh: "事项 {id}「{name}」不再在{removed}公开",
        en: "item {id} \"{name}\" is no longer disclosed at: {removed}")

    public static let levelAdded = kind(
        "level-added", .info, title: ("增加公开层级", "Level added"),
        zh: "事项 {id}「{name}」增加在{added}公开",
        en: "item {id} \"{name}\" is now also disclosed at: {added}")

    public static let reasonNotProactiveChanged = kind(
        "reason-not-proactive-changed", .info, title: ("不主动公开理由修改", "Reason for not disclosing proactively changed"),
        zh: "事项 {id}「{name}」的不主动公开理由由「{old}」改为「{new}」",
        en: "the reason item {id} \"{name}\" is not proactive changed from \"{old}\" to \"{new}\"")

    public static let remarkChanged = kind(
        "remark-changed", .info, title: ("备注修改", "Remark changed"),
        zh: "事项 {id}「{name}」的备注由「{old}」改为「{new}」",
        en: "the remark of item {id} \"{name}\" changed from \"{old}\" to \"{new}\"")

    // MARK: Catalogs

    public static let catalogAdded = kind(
        "catalog-added", .info, title: ("新增目录", "Catalog added"),
        zh: "新增目录「{catalog}」，共 {count} 个事项",
        en: "catalog \"{catalog}\" added with {count} item(s)")

    public static let catalogRemoved = kind(
        "catalog-removed", .error, title: ("删除目录", "Catalog removed"),
        zh: "删除了目录「{catalog}」（原有 {count} 个事项）",
        en: "catalog \"{catalog}\" removed (it had {count} item(s))",
        hint: (
            "一个领域的目录整体删除会使其全部事项不再公开；如为领域更名或合并，请确认新目录的地区和领域",
            "removing a whole domain's catalog withdraws every item in it; if the domain was renamed or merged, check 地区 and 领域 of the new file"
        ))

    public static let versionChanged = kind(
        "version-changed", .info, title: ("版本变更", "Version changed"),
        zh: "目录版本由「{old}」改为「{new}」",
        en: "catalog version changed from \"{old}\" to \"{new}\"")

    public static let versionNotBumped = kind(
        "version-not-bumped", .info, title: ("内容调整但版本号未变", "Content changed, version not"),
        zh: "目录有 {count} 处调整，但版本仍为「{old}」",
        en: "the catalog has {count} change(s) but its version is still \"{old}\"",
        hint: ("每次动态调整宜对应一个新版本，便于追溯", "give each adjustment its own version so that it can be traced"))

    public static let adjustmentRecordMissing = kind(
        "adjustment-record-missing", .info, title: ("内容调整但无调整记录", "Content changed, no 调整记录 entry"),
        zh: "目录有 {count} 处调整，但「调整记录」中没有新的条目",
        en: "the catalog has {count} change(s) but no new entry in 调整记录",
        hint: (
            "请在「调整记录」中写明日期、版本和调整说明，调整说明（gkml diff --format md）会引用它",
            "add an entry to 调整记录 with the date, version and a note; the md record (gkml diff --format md) quotes it"
        ))

    public static let effectiveDateChanged = kind(
        "effective-date-changed", .info, title: ("生效日期变更", "Effective date changed"),
        zh: "生效日期由「{old}」改为「{new}」",
        en: "effective date changed from \"{old}\" to \"{new}\"")

    public static let publisherChanged = kind(
        "publisher-changed", .info, title: ("发布机构变更", "Publisher changed"),
        zh: "发布机构由「{old}」改为「{new}」",
        en: "publisher changed from \"{old}\" to \"{new}\"")

    public static let catalogLevelChanged = kind(
        "catalog-level-changed", .info, title: ("目录层级变更", "Catalog level changed"),
        zh: "目录层级由「{old}」改为「{new}」",
        en: "catalog level changed from \"{old}\" to \"{new}\"")

    public static let regionChanged = kind(
        "region-changed", .info, title: ("地区变更", "Region changed"),
        zh: "地区由「{old}」改为「{new}」",
        en: "region changed from \"{old}\" to \"{new}\"")

    public static let domainChanged = kind(
        "domain-changed", .info, title: ("领域名称变更", "Domain renamed"),
        zh: "领域由「{old}」改为「{new}」",
        en: "domain changed from \"{old}\" to \"{new}\"")

    public static let defaultsChanged = kind(
        "defaults-changed", .info, title: ("默认值变更", "Default changed"),
        zh: "默认的{element}由「{old}」改为「{new}」，影响 {count} 个继承该值的事项",
        en: "the default {element} changed from \"{old}\" to \"{new}\", affecting {count} item(s) that inherit it")

    public static let notApplicableAdded = kind(
        "not-applicable-added", .info, title: ("新增未涉及事项", "Not-applicable entry added"),
        zh: "「未涉及事项」新增 {id}：{reason}",
        en: "{id} listed under 未涉及事项: {reason}")

    public static let notApplicableRemoved = kind(
        "not-applicable-removed", .info, title: ("移出未涉及事项", "Not-applicable entry removed"),
        zh: "{id} 不再列入「未涉及事项」（原说明：{reason}）",
        en: "{id} no longer listed under 未涉及事项 (it said: {reason})")

    public static let notApplicableReasonChanged = kind(
        "not-applicable-reason-changed", .info, title: ("未涉及事项说明修改", "Not-applicable reason changed"),
        zh: "「未涉及事项」{id} 的说明由「{old}」改为「{new}」",
        en: "the 未涉及事项 reason of {id} changed from \"{old}\" to \"{new}\"")

    // MARK: Inputs and the gate

    public static let inputUnreadable = kind(
        "diff-input-invalid", .error, title: ("无法比较的目录文件", "Catalog that cannot be compared"),
        zh: "「{catalog}」不是有效的目录文件，本次未比较该文件（其余文件照常比较）：{reason}",
        en: "\"{catalog}\" is not a valid catalog file and was not compared (the other files were): {reason}",
        hint: ("运行 gkml validate 查看并修正全部错误", "run gkml validate to see and fix all its errors"), stage: .input)

    public static let acceptUnused = kind(
        "accept-unused", .warning, title: ("接受清单中的条目未被使用", "Unused acceptance"),
        zh: "接受清单中的条目（编号 {id}，变更 {code}）没有对应的变更",
        en: "the acceptance for {id} ({code}) matches no change",
        hint: ("该变更可能已撤销或已合入；请从接受清单中删除此条目", "the change may have been reverted or merged; remove the entry"),
        stage: .input)

    public static let acceptInvalid = kind(
        "accept-invalid", .error, title: ("接受清单格式错误", "Invalid acceptance file"),
        zh: "接受清单：{reason}",
        en: "acceptance file: {reason}", stage: .input)

    /// The kinds of change a comparison reports.
    public static let changes: [FindingKind] = [
        itemAdded, itemRemoved, itemRemovedNotApplicable, itemMoved, itemRenumbered, itemRenamed, groupRenamed,
        contentChanged, basisRemoved, basisAdded, timeLimitLonger, timeLimitShorter, timeLimitReworded,
        timeLimitUndecided, bodyAdded, bodyRemoved, channelRemoved, channelAdded, audienceNarrowed,
        audienceWidened, modeToOnRequest, modeToProactive, levelRemoved, levelAdded,
        reasonNotProactiveChanged, remarkChanged,
        catalogAdded, catalogRemoved, versionChanged, versionNotBumped, adjustmentRecordMissing,
        effectiveDateChanged, publisherChanged, catalogLevelChanged, regionChanged, domainChanged,
        defaultsChanged, notApplicableAdded, notApplicableRemoved, notApplicableReasonChanged,
    ]

    /// Every kind `gkml diff` can print, for `gkml rules` and `gkml explain`.
    public static let all: [FindingKind] = changes + [inputUnreadable, acceptUnused, acceptInvalid]
}
