import Foundation

/// 公开时限 parsed into a structure, so that rules (the 20-working-day limit of 条例第二十六条) and the diff (a
/// longer time limit is a transparency regression) can compare limits instead of strings.
///
/// A limit is split into clauses at `；，。`; each clause is one of the forms catalogs use: a span after an
/// anchor (自信息形成或者变更之日起20个工作日内, 作出决定之日起7日内, 批准后20日内, 收到申请之日起…), a span before an event
/// (招聘会举办5个工作日前), a minimum period (公示期不少于7日), 实时, 及时, 长期, a period (每年3月31日前, 每季度,
/// 每月), 按…规定, or 法律、法规另有规定的从其规定. Chinese numerals (二十个工作日) and full-width digits are read.
/// Offsets are in Unicode scalars of the original text, so that findings point at the number.
public struct TimeLimit: Sendable, Hashable {
    /// The text as written.
    public var text: String
    public var clauses: [Clause]

    public struct Clause: Sendable, Hashable {
        public var kind: Kind
        /// The clause's text as written.
        public var text: String
        /// Where the clause is in the whole text (scalar offsets).
        public var range: Range<Int>
    }

    public enum Kind: Sendable, Hashable {
        /// Within a span after an anchor: 自信息形成之日起20个工作日内.
        case within(Span, anchor: Anchor)
        /// A span (or just a moment) before an event: 招聘会举办5个工作日前, 报送审批前公告.
        case before(Span?, event: String)
        /// Upon an event, without a span: 作出房屋征收决定后公告.
        case upon(event: String)
        /// A minimum duration of publication: 公示期不少于7日 (not a deadline).
        case minimumPeriod(Span)
        case realTime
        /// 及时, 即时, 同时, 随时.
        case promptly
        /// 长期, 常年.
        case longTerm
        /// 每年 (with a due date: 每年3月31日前), 每季度, 每月, 定期 …
        case periodic(Period, due: MonthDay?)
        /// 按…规定 / 按…程序: the limit another text sets.
        case asPrescribed
        /// 法律、法规对…另有规定的，从其规定.
        case lawPrevails
        case unrecognized
    }

    public struct Span: Sendable, Hashable {
        public var amount: Int
        public var unit: Unit
        /// Where the number and unit are in the whole text (scalar offsets).
        public var range: Range<Int>

        public init(amount: Int, unit: Unit, range: Range<Int>) {
            self.amount = amount
            self.unit = unit
            self.range = range
        }

        /// An estimate in working days (5 in 7 calendar days, 21.75 in a month), for comparisons.
        public var workingDays: Double {
            let n = Double(amount)
            switch unit {
            case .workingDays: return n
            case .days: return n * 5 / 7
            case .weeks: return n * 5
            case .months: return n * 21.75
            case .years: return n * 250
            case .hours: return n / 8
            }
        }

        /// An estimate in calendar days (for comparing calendar-day spans exactly).
        public var calendarDays: Double {
            let n = Double(amount)
            switch unit {
            case .workingDays: return n * 7 / 5
            case .days: return n
            case .weeks: return n * 7
            case .months: return n * 30
            case .years: return n * 365
            case .hours: return n / 24
            }
        }

