import Testing
@testable import CatalogAudit

private func d(_ s: String) -> CivilDate { CivilDate(s)! }

@Suite struct CalendarTests {
    let calendar = WorkingDayCalendar.builtIn

    @Test func civilDateArithmetic() {
        #expect(d("1970-01-01").ordinal == 0)
        #expect(d("2024-03-01").adding(days: -1) == d("2024-02-29"))
        #expect(d("2024-10-01").weekday == 2)  // a Tuesday
        #expect(d("2024-10-12").weekday == 6)  // a Saturday
        #expect(CivilDate("2023-02-29") == nil)
        #expect(CivilDate(ordinal: d("2026-12-31").ordinal) == d("2026-12-31"))
    }

    @Test func everyNoticeIsTranscribedWithItsNumber() {
        #expect(calendar.coverage == d("2019-01-01")...d("2026-12-31"))
        let byYear = Dictionary(grouping: calendar.notices, by: \.year)
        #expect(Set(byYear.keys) == Set(2019...2026))
        #expect(byYear[2024]?.first?.number == "国办发明电〔2023〕7号")
        #expect(byYear[2025]?.first?.number == "国办发明电〔2024〕12号")
        // Every 调休 working day falls on a weekend (a transcription check: the notices name only weekends).
        for notice in calendar.notices { for w in notice.workdays { #expect(w.isWeekend, "\(notice.title): \(w)") } }
    }

    @Test func nationalDay2024() throws {
        // 10月1日至7日放假调休；9月29日（星期日）、10月12日（星期六）上班。
        for day in 1...7 { #expect(try !calendar.isWorkingDay(d("2024-10-0\(day)"))) }
        #expect(try calendar.isWorkingDay(d("2024-09-29")))
        #expect(try calendar.isWorkingDay(d("2024-10-12")))
        #expect(try !calendar.isWorkingDay(d("2024-10-13")))  // an ordinary Sunday
        // 9月27日 (Fri) → 10月12日 (Sat): 9-29, 9-30, 10-8, 10-9, 10-10, 10-11, 10-12 = 7 working days.
        #expect(try calendar.workingDays(from: d("2024-09-27"), to: d("2024-10-12")) == 7)
        // Written 2024-09-20 (Fri): 9-23..9-27, 9-29, 9-30 = 7; 10-8..10-12 = 5; 10-14..10-18 = 5; 10-21..10-23 = 3.
        #expect(try calendar.adding(workingDays: 20, to: d("2024-09-20")) == d("2024-10-23"))
        #expect(try calendar.workingDays(from: d("2024-09-20"), to: d("2024-10-23")) == 20)
    }

    @Test func springFestival2024() throws {
        // 2月10日至17日放假调休；2月4日（星期日）、2月18日（星期日）上班。
        #expect(try calendar.isWorkingDay(d("2024-02-04")))
        #expect(try calendar.isWorkingDay(d("2024-02-18")))
        for day in 10...17 { #expect(try !calendar.isWorkingDay(d("2024-02-\(day)"))) }
        #expect(try !calendar.isWorkingDay(d("2024-02-03")))  // the Saturday before stays a rest day
        // 2-2 (Fri) → 2-19 (Mon): 2-4, 2-5, 2-6, 2-7, 2-8, 2-9, 2-18, 2-19 = 8.
        #expect(try calendar.workingDays(from: d("2024-02-02"), to: d("2024-02-19")) == 8)
    }

    @Test func laterNoticesOverrideEarlierOnes() throws {
        // 2019 劳动节 extended by 国办发明电〔2019〕3号: 5-2, 5-3 became holidays, 4-28 and 5-5 (Sundays) working days.
        #expect(try !calendar.isWorkingDay(d("2019-05-02")))
        #expect(try calendar.isWorkingDay(d("2019-05-05")))
        // 2020 春节 extended to 2-2 by 国办发明电〔2020〕1号: the 调休 Saturday 2-1 was no longer worked.
        #expect(try !calendar.isWorkingDay(d("2020-01-31")))
        #expect(try !calendar.isWorkingDay(d("2020-02-01")))
        #expect(try calendar.isWorkingDay(d("2020-02-03")))
    }

    @Test func datesOutsideTheCalendarAreAnError() {
        #expect(throws: CalendarError.self) { try calendar.isWorkingDay(d("2027-01-04")) }
        #expect(throws: CalendarError.self) { try calendar.workingDays(from: d("2018-12-20"), to: d("2019-01-10")) }
        let error = CalendarError.outOfRange(date: d("2027-03-01"), coverage: calendar.coverage)
        #expect(error.message(.zh).contains("2019–2026"))
        #expect(error.message(.en).contains("outside the holiday calendar"))
    }
}
