import CatalogModel
import Diagnostics
import YAMLTree

/// 公开时限: a 主动 item must be published within 20 working days of the information being formed or changed
/// (《政府信息公开条例》第二十六条) unless a law or regulation sets another limit; a limit gkml cannot read is
/// reported so that it gets a form people (and the diff) can compare.
struct TimeLimitRule: LintRule {
    static let exceeds = lintKind(
        "time-limit-exceeds", .error,
        title: .t("主动公开时限超过20个工作日", "Proactive time limit over 20 working days"),
        message: .t(
            "主动公开事项的公开时限「{limit}」中的「{span}」超过20个工作日",
            "the time limit \"{limit}\" of a proactive item allows {span}, more than 20 working days"),
        hint: .t(
            "《政府信息公开条例》第二十六条：主动公开的政府信息应当自形成或者变更之日起20个工作日内公开。若法律、法规另有规定，请在「公开依据」中写明该法律、法规及条款（如《…》第X条）",
            "Regulations on Open Government Information, article 26: proactive information is published within 20 working days of being formed or changed; if a law or regulation sets another limit, cite it with its article (\"《…》第X条\") in 公开依据"
        ))

    static let unrecognized = lintKind(
        "time-limit-unrecognized", .info,
        title: .t("无法识别的公开时限", "Time limit not understood"),
        message: .t("无法识别公开时限「{limit}」的期限", "gkml cannot read a deadline in the time limit \"{limit}\""),
        hint: .t(
            "写成可比较的形式，便于审核和比较版本：" + TimeLimit.acceptedForms.joined(separator: "；"),
            "write it in a form that can be compared, e.g. "
                + TimeLimit.acceptedForms.prefix(6).map { "\"\($0)\"" }.joined(separator: "; ")))

    static let vague = lintKind(
        "time-limit-vague", .warning,
        title: .t("公开时限没有可衡量的期限", "Time limit sets nothing measurable"),
        message: .t("公开时限「{limit}」没有写明可衡量的期限", "the time limit \"{limit}\" sets no measurable limit"),
        hint: .t(
            "写明期限和起算点，如「自信息形成或者变更之日起20个工作日内」；依其他文件的，写明文件名和期限，如「按《…》规定的期限」",
            "write a span and its starting point, e.g. \"自信息形成或者变更之日起20个工作日内\"; if another text sets it, name it: \"按《…》规定的期限\""
        ))