        /// The span as the canonical text writes it (20个工作日, 30日 …).
        public var text: String { "\(amount)\(unit.rawValue)" }
    }

    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case workingDays = "个工作日"
        case days = "日"
        case weeks = "周"
        case months = "个月"
        case years = "年"
        case hours = "小时"
    }

    public struct Anchor: Sendable, Hashable {
        /// The words before the span, e.g. "自信息形成或者变更之日起".
        public var text: String
        public var kind: AnchorKind

        public init(text: String, kind: AnchorKind) {
            self.text = text
            self.kind = kind
        }
    }

    public enum AnchorKind: String, Sendable, Hashable {
        /// 信息形成或者变更, 制作或获取: the 条例's own anchor.
        case formedOrChanged
        /// 收到申请: an on-request reply.
        case request
        /// 作出决定, 处罚决定, 许可.
        case decision
        /// 批准, 批复, 审批.
        case approval
        /// Another event (合同签订, 分配结果确定 …).
        case event
        /// No anchor written (20个工作日内).
        case unspecified
    }

    public enum Period: String, Sendable, Hashable {
        case year = "每年"
        case halfYear = "每半年"
        case quarter = "每季度"
        case month = "每月"
        case week = "每周"
        case regular = "定期"

        /// The period in working days, for comparisons.
        public var workingDays: Double {
            switch self {
            case .year: 250
            case .halfYear: 125
            case .quarter: 65
            case .month: 21.75
            case .week: 5
            case .regular: 65
            }
        }
    }

    public struct MonthDay: Sendable, Hashable {
        public var month: Int
        public var day: Int?

        public init(month: Int, day: Int? = nil) {
            self.month = month
            self.day = day
        }
    }

    /// Whether the whole limit is a vague word with nothing measurable (see `vague(_:)`); set when parsed.
    public private(set) var isVague = false

    /// Parses a 公开时限. Never fails: clauses it cannot read are `.unrecognized`. A county writes a few dozen
    /// distinct limits over thousands of items, and parsing one costs far more than looking it up: each distinct
    /// text is parsed once per run and the rules, the audit and the diff share the result.
    public static func parse(_ text: String) -> TimeLimit {
        memo.value(for: text) { text in
            var limit = TimeLimitParser(text).parse()
            limit.isVague = vague(limit.text)
            return limit
        }
    }

    static let memo = ParseMemo<TimeLimit>()

    /// Whether at least one clause was understood.
    public var isRecognized: Bool { clauses.contains { $0.kind != .unrecognized } }

    /// Whether the text itself says that a law or regulation's own limit prevails.
    public var lawMayPrevail: Bool { clauses.contains { $0.kind == .lawPrevails || $0.kind == .asPrescribed } }

    /// The deadlines (spans after an anchor), in order.
    public var deadlines: [(span: Span, anchor: Anchor)] {
        clauses.compactMap { clause in
            if case .within(let span, let anchor) = clause.kind { return (span, anchor) }
            return nil
        }
    }

    /// The longest deadline, in working days: 0 for 实时; a period's length for 每月/每季度…; nil when the
    /// text sets no deadline (及时, 长期, unrecognized). For the diff's "longer time limit" check.
    public var maximumWorkingDays: Double? {
        var result: Double?
        for clause in clauses {
            let days: Double?
            switch clause.kind {
            case .within(let span, _): days = span.workingDays
            case .realTime: days = 0
            case .periodic(let period, _): days = period.workingDays
            default: days = nil
            }
            if let days { result = max(result ?? days, days) }
        }
        return result
    }

    /// The deadline clauses longer than `limit` working days (on-request replies excluded).
    public func deadlines(longerThan limit: Double) -> [Span] {
        deadlines.filter { $0.anchor.kind != .request && $0.span.workingDays > limit + 0.0001 }.map(\.span)
    }

    /// How a new time limit compares with an old one (for the diff's "longer time limit" regression).
    public enum Comparison: String, Sendable, Hashable {
        case longer, shorter, same, undecidable
    }

    /// Compares two 公开时限 texts: is the new one longer (less transparent) than the old?
    public static func compare(old: String, new: String) -> Comparison {
        if punctuationFree(old) == punctuationFree(new) { return .same }
        return compare(parse(old), parse(new))
    }

    /// Compares the main clauses of two limits: deadlines by their length (across working and calendar days only
    /// when the difference is clear, more than a fifth), 实时 before any deadline, periods by their cycle, notices
    /// before an event by their advance (a longer advance is better).
    public static func compare(_ a: TimeLimit, _ b: TimeLimit) -> Comparison {
        enum Measure { case realTime, promptly, deadline(Span), period(Double), advance(Span) }
        func measure(_ t: TimeLimit) -> Measure? {
            if let longest = t.deadlines.filter({ $0.anchor.kind != .request }).map(\.span).max(by: {
                $0.workingDays < $1.workingDays
            }) {
                return .deadline(longest)
            }
            for clause in t.clauses {
                switch clause.kind {
                case .realTime: return .realTime
                case .periodic(let p, _): return .period(p.workingDays)
                case .before(let span?, _): return .advance(span)
                default: continue
                }
            }
            if t.clauses.contains(where: { $0.kind == .promptly }) { return .promptly }
            return nil
        }
        func spans(_ p: Span, _ q: Span) -> Comparison {
            let exact = (p.unit == .workingDays) == (q.unit == .workingDays)
            let x = exact && p.unit != .workingDays ? p.calendarDays : p.workingDays
            let y = exact && q.unit != .workingDays ? q.calendarDays : q.workingDays
            if exact {
                if abs(x - y) < 1e-9 { return .same }
                return y > x ? .longer : .shorter
            }
            if y > x * 1.2 { return .longer }
            if x > y * 1.2 { return .shorter }
            return .undecidable
        }
        guard let m = measure(a), let n = measure(b) else { return .undecidable }
        switch (m, n) {
        case (.realTime, .realTime), (.promptly, .promptly): return .same
        case (.realTime, .deadline), (.realTime, .promptly): return .longer
        case (.deadline, .realTime), (.promptly, .realTime): return .shorter
        case (.deadline(let p), .deadline(let q)): return spans(p, q)
        case (.period(let p), .period(let q)): return p == q ? .same : (q > p ? .longer : .shorter)
        case (.advance(let p), .advance(let q)):
            switch spans(p, q) {
            case .longer: return .shorter
            case .shorter: return .longer
            case let other: return other
            }
        default: return .undecidable
        }
    }

    /// The forms the parser reads, shown when a 公开时限 is not understood (each seen in real tables or guides).
    public static let acceptedForms: [String] = [
        "自信息形成或者变更之日起20个工作日内", "信息形成之日起5个工作日内", "制定或获取信息之日起10个工作日内",
        "作出决定之日起7个工作日内", "分配结果确定后20个工作日内", "批准后20日内", "收到申请之日起20个工作日内",
        "活动举办前10个工作日", "公示7个工作日", "公示期不少于7日", "实时", "常态化", "长期", "每年1月底前", "每季度",
        "（每）半年至少更新1次", "每月", "按《…》规定的期限",
    ]

    /// Words that, alone, set no measurable limit: 及时, 按要求, 按规定 (pasted where a limit belongs).
    static let vagueCores: Set<String> = [
        "及时", "要求", "规定", "有关规定", "相关规定", "有关要求", "相关要求", "上级要求", "上级规定", "规定时间", "规定时限",
        "规定期限", "要求时限", "要求时间",
    ]

    /// Whether the whole limit is a vague word with nothing measurable: 及时(公开), 按要求(公开), 按(有关)规定.
    /// `按《…》规定的期限` names the text that sets the limit and is not vague.
    static func vague(_ text: String) -> Bool {
        var core = punctuationFree(text)
        for prefix in ["按照", "依照", "依据", "根据", "按"] where core.hasPrefix(prefix) {
            core = String(core.dropFirst(prefix.count))
            break
        }
        for suffix in ["予以公开", "进行公开", "公开", "公布", "发布", "公示", "更新"] where core.hasSuffix(suffix) {
            core = String(core.dropLast(suffix.count))
            break
        }
        return TimeLimit.vagueCores.contains(core)
    }
}

