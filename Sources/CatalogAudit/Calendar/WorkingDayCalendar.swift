import CatalogModel
import Diagnostics
import YAMLTree

/// China's working days: Monday to Friday, except the official holidays, plus the adjusted working days (调休)
/// of the State Council General Office's annual notices, from `data/holidays-cn.yaml` (compiled in).
public struct WorkingDayCalendar: Sendable {
    /// One notice as transcribed: its number (nil where the sources give none), date and what it sets.
    public struct Notice: Sendable {
        public var year: Int
        public var title: String
        public var number: String?
        public var date: CivilDate
        public var holidays: [(name: String, first: CivilDate, last: CivilDate)]
        public var workdays: [CivilDate]
    }

    public let notices: [Notice]
    /// The first and last day the calendar knows (1 January of the first notice year … 31 December of the last).
    public let coverage: ClosedRange<CivilDate>
    /// Days a notice set: true = working day (调休上班), false = holiday. Later notices override earlier ones.
    private let overrides: [Int: Bool]

    /// The calendar compiled into gkml.
    public static let builtIn: WorkingDayCalendar = {
        guard let text = EmbeddedResources.files[resourcePath] else {
            fatalError("\(resourcePath) is not embedded: run scripts/embed-resources")
        }
        do {
            return try WorkingDayCalendar(yaml: text, file: resourcePath)
        } catch {
            fatalError("\(resourcePath) is invalid: \(error)")  // a build defect, caught by the calendar tests
        }
    }()

    public static let resourcePath = "data/holidays-cn.yaml"

    /// Reads the holiday file format (`格式: gkml-holidays/1`).
    public init(yaml: String, file: String) throws {
        let parsed = YAMLParser.parse(yaml, file: file)
        guard let root = parsed.cleanDocument?.root, root["格式"]?.string == "gkml-holidays/1",
            let entries = root["通知"]?.sequence
        else {
            throw CalendarError.malformed(file: file, detail: "not a gkml-holidays/1 file")
        }
        var notices: [Notice] = []
        for entry in entries {
            func date(_ node: YAMLNode?) throws -> CivilDate {
                guard let node, let s = node.string, let d = CivilDate(s) else {
                    throw CalendarError.malformed(
                        file: file, detail: "bad date at line \(node?.start.line ?? entry.start.line)")
                }
                return d
            }
            guard let yearText = entry["年份"]?.string ?? entry["年份"].map(\.text), let year = Int(yearText),
                let title = entry["标题"]?.string
            else {
                throw CalendarError.malformed(file: file, detail: "notice at line \(entry.start.line) lacks 年份/标题")
            }
            var holidays: [(String, CivilDate, CivilDate)] = []
            for h in entry["放假"]?.sequence ?? [] {
                holidays.append((h["节日"]?.string ?? "", try date(h["起"]), try date(h["止"])))
            }
            let workdays = try (entry["上班"]?.sequence ?? []).map { try date($0) }
            notices.append(
                Notice(
                    year: year, title: title, number: entry["文号"]?.string, date: try date(entry["成文日期"]),
                    holidays: holidays, workdays: workdays))
        }
        guard let first = notices.map(\.year).min(), let last = notices.map(\.year).max() else {
            throw CalendarError.malformed(file: file, detail: "no notices")
        }
        var overrides: [Int: Bool] = [:]
        for notice in notices.sorted(by: { $0.date < $1.date }) {
            for h in notice.holidays {
                for o in h.first.ordinal...h.last.ordinal { overrides[o] = false }
            }
            for w in notice.workdays { overrides[w.ordinal] = true }
        }
        self.notices = notices
        self.overrides = overrides
        coverage = CivilDate(year: first, month: 1, day: 1)!...CivilDate(year: last, month: 12, day: 31)!
    }

    /// Whether `date` is a working day; throws outside the calendar's years.
    public func isWorkingDay(_ date: CivilDate) throws -> Bool {
        guard coverage.contains(date) else { throw CalendarError.outOfRange(date: date, coverage: coverage) }
        if let set = overrides[date.ordinal] { return set }
        return !date.isWeekend
    }

    /// The working days after `start` up to and including `end` (0 when `end` is not after `start`): a
    /// document written on `start` and published on `end` took this many working days.
    public func workingDays(from start: CivilDate, to end: CivilDate) throws -> Int {
        guard start < end else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if try isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The `n`th working day after `start` (the last day of a limit of n working days).
    public func adding(workingDays n: Int, to start: CivilDate) throws -> CivilDate {
        var day = start
        var left = n
        while left > 0 {
            day = day.adding(days: 1)
            if try isWorkingDay(day) { left -= 1 }
        }
        return day
    }
}

/// Why the calendar cannot answer.
public enum CalendarError: Error, Equatable, CustomStringConvertible {
    case outOfRange(date: CivilDate, coverage: ClosedRange<CivilDate>)
    case malformed(file: String, detail: String)

    public var description: String { message(.zh) }

    public func message(_ language: Language) -> String {
        switch self {
        case .outOfRange(let date, let coverage):
            return language == .en
                ? "\(date) is outside the holiday calendar (\(coverage.lowerBound.year)–\(coverage.upperBound.year)); working days cannot be counted. Add the State Council notice for \(date.year) to data/holidays-cn.yaml."
                : "\(date) 超出节假日日历的范围（\(coverage.lowerBound.year)–\(coverage.upperBound.year) 年），无法计算工作日。请把国务院办公厅 \(date.year) 年节假日安排通知补入 data/holidays-cn.yaml。"
        case .malformed(let file, let detail):
            return language == .en ? "\(file) is malformed: \(detail)" : "\(file) 格式有误：\(detail)"
        }
    }
}
