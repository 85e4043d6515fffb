// The small 公开时限 reader the diff uses to decide "longer or shorter". It is kept in this one file on
// purpose: when the shared parser of the lint rules exists, `TimeLimit.parse` and `TimeLimit.compare`
// are the only two functions to replace.

/// A 公开时限 reduced to what a comparison needs.
public enum TimeLimit: Sendable, Hashable {
    /// 实时, 即时, 随时: published as soon as the information exists.
    case immediate
    /// 及时: promptly, without a number.
    case prompt
    /// Within a period after the information is formed or changed (…20个工作日内), in days; working days are
    /// kept apart because they only compare exactly with working days.
    case within(Period)
    /// A period *before* an event (招聘会举办5个工作日前, 提前3日): a longer period is better.
    case advance(Period)
    /// Published regularly (每月, 每季度, 每年): a shorter cycle is better.
    case periodic(Period)

    public struct Period: Sendable, Hashable {
        public var amount: Double
        public var unit: Unit

        public init(_ amount: Double, _ unit: Unit) {
            self.amount = amount
            self.unit = unit
        }

        /// An approximate length in calendar days (a working day counts 7/5).
        public var days: Double { amount * unit.days }
    }

    public enum Unit: String, Sendable, Hashable {
        case hour, workingDay, day, week, month, quarter, halfYear, year

        var days: Double {
            switch self {
            case .hour: 1.0 / 24
            case .workingDay: 1.4
            case .day: 1
            case .week: 7
            case .month: 30
            case .quarter: 91
            case .halfYear: 182
            case .year: 365
            }
        }
    }

    /// How a new time limit compares with the old one.
    public enum Comparison: Sendable, Hashable {
        case longer, shorter, same, undecidable
    }

    /// Reads the common forms; nil when the text has none, or more than one distinct period.
    public static func parse(_ text: String) -> TimeLimit? {
        let t = text.filter { !$0.isWhitespace }
        let s = Array(t)
        var found: [(period: Period, start: Int, end: Int)] = []
        var i = 0
        while i < s.count {
            guard let (amount, next) = number(s, at: i) else { i += 1; continue }
            // 3月31日, 2024年: a date, not a period.
            if i > 0, "月年".contains(s[i - 1]) { i = next; continue }
            var j = next
            let counted = j < s.count && s[j] == "个"
            if counted { j += 1 }
            if let (unit, end) = unit(s, at: j), unit != .month || counted || s[end...].first == "内",
               amount > 0, amount < 1000 {
                found.append((Period(amount, unit), i, end))
                i = end
            } else {
                i = next
            }
        }
        let distinct = Set(found.map(\.period))
        if distinct.count > 1 { return nil }
        if let first = found.first {
            let after = String(s[first.end...].prefix(2))
            let before = String(s[max(0, first.start - 6)..<first.start])
            if after.hasPrefix("前") || before.contains("提前") { return .advance(first.period) }
            if before.hasSuffix("每") || (before.contains("每") && !after.hasPrefix("内")) {
                return .periodic(first.period)
            }
            return .within(first.period)
        }
        // No number: the words. The shortest cycle named wins (每半年 also contains 半年 and 年).
        let cycles: [(String, Period)] = [
            ("每日", Period(1, .day)), ("每天", Period(1, .day)), ("每周", Period(1, .week)),
            ("每月", Period(1, .month)), ("按月", Period(1, .month)), ("每季度", Period(1, .quarter)),
            ("每季", Period(1, .quarter)), ("按季", Period(1, .quarter)), ("每半年", Period(1, .halfYear)),
            ("每年", Period(1, .year)), ("按年", Period(1, .year)), ("年度", Period(1, .year)),
        ]
        if let cycle = cycles.filter({ t.contains($0.0) }).map(\.1).min(by: { $0.days < $1.days }) {
            return .periodic(cycle)
        }
        if t.contains("实时") || t.contains("即时") || t.contains("随时") { return .immediate }
        if t.contains("及时") { return .prompt }
        return nil
    }