/// The parser behind `TimeLimit.parse`. Works on the text with digits normalized, keeping for each normalized
/// character the range of original characters it came from.
public struct TimeLimitParser {
    let original: [Unicode.Scalar]
    var norm: [Unicode.Scalar] = []
    var origStart: [Int] = []
    var origEnd: [Int] = []

    init(_ text: String) {
        original = Array(text.unicodeScalars)
        normalize()
    }

    static let chineseDigits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Whether a scalar is a Chinese numeral (〇一二…十百千两), as time limits and article numbers use them.
    public static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool { chineseDigits[s] != nil || s == "十" || s == "百" }

    /// Value of a Chinese numeral such as 二十, 十五, 一百二十, 七.
    static func chineseValue(_ run: ArraySlice<Unicode.Scalar>) -> Int? {
        var total = 0
        var current = 0
        var sawAny = false
        for s in run {
            if let d = chineseDigits[s] {
                current = d
                sawAny = true
            } else if s == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
                sawAny = true
            } else if s == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
                sawAny = true
            } else {
                return nil
            }
        }
        return sawAny ? total + current : nil
    }

    /// Unit words that may follow a number written in Chinese numerals.
    static let unitStarts: Set<Unicode.Scalar> = ["个", "日", "天", "周", "星", "月", "年", "工", "小"]

    mutating func normalize() {
        var i = 0
        let n = original.count
        while i < n {
            let s = original[i]
            if s == " " || s == "\u{3000}" || s == "\t" {
                i += 1
                continue
            }
            if s.value >= 0xFF10 && s.value <= 0xFF19 {
                append(Unicode.Scalar(s.value - 0xFF10 + 0x30)!, i, i + 1)
                i += 1
                continue
            }
            if TimeLimitParser.isChineseNumeral(s) {
                var j = i
                while j < n, TimeLimitParser.isChineseNumeral(original[j]) { j += 1 }
                if j < n, TimeLimitParser.unitStarts.contains(original[j]),
                    let value = TimeLimitParser.chineseValue(original[i..<j])
                {
                    for digit in String(value).unicodeScalars { append(digit, i, j) }
                    i = j
                    continue
                }
            }
            append(s, i, i + 1)
            i += 1
        }
    }

    mutating func append(_ s: Unicode.Scalar, _ start: Int, _ end: Int) {
        norm.append(s)
        origStart.append(start)
        origEnd.append(end)
    }

    /// Original range of normalized characters `a..<b`.
    func originalRange(_ a: Int, _ b: Int) -> Range<Int> {
        guard a < b, a < norm.count else { return (origStart.last ?? 0)..<(origEnd.last ?? 0) }
        return origStart[a]..<origEnd[b - 1]
    }

    static let separators: Set<Unicode.Scalar> = ["；", ";", "，", ",", "。", "\n"]

    func parse() -> TimeLimit {
        var clauses: [TimeLimit.Clause] = []
        var start = 0
        var i = 0
        while i <= norm.count {
            if i == norm.count || TimeLimitParser.separators.contains(norm[i]) {
                var a = start
                // Drop an enumerator: 1. 1、 （1） (1) ①
                a = skipEnumerator(from: a, to: i)
                if a < i {
                    let kind = classify(a, i)
                    let range = originalRange(a, i)
                    clauses.append(
                        TimeLimit.Clause(
                            kind: kind, text: String(String.UnicodeScalarView(original[range])), range: range))
                }
                start = i + 1
            }
            i += 1
        }
        return TimeLimit(text: String(String.UnicodeScalarView(original)), clauses: clauses)
    }

    func skipEnumerator(from a: Int, to end: Int) -> Int {
        var j = a
        if j < end, (0x2460...0x2473).contains(norm[j].value) { return j + 1 }
        if j < end, norm[j] == "（" || norm[j] == "(" {
            var k = j + 1
            while k < end, isDigit(norm[k]) { k += 1 }
            if k > j + 1, k < end, norm[k] == "）" || norm[k] == ")" { return k + 1 }
        }
        while j < end, isDigit(norm[j]) { j += 1 }
        if j > a, j < end, norm[j] == "." || norm[j] == "、" || norm[j] == "．" { return j + 1 }
        return a
    }

    func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    func text(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        return String(String.UnicodeScalarView(norm[a..<b]))
    }

    func has(_ a: Int, _ b: Int, _ words: [String]) -> Bool {
        let t = text(a, b)
        return words.contains { t.contains($0) }
    }

    /// Finds a number with a unit of time in `a..<b` that is not part of a date (2019年, 3月31日).
    func findSpan(_ a: Int, _ b: Int) -> (span: TimeLimit.Span, numberStart: Int, unitEnd: Int)? {
        var i = a
        while i < b {
            guard isDigit(norm[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < b, isDigit(norm[j]) { j += 1 }
            let amount = Int(text(i, j)) ?? 0
            // The unit words are at most four characters: reading the whole rest of the text after each number
            // made a long value full of digits quadratic (a fuzzer timeout, Tests/Fixtures/fuzz).
            let after = text(j, min(b, j + 4))
            let units: [(String, TimeLimit.Unit)] = [
                ("个工作日", .workingDays), ("工作日", .workingDays), ("个自然日", .days), ("自然日", .days),
                ("个月", .months), ("个星期", .weeks), ("星期", .weeks), ("小时", .hours),
                ("日", .days), ("天", .days), ("周", .weeks), ("月", .months), ("年", .years),
            ]
            for (word, unit) in units where after.hasPrefix(word) {
                let unitEnd = j + word.unicodeScalars.count
                // Dates: 3月31日, 2019年.
                if unit == .months, word == "月", unitEnd < b, isDigit(norm[unitEnd]) { break }
                if unit == .months, word == "月", i > a, norm[i - 1] == "年" { break }
                if unit == .years, amount >= 1900 { break }
                if unit == .days, i > a, norm[i - 1] == "月" { break }
                let range = originalRange(i, unitEnd)
                return (TimeLimit.Span(amount: amount, unit: unit, range: range), i, unitEnd)
            }
            i = j
        }
        return nil
    }

    func classify(_ a: Int, _ b: Int) -> TimeLimit.Kind {
        if has(a, b, ["另有规定"]) { return .lawPrevails }
        if let found = findSpan(a, b) {
            let prefix = text(a, found.numberStart)
            let suffix = text(found.unitEnd, b)
            let minimumWords = ["不少于", "不得少于", "不低于", "至少"]
            if minimumWords.contains(where: prefix.contains), !prefix.contains("前") {
                return .minimumPeriod(found.span)
            }
            if ["期限为", "时间为", "期为", "公示", "公告", "公示期", "公告期"].contains(where: { prefix.hasSuffix($0) }) {
                return .minimumPeriod(found.span)
            }
            if prefix.contains("前") || prefix.hasSuffix("提前") || suffix.hasPrefix("前") || suffix.hasPrefix("以前") {
                let event = (prefix + suffix).replacingFirst("提前", with: "")
                return .before(found.span, event: event)
            }
            return .within(found.span, anchor: TimeLimitParser.anchor(prefix))
        }
        if has(a, b, ["实时"]) { return .realTime }
        if has(a, b, ["长期", "常年", "常态"]) { return .longTerm }
        let t = text(a, b)
        if (t.hasPrefix("按") || t.hasPrefix("依照") || t.hasPrefix("依据") || t.hasPrefix("根据") || t.hasPrefix("按照"))
            && (t.contains("规定") || t.contains("程序") || t.contains("要求"))
        {
            return .asPrescribed
        }
        let periods: [(String, TimeLimit.Period)] = [
            ("每半年", .halfYear), ("半年", .halfYear), ("每季度", .quarter), ("每季", .quarter), ("按季度", .quarter),
            ("每年", .year),
            ("按年度", .year), ("每月", .month), ("按月", .month), ("每周", .week), ("定期", .regular), ("年度", .year),
            ("季度", .quarter),
        ]
        for (word, period) in periods where has(a, b, [word]) {
            return .periodic(period, due: monthDay(a, b))
        }
        if has(a, b, ["及时", "即时", "随时", "同时", "同步", "第一时间", "立即"]) { return .promptly }
        let verbs = ["公告", "公开", "公示", "公布", "发布", "通知"]
        if t.contains("前"), verbs.contains(where: t.contains) { return .before(nil, event: t) }
        if t.contains("后"), verbs.contains(where: t.contains) { return .upon(event: t) }
        return .unrecognized
    }

    /// A due date written as 3月31日 or 3月底 in `a..<b`.
    func monthDay(_ a: Int, _ b: Int) -> TimeLimit.MonthDay? {
        var i = a
        while i < b {
            if isDigit(norm[i]) {
                var j = i
                while j < b, isDigit(norm[j]) { j += 1 }
                if j < b, norm[j] == "月", let month = Int(text(i, j)), (1...12).contains(month) {
                    let k = j + 1
                    var m = k
                    while m < b, isDigit(norm[m]) { m += 1 }
                    if m > k, m < b, norm[m] == "日" || norm[m] == "号" {
                        return TimeLimit.MonthDay(month: month, day: Int(text(k, m)))
                    }
                    return TimeLimit.MonthDay(month: month, day: nil)
                }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    static func anchor(_ prefix: String) -> TimeLimit.Anchor {
        var words = prefix
        for strip in ["：", ":"] {
            if let r = words.range(of: strip, options: .backwards) { words = String(words[r.upperBound...]) }
        }
        let kind: TimeLimit.AnchorKind
        if words.isEmpty {
            kind = .unspecified
        } else if words.contains("申请") {
            kind = .request
        } else if ["形成", "变更", "制作", "获取", "制定", "产生"].contains(where: words.contains) {
            kind = .formedOrChanged
        } else if ["批准", "批复", "审批", "审定", "通过"].contains(where: words.contains) {
            kind = .approval
        } else if ["决定", "作出", "处罚", "许可"].contains(where: words.contains) {
            kind = .decision
        } else {
            kind = .event
        }
        return TimeLimit.Anchor(text: prefix, kind: kind)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}

/// The text without spaces and punctuation: limits that differ only in those are the same limit.
private func punctuationFree(_ text: String) -> String {
    String(
        String.UnicodeScalarView(
            text.unicodeScalars.filter { s in
                !(s.properties.isWhitespace || s.properties.generalCategory.isPunctuationOrSymbol)
            }))
}

private extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .modifierSymbol:
            true
        default: false
        }
    }
}
