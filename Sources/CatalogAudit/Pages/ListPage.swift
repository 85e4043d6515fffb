import Foundation
import HTMLDocument

/// A column's list page as the common CMSs print it: entries (title, link, date), the link to the next page,
/// and whether the page says that no information arose.
public struct ListPage: Sendable {
    /// One entry of the list.
    public struct Entry: Sendable, Hashable {
        public var title: String
        public var url: URL
        public var date: CivilDate
    }

    public var entries: [Entry]
    /// The next page of the same list, if the page links one.
    public var nextPage: URL?
    /// The notice that the column has no information (经核查，本栏目暂无相关信息 / 未产生…), as printed.
    public var noInformationNotice: String?
    /// Whether the page is an article (it carries a 信息公开 header or article meta tags) rather than a list.
    public var looksLikeArticle: Bool

    /// Reads `document`, fetched from `url`; year-less dates are read relative to `asOf`.
    public init(document: HTMLDocument, url: URL, asOf: CivilDate) {
        let body = document.body ?? document.root
        entries = Self.entries(in: body, base: url, asOf: asOf)
        nextPage = Self.nextPage(in: document.root, base: url)
        noInformationNotice = Self.notice(in: body)
        looksLikeArticle =
            entries.isEmpty
            && (document.meta("ArticleTitle") != nil || ArticlePage.header(in: body).written != nil)
    }

    // MARK: - Entries

    /// Rows are `li`, `tr` and `dd` elements holding a link and a date; when a page has none, any element
    /// whose own children are a link and a date counts (`<div><a>…</a><span>…</span></div>`).
    static func entries(in body: HTMLElement, base: URL, asOf: CivilDate) -> [Entry] {
        var rows = body.descendants { ["li", "tr", "dd"].contains($0.name) }
        // A row that contains other rows is a container (a nested list), not an entry.
        rows = rows.filter { row in !row.descendants.contains { ["li", "tr", "dd"].contains($0.name) } }
        var result = rows.compactMap { entry(row: $0, base: base, asOf: asOf) }
        if result.isEmpty {
            let blocks = body.descendants { ["div", "p"].contains($0.name) }
                .filter { block in
                    block.elementChildren.contains { $0.name == "a" }
                        && !block.elementChildren.contains { $0.name == "div" }
                }
            result = blocks.compactMap { entry(row: $0, base: base, asOf: asOf) }
        }
        var seen = Set<URL>()
        return result.filter { seen.insert($0.url).inserted }
    }

    static func entry(row: HTMLElement, base: URL, asOf: CivilDate) -> Entry? {
        let links = row.descendants(named: "a").filter { link in
            guard let href = link.attribute("href")?.trimmingCharacters(in: .whitespaces), !href.isEmpty,
                !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:")
            else { return false }
            return HTMLText.normalize(link.attribute("title") ?? link.normalizedText).count >= 4
        }
        guard let link = links.first, let href = link.attribute("href"),
            let url = URL(string: href.trimmingCharacters(in: .whitespaces), relativeTo: base)?.absoluteURL
        else { return nil }
        let rowText = row.normalizedText
        var date = DateText.firstDate(in: rowText)
        if date == nil {
            // Year-less dates: in brackets anywhere, or alone in their own element.
            date =
                DateText.monthDay(in: rowText, asOf: asOf)
                ?? row.descendants.lazy.compactMap { DateText.monthDay(in: $0.normalizedText, asOf: asOf) }.first
        }
        guard let date else { return nil }
        var title = HTMLText.normalize(link.attribute("title") ?? "")
        if title.isEmpty {
            // A link wrapping title and date (`<a><p>标题</p><span>2024-05-14</span></a>`): the title is the rest.
            let paragraphs = link.descendants { ["p", "h3", "h4", "div"].contains($0.name) }
            title = paragraphs.first?.normalizedText ?? link.normalizedText
        }
        return Entry(title: title, url: url, date: date)
    }

    // MARK: - Pagination

    static let nextWords: Set<String> = ["下一页", "下页", "下一页>", "下一页 >", "下一页>>", "后一页", "next", "next page"]

    static func nextPage(in root: HTMLElement, base: URL) -> URL? {
        for link in root.descendants(named: "a") {
            let text = link.normalizedText.lowercased()
            guard
                nextWords.contains(text)
                    || nextWords.contains(HTMLText.normalize(link.attribute("title") ?? "").lowercased()),
                let href = link.attribute("href")?.trimmingCharacters(in: .whitespaces), !href.isEmpty,
                !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:"),
                let url = URL(string: href, relativeTo: base)?.absoluteURL, url != base.absoluteURL
            else { continue }
            return url
        }
        // TRS WCM prints its pager from a script: createPageHTML(总页数, 当前页, "index", "html").
        for script in root.descendants(named: "script") {
            if let match = script.text.firstMatch(
                of: #/createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["'](\w+)["']\s*,\s*["'](\w+)["']/#)
            {
                let (_, total, current, name, ext) = match.output
                guard let total = Int(total), let current = Int(current), current + 1 < total else { return nil }
                return URL(string: "\(name)_\(current + 1).\(ext)", relativeTo: base)?.absoluteURL
            }
        }
        return nil
    }

    // MARK: - The "no information" notice

    /// Phrases with which columns say that no information of the kind arose.
    static let noticePhrases = ["暂无相关信息", "暂无信息", "暂无内容", "暂无数据", "未产生", "无相关信息", "无此类信息", "本栏目暂无"]

    /// The smallest element whose text holds one of the phrases (the notice itself, not its container).
    static func notice(in body: HTMLElement) -> String? {
        var best: String?
        for element in body.descendants {
            let text = element.normalizedText
            guard noticePhrases.contains(where: text.contains), text.count <= 80 else { continue }
            if best == nil || text.count < best!.count { best = text }
        }
        return best
    }
}
