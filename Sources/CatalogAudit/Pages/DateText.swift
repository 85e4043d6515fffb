/// Dates as Chinese government pages print them: 2024-05-14, 2024/05/14, 2024.05.14, 2024年5月14日, and in
/// lists without the year, [05-14].
public enum DateText {
    /// The first full date (with a year) in `text`.
    public static func firstDate(in text: String) -> CivilDate? {
        allDates(in: text).first
    }

    /// All full dates in `text`, in order.
    public static func allDates(in text: String) -> [CivilDate] {
        var found: [CivilDate] = []
        for match in text.matches(of: fullDate) {
            let (_, y, m, d) = match.output
            if let date = CivilDate(year: Int(y)!, month: Int(m)!, day: Int(d)!) { found.append(date) }
        }
        return found
    }

    /// A year-less date (`[05-14]`, `(05-14)`, `05-14` standing alone) read as the latest such day not after
    /// `asOf`, since a list shows its newest entries.
    public static func monthDay(in text: String, asOf: CivilDate) -> CivilDate? {
        guard let match = text.firstMatch(of: bracketedMonthDay) ?? text.wholeMatch(of: bareMonthDay) else {
            return nil
        }
        let (_, m, d) = match.output
        guard let month = Int(m), let day = Int(d) else { return nil }
        if let date = CivilDate(year: asOf.year, month: month, day: day), date <= asOf { return date }
        return CivilDate(year: asOf.year - 1, month: month, day: day)
    }

    nonisolated(unsafe) private static let fullDate =
        #/(?:^|\D)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)/#
    nonisolated(unsafe) private static let bracketedMonthDay = #/[\[【(（]\s*(\d{1,2})[-/.](\d{1,2})\s*[\]】)）]/#
    nonisolated(unsafe) private static let bareMonthDay = #/\s*(\d{1,2})-(\d{1,2})\s*/#
}