    /// Compares the new time limit with the old one; `undecidable` when the forms do not compare.
    public static func compare(old: String, new: String) -> Comparison {
        if normalized(old) == normalized(new) { return .same }
        guard let a = parse(old), let b = parse(new) else { return .undecidable }
        return compare(a, b)
    }

    /// Compares two parsed time limits: is `b` longer than `a`?
    public static func compare(_ a: TimeLimit, _ b: TimeLimit) -> Comparison {
        switch (a, b) {
        case (.immediate, .immediate), (.prompt, .prompt): return .same
        case (.immediate, .prompt), (.immediate, .within): return .longer
        case (.prompt, .immediate), (.within, .immediate): return .shorter
        case (.within(let p), .within(let q)): return periods(p, q)
        case (.periodic(let p), .periodic(let q)): return periods(p, q)
        case (.advance(let p), .advance(let q)):
            // Earlier notice is better: a longer advance is a shorter (better) limit.
            switch periods(p, q) {
            case .longer: return .shorter
            case .shorter: return .longer
            case let other: return other
            }
        default: return .undecidable
        }
    }

    /// Compares periods exactly in the same unit family; across working and calendar days only when the
    /// difference is clear (more than a fifth), since holidays make the conversion approximate.
    static func periods(_ p: Period, _ q: Period) -> Comparison {
        if p.unit == q.unit || (p.unit != .workingDay && q.unit != .workingDay) {
            let a = p.days, b = q.days
            if abs(a - b) < 1e-9 { return .same }
            return b > a ? .longer : .shorter
        }
        let a = p.days, b = q.days
        if b > a * 1.2 { return .longer }
        if a > b * 1.2 { return .shorter }
        return .undecidable
    }

    static func normalized(_ s: String) -> String {
        s.filter { !$0.isWhitespace && !"，。,.、；;".contains($0) }
    }

    static let digits: [Character: Int] = [
        "0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9,
        "０": 0, "１": 1, "２": 2, "３": 3, "４": 4, "５": 5, "６": 6, "７": 7, "８": 8, "９": 9,
    ]
    static let chineseDigits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// A number at `i`: Arabic (ASCII or full-width) or Chinese up to 九十九; 半 is 0.5.
    static func number(_ s: [Character], at i: Int) -> (Double, Int)? {
        var j = i
        var value = 0
        while j < s.count, let d = digits[s[j]] { value = value * 10 + d; j += 1 }
        if j > i { return (Double(value), j) }
        if s[i] == "半" { return (0.5, i + 1) }
        // Chinese numerals: [digit]十[digit] or digit.
        var tens = 0, units = 0, seen = false
        if let d = chineseDigits[s[j]] {
            units = d; seen = true; j += 1
        }
        if j < s.count, s[j] == "十" {
            tens = seen ? units : 1; units = 0; seen = true; j += 1
            if j < s.count, let d = chineseDigits[s[j]] { units = d; j += 1 }
        }
        guard seen else { return nil }
        // 一 on its own is too common in prose (一次, 统一) unless a unit follows; the caller checks that.
        return (Double(tens * 10 + units), j)
    }

    /// A unit at `i`: 小时, 工作日, 日, 天, 周, 个月/月, 季度, 年.
    static func unit(_ s: [Character], at i: Int) -> (Unit, Int)? {
        guard i < s.count else { return nil }
        let rest = String(s[i..<min(s.count, i + 3)])
        let units: [(String, Unit)] = [
            ("小时", .hour), ("工作日", .workingDay), ("日", .day), ("天", .day), ("周", .week), ("星期", .week),
            ("月", .month), ("季度", .quarter), ("半年", .halfYear), ("年", .year),
        ]
        for (word, unit) in units where rest.hasPrefix(word) {
            return (unit, i + word.count)
        }
        return nil
    }
}
