import CatalogModel

/// `audit-stale`: an item with a periodic limit (每季度, 半年至少更新1次, 每年…) whose column's newest entry is
/// older than one period before the audit date.
enum StaleCheck {
    /// The shortest period the item's time limit sets, if any.
    static func period(_ limit: TimeLimit) -> TimeLimit.Period? {
        limit.clauses.compactMap { clause -> TimeLimit.Period? in
            if case .periodic(let p, _) = clause.kind, p != .regular { return p }
            return nil
        }.min { $0.workingDays < $1.workingDays }
    }

    /// The oldest newest-entry date that still counts as up to date at `asOf`.
    static func threshold(_ period: TimeLimit.Period, asOf: CivilDate) -> CivilDate {
        switch period {
        case .week: return asOf.adding(days: -7)
        case .month: return asOf.addingMonths(-1)
        case .quarter, .regular: return asOf.addingMonths(-3)
        case .halfYear: return asOf.addingMonths(-6)
        case .year: return asOf.addingMonths(-12)
        }
    }

    /// Whether the column is stale for this limit: it has entries and the newest is before the threshold.
    static func isStale(newest: CivilDate?, limit: TimeLimit, asOf: CivilDate) -> Bool {
        guard let period = period(limit), let newest else { return false }
        return newest < threshold(period, asOf: asOf)
    }
}

extension CivilDate {
    /// The same day `months` months later (or earlier), clamped to the month's last day.
    func addingMonths(_ months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y)))!
    }
}
