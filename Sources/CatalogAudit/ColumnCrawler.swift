import Foundation
import HTMLDocument

/// What reading one column found: its entries over the pages read, or why it could not be read.
public struct ColumnCrawl: Sendable {
    public enum Outcome: Sendable, Hashable {
        case list(entries: [ListPage.Entry], notice: String?, pages: Int)
        case failed(FetchFailure)
        /// The URL answers, but not with a list: an article page or a file that is not a web page.
        case notAList(String)
    }

    public var url: URL
    public var outcome: Outcome

    /// The newest entry's date.
    public var newest: CivilDate? {
        if case .list(let entries, _, _) = outcome { return entries.map(\.date).max() }
        return nil
    }

    public var entries: [ListPage.Entry] {
        if case .list(let entries, _, _) = outcome { return entries }
        return []
    }
}

/// Reads a column's list page and follows its pagination up to the page limit.
public enum ColumnCrawler {
    public static func crawl(_ url: URL, source: PageSource, pageLimit: Int, asOf: CivilDate) async -> ColumnCrawl {
        var entries: [ListPage.Entry] = []
        var seenEntries = Set<URL>()
        var notice: String?
        var visited = Set<URL>()
        var next: URL? = url
        var pages = 0
        while let pageURL = next, pages <= pageLimit, visited.insert(pageURL.absoluteURL).inserted {
            let result = await source.fetch(pageURL)
            let page: FetchedPage
            switch result {
            case .success(let p): page = p
            case .failure(let failure):
                // The first page decides; a later page failing only ends the walk.
                if pages == 0 { return ColumnCrawl(url: url, outcome: .failed(failure)) }
                next = nil
                continue
            }
            guard page.isHTML else {
                if pages == 0 { return ColumnCrawl(url: url, outcome: .notAList(page.contentType ?? "not HTML")) }
                break
            }
            guard let document = try? HTMLDocument(data: page.data, encoding: page.charset) else {
                if pages == 0 { return ColumnCrawl(url: url, outcome: .notAList("unparsable HTML")) }
                break
            }
            let list = ListPage(document: document, url: page.url, asOf: asOf)
            if pages == 0, list.looksLikeArticle {
                return ColumnCrawl(url: url, outcome: .notAList("article"))
            }
            for entry in list.entries where seenEntries.insert(entry.url).inserted { entries.append(entry) }
            if notice == nil { notice = list.noInformationNotice }
            pages += 1
            // Stay within the column's site.
            next = list.nextPage.flatMap { HTTPSource.hostKey($0) == HTTPSource.hostKey(url) ? $0 : nil }
        }
        return ColumnCrawl(
            url: url, outcome: .list(entries: entries, notice: entries.isEmpty ? notice : nil, pages: pages))
    }
}
