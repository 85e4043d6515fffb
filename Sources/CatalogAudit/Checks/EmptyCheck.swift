/// `audit-empty`: a column read as a list with no entries on any page and no notice that no information arose.
enum EmptyCheck {
    static func isEmpty(_ crawl: ColumnCrawl) -> Bool {
        if case .list(let entries, let notice, _) = crawl.outcome { return entries.isEmpty && notice == nil }
        return false
    }

    static func hasNotice(_ crawl: ColumnCrawl) -> Bool {
        if case .list(let entries, let notice, _) = crawl.outcome { return entries.isEmpty && notice != nil }
        return false
    }
}
