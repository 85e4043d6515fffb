import Diagnostics

/// The kinds of audit finding with their messages in both languages, for the reports and `gkml rules` /
/// `gkml explain`. Placeholders: `{reason}` why a column cannot be read, `{newest}` the newest entry's date,
/// `{limit}` the item's 公开时限, `{title}` a document's title, `{written}` 成文日期, `{published}` 发布日期,
/// `{days}` the working days (calendar days for a limit in days) between them.
public enum AuditFindings {
    static func kind(_ code: AuditCode, title: (String, String), zh: String, en: String, hint: (String, String))
        -> FindingKind
    {
        FindingKind(
            code: code.rawValue, stage: .audit, severity: code.severity,
            title: LocalizedText(zh: title.0, en: title.1), message: LocalizedText(zh: zh, en: en),
            hint: LocalizedText(zh: hint.0, en: hint.1))
    }

    public static let noColumn = kind(
        .noColumn, title: ("未填写公开栏目", "No column for a website item"),
        zh: "主动公开、渠道含「政府网站」，但未填写公开栏目",
        en: "proactive item published on the government website names no 公开栏目 (column URL)",
        hint: (
            "在事项或「默认」中填写「公开栏目」：政府网站上发布本事项的栏目列表页网址",
            "add 公开栏目 to the item or to 默认: the URL of the column's list page on the government website"
        ))

    public static let unreachable = kind(
        .unreachable, title: ("栏目无法访问", "Column unreachable"),
        zh: "栏目无法读取：{reason}",
        en: "column cannot be read: {reason}",
        hint: (
            "核对网址是否为栏目列表页、网站是否可以访问；robots.txt 禁止的路径 gkml 不会抓取",
            "check that the URL is the column's list page and that the site answers; gkml does not fetch paths robots.txt forbids"
        ))

    public static let empty = kind(
        .empty, title: ("空栏目", "Empty column"),
        zh: "栏目没有任何条目，也没有「经核查，本栏目暂无相关信息」之类的说明",
        en: "column has no entries and no notice that no information arose",
        hint: (
            "发布相关信息；确未产生的，在栏目中注明「经核查，本栏目暂无相关信息」",
            "publish the information; where none arose, say so in the column (\"经核查，本栏目暂无相关信息\")"
        ))

    public static let stale = kind(
        .stale, title: ("栏目未按期更新", "Column not updated in its period"),
        zh: "最新条目为 {newest}，超过公开时限「{limit}」规定的更新周期",
        en: "newest entry {newest} is older than the period of the time limit \"{limit}\"",
        hint: ("按公开时限的周期发布本期信息", "publish this period's information as the time limit requires"))

    public static let late = kind(
        .late, title: ("文件超过时限发布", "Document published late"),
        zh: "文件《{title}》成文 {written}，发布 {published}，相隔 {days} 个工作日，超过「{limit}」",
        en: "document \"{title}\" written {written}, published {published}: {days} working days, beyond \"{limit}\"",
        hint: (
            "自信息形成之日起在时限内发布；工作日按国务院办公厅节假日安排计算",
            "publish within the limit from when the information was formed; working days follow the State Council holiday notices"
        ))

    public static let all: [FindingKind] = [noColumn, unreachable, empty, stale, late]

    static func kind(for code: AuditCode) -> FindingKind {
        switch code {
        case .noColumn: noColumn
        case .unreachable: unreachable
        case .empty: empty
        case .stale: stale
        case .late: late
        }
    }
}