    static let description = RuleDescription(
        identifier: "time-limit",
        name: .t("公开时限", "Time limits"),
        kinds: [exceeds, unrecognized, vague],
        rationale: .t(
            "《中华人民共和国政府信息公开条例》（国令第711号）第二十六条规定，属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开；法律、法规对政府信息公开的期限另有规定的，从其规定。gkml 把公开时限解析为结构（期限、起算点、单位），超过20个工作日的主动公开事项报错，除非公开依据写明了另行规定期限的法律、法规条款，或公开时限本身注明「法律、法规另有规定的，从其规定」。30日、1个月都超过20个工作日。公示期（不少于N日）和事前公告（N日前）不是公开期限，不计入。",
            "Article 26 of the 条例 requires proactive information to be published within 20 working days of being formed or changed unless a law or regulation says otherwise. gkml parses each 公开时限 (span, anchor, unit) and reports a proactive item whose deadline is longer, unless its 公开依据 cites a law or regulation with an article, or the limit itself says a law's limit prevails. 30 days and 1 month both exceed 20 working days. Minimum publication periods (公示期不少于N日) and notices before an event are not deadlines."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点、参会单位及岗位信息
                        公开时限: 招聘会举办5个工作日前
                      - 编号: 17-02-02
                        名称: 公益性岗位公示
                        公开内容: 拟安置人员名单
                        公开时限: 确定人选后10个工作日内，公示期不少于30日
                """),
            RuleExample(
                """
                事项:
                  - 一级事项: 财政预决算
                    二级事项:
                      - 编号: 17-05-01
                        名称: 部门预算
                        公开内容: 部门预算报表及说明
                        公开时限: 本级政府财政部门批复后二十日内
                """),
            RuleExample(
                """
                事项:
                  - 一级事项: 征地
                    二级事项:
                      - 编号: 17-06-01
                        名称: 征地补偿安置方案
                        公开内容: 补偿标准、安置方式
                        公开依据: [《中华人民共和国土地管理法实施条例》第二十七条]
                        公开时限: 公告时间不少于30日，自批准之日起45日内
                """),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-03
                        名称: 失业登记人员名单
                        公开内容: 本镇登记失业人员汇总情况
                        公开时限: 自收到申请之日起20个工作日内
                        公开方式: 依申请
                        不主动公开理由: 涉及个人信息，仅向本人及利害关系人提供
                      - 编号: 17-02-04
                        名称: 就业困难人员认定
                        公开内容: 认定条件、办理流程
                        公开时限: 1.申请条件：长期公开；2.认定结果：7个工作日内
                """),
            // Forms from real tables and the national guides; limits shorter than 20 working days are never findings.
            RuleExample(
                """
                事项:
                  - 一级事项: 最低生活保障
                    二级事项:
                      - 编号: 19-02-01
                        名称: 政策法规文件
                        公开内容: 政策法规文件
                        公开时限: 制定或获取信息之日起10个工作日内
                      - 编号: 19-02-02
                        名称: 审核信息
                        公开内容: 初审对象名单及相关信息
                        公开时限: 制定或获取信息之日起10个工作日内，公示7个工作日
                      - 编号: 19-02-03
                        名称: 资金分配
                        公开内容: 分配结果
                        公开时限: 分配结果确定后20个工作日内
                      - 编号: 19-02-04
                        名称: 活动预告
                        公开内容: 活动时间、地点
                        公开时限: 活动举办前10个工作日
                      - 编号: 19-02-05
                        名称: 政府文件
                        公开内容: 政府文件
                        公开时限: 信息形成之日起5个工作日内
                      - 编号: 19-02-06
                        名称: 工作动态
                        公开内容: 工作动态
                        公开时限: 半年至少更新1次
                      - 编号: 19-02-07
                        名称: 统计数据
                        公开内容: 统计数据
                        公开时限: 每半年至少更新1次
                      - 编号: 19-02-08
                        名称: 季度报告
                        公开内容: 季度报告
                        公开时限: 每季度
                      - 编号: 19-02-09
                        名称: 年度报告
                        公开内容: 年度报告
                        公开时限: 每年1月底前
                      - 编号: 19-02-10
                        名称: 办事指南
                        公开内容: 办事指南
                        公开时限: 常态化
                      - 编号: 19-02-11
                        名称: 办理进度
                        公开内容: 办理进度
                        公开时限: 实时
                      - 编号: 19-02-12
                        名称: 采购文件
                        公开内容: 采购文件
                        公开时限: 按《政府采购信息发布管理办法》规定的期限
                """, setup: ExampleSetup(domain: "社会救助")),
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点、参会单位及岗位信息
                        公开时限: 自信息形成之日起↓30日内
                """, codes: ["time-limit-exceeds"]),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开时限: "形成后↓一个月内"
                """, codes: ["time-limit-exceeds"]),
            RuleExample(
                """
                默认:
                  公开依据: [《中华人民共和国政府信息公开条例》]
                  公开时限: 信息形成或者变更之日起↓二十五个工作日内
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
                      - 编号: 17-02-02
                        名称: 岗位信息
                        公开内容: 岗位要求
                """, codes: ["time-limit-exceeds"]),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开时限: ↓视情况而定
                """, codes: ["time-limit-unrecognized"]),
            // Vague limits pasted from a template: 及时, 按要求, 按规定.
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开时限: ↓及时
                      - 编号: 17-02-02
                        名称: 岗位信息
                        公开内容: 岗位要求
                        公开时限: ↓按要求
                      - 编号: 17-02-03
                        名称: 政策文件
                        公开内容: 政策文件
                        公开时限: ↓按规定
                      - 编号: 17-02-04
                        名称: 工作动态
                        公开内容: 工作动态
                        公开时限: ↓及时公开
                """, codes: ["time-limit-vague"]),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog else { return [] }
        var out: [LintViolation] = []
        // TimeLimit.parse parses each distinct text once per run, behind a lock and a hash of the text; a file
        // repeats a few texts (inherited from 默认, or copied, often alternating), which are kept here with their
        // first deadline over 20 working days and compared by their bytes instead of being looked up again.
        var recent = RecentValues<Parsed>(capacity: Self.recentTexts)
        func parse(_ text: String) -> Parsed {
            if let known = recent.first(where: { sameUTF8($0.text, text) }) { return known }
            let limit = TimeLimit.parse(text)
            let parsed = Parsed(text: text, limit: limit, firstLong: limit.deadlines(longerThan: 20).first)
            recent.remember(parsed)
            return parsed
        }
        // Unrecognized limits, where they are written.
        for written in file.written(.timeLimit, defaults: \.timeLimit, item: \.timeLimit) {
            let limit = parse(written.value.value).limit
            if limit.isVague {
                let span = file.span(of: written.value)
                out.append(
                    LintViolation(
                        file.finding(
                            Self.vague, at: span.start, end: span.end(span.length), path: written.path(in: file),
                            arguments: ["limit": written.value.value.abbreviated(40)])))
            } else if !limit.isRecognized {
                let span = file.span(of: written.value)
                out.append(
                    LintViolation(
                        file.finding(
                            Self.unrecognized, at: span.start, end: span.end(span.length), path: written.path(in: file),
                            arguments: ["limit": written.value.value.abbreviated(40)])))
            }
        }
        // Proactive items over 20 working days.
        var inheritedFailures: [CatalogItem] = []
        var inheritedSpan: TimeLimit.Span?
        // Items are read in place; only a failing one is bound (a `CatalogItem` copy retains each of its fields).
        let items = file.items
        for index in items.indices where items[index].mode.value == .proactive {
            let text = items[index].timeLimit.value
            let parsed = parse(text)
            guard let span = parsed.firstLong, !parsed.limit.lawMayPrevail,
                !Self.citesLimitSettingLaw(items[index].basis.value.map(\.value), timeLimit: text)
            else { continue }
            let item = items[index]
            if item.timeLimit.inherited, catalog.defaults?.timeLimit != nil {
                inheritedFailures.append(item)
                inheritedSpan = span
                continue
            }
            let valueSpan = file.span(of: item.timeLimit)
            out.append(
                LintViolation(
                    file.finding(
                        Self.exceeds, at: valueSpan.position(span.range.lowerBound),
                        end: valueSpan.end(span.range.upperBound),
                        path: item.path(.timeLimit),
                        arguments: [
                            "limit": item.timeLimit.value.abbreviated(40),
                            "span": Self.spanText(span, in: item.timeLimit.value),
                        ])))
        }
        if let first = inheritedFailures.first, let span = inheritedSpan, let value = catalog.defaults?.timeLimit {
            let valueSpan = file.span(of: value)
            let ids = inheritedFailures.map(\.id.value).joined(separator: "、")
            var shared = file.finding(
                Self.exceeds, at: valueSpan.position(span.range.lowerBound), end: valueSpan.end(span.range.upperBound),
                path: "/默认/公开时限",
                arguments: [
                    "limit": first.timeLimit.value.abbreviated(40), "span": Self.spanText(span, in: value.value),
                ],
                notes: [.t("该时限写在「默认」中，涉及主动公开事项：\(ids)", "the limit is set in 默认; proactive items concerned: \(ids)")])
            shared.items = inheritedFailures.map(\.id.value)
            out.append(LintViolation(shared))
        }
        return out
    }

    /// How many distinct 公开时限 texts a file's check keeps at hand: about how many a catalog alternates between.
    static let recentTexts = 8

    /// A 公开时限 text as the check reads it: parsed, and its first deadline over 20 working days (if any).
    struct Parsed {
        let text: String
        let limit: TimeLimit
        let firstLong: TimeLimit.Span?
    }

    static func spanText(_ span: TimeLimit.Span, in text: String) -> String {
        let s = text.scalars
        guard span.range.upperBound <= s.count else { return span.text }
        return String(scalars: s[span.range])
    }

    /// Whether 公开依据 (or the limit itself) cites a law or regulation with an article: the text that sets the
    /// other limit (条例第二十六条: "法律、法规对政府信息公开的期限另有规定的，从其规定"). The 条例 itself does not count.
    static func citesLimitSettingLaw(_ basis: [String], timeLimit: String) -> Bool {
        if CitationScanner.titles(in: timeLimit).contains(where: { isLawOrRegulation($0.title) }) { return true }
        for entry in basis {
            let titles = CitationScanner.titles(in: entry).filter { !$0.title.contains("政府信息公开条例") }
            guard titles.contains(where: { isLawOrRegulation($0.title) }) else { continue }
            if CitationScanner.hasArticle(entry) { return true }
        }
        return false
    }

    /// A 法律 or 法规 (law, administrative or local regulation) by its title.
    static func isLawOrRegulation(_ title: String) -> Bool {
        title.hasSuffix("法") || title.hasSuffix("条例") || title.hasSuffix("法典")
            || title.hasSuffix("实施细则") && title.contains("法")
    }
}
