import CatalogModel

/// `audit-late`: a document published later than its 成文日期 plus the item's limit (条例第二十六条: 20 working
/// days from when the information was formed, or the item's own limit).
enum LateCheck {
    /// The limit that applies to documents: the longest deadline counted from when information is formed or a
    /// decision is made (replies to requests excluded), in working or calendar days or months.
    static func limit(_ timeLimit: TimeLimit) -> TimeLimit.Span? {
        timeLimit.deadlines
            .filter { $0.anchor.kind != .request && [.workingDays, .days, .months].contains($0.span.unit) }
            .map(\.span)
            .max { $0.workingDays < $1.workingDays }
    }

    /// Whether a document written on `written` and published on `published` is late for `limit`; with the
    /// working days it took (calendar days for a limit in days).
    static func judge(
        written: CivilDate, published: CivilDate, limit: TimeLimit.Span,
        calendar: WorkingDayCalendar
    ) throws -> (late: Bool, elapsed: Int) {
        switch limit.unit {
        case .workingDays:
            let days = try calendar.workingDays(from: written, to: published)
            return (days > limit.amount, days)
        case .days:
            let days = max(0, published.ordinal - written.ordinal)
            return (days > limit.amount, days)
        case .months:
            let days = try calendar.workingDays(from: written, to: published)
            return (published > written.addingMonths(limit.amount), days)
        default:
            return (false, 0)
        }
    }
}
