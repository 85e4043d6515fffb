import CatalogModel
import Diagnostics
import Foundation
import HTMLDocument

/// What to audit and how.
public struct AuditOptions: Sendable {
    public var asOf: CivilDate
    public var pageLimit: Int
    /// Documents older than this many days before `asOf` are not fetched for the late check.
    public var articleWindowDays = 366
    public var language: Language = .zh
    public var calendar: WorkingDayCalendar = .builtIn

    public init(asOf: CivilDate, pageLimit: Int = FetchPolicy().pageLimit) {
        self.asOf = asOf
        self.pageLimit = pageLimit
    }
}

/// Runs the audit: columns of every catalog item, read through a page source, checked against the items' limits.
public enum Auditor {
    /// A column URL with the items (and their catalogs) that name it.
    struct Target {
        var url: URL
        var uses: [(entry: AuditWorkspace.Entry, item: CatalogItem)]
    }

    public static func run(
        _ workspace: AuditWorkspace, source: PageSource, options: AuditOptions,
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> AuditReport {
        let calendar = options.calendar
        guard calendar.coverage.contains(options.asOf) else {
            throw AuditError.calendar(.outOfRange(date: options.asOf, coverage: calendar.coverage))
        }
        var findings: [AuditFinding] = []
        var targets: [String: Target] = [:]
        var order: [String] = []
        for entry in workspace.catalogs {
            for group in entry.catalog.groups {
                for item in group.items {
                    if NoColumnCheck.applies(to: item) {
                        findings.append(finding(.noColumn, entry, item, url: nil, AuditEvidence()))
                    }
                    for column in item.columns?.value ?? [] {
                        guard let url = URL(string: column.value) else { continue }
                        let key = url.absoluteString
                        if targets[key] == nil { targets[key] = Target(url: url, uses: []); order.append(key) }
                        targets[key]!.uses.append((entry, item))
                    }
                }
            }
        }

        // Read every column (the source spaces requests per host).
        progress?("栏目 0/\(order.count)")
        let crawls = await withTaskGroup(of: ColumnCrawl.self) { group in
            for key in order {
                let url = targets[key]!.url
                group.addTask {
                    await ColumnCrawler.crawl(url, source: source, pageLimit: options.pageLimit, asOf: options.asOf)
                }
            }
            var result: [String: ColumnCrawl] = [:]
            for await crawl in group {
                result[crawl.url.absoluteString] = crawl
                progress?("栏目 \(result.count)/\(order.count)  \(crawl.url.absoluteString)")
            }
            return result
        }

        // Documents to open for the late check: recent entries of columns whose items set a deadline.
        var articleURLs: [URL] = []
        var seenArticles = Set<URL>()
        let windowStart = options.asOf.adding(days: -options.articleWindowDays)
        for key in order {
            guard let crawl = crawls[key],
                targets[key]!.uses.contains(where: { LateCheck.limit(TimeLimit.parse($0.item.timeLimit.value)) != nil })
            else { continue }
            for e in crawl.entries
            where e.date >= windowStart && e.date <= options.asOf && isWebPage(e.url)
                && HTTPSource.hostKey(e.url) == HTTPSource.hostKey(crawl.url) && seenArticles.insert(e.url).inserted
            {
                articleURLs.append(e.url)
            }
        }
        let total = articleURLs.count
        let articles = await withTaskGroup(of: (URL, ArticlePage?).self) { group in
            for url in articleURLs {
                group.addTask {
                    guard case .success(let page) = await source.fetch(url), page.isHTML,
                        let document = try? HTMLDocument(data: page.data, encoding: page.charset)
                    else { return (url, nil) }
                    return (url, ArticlePage(document: document))
                }
            }
            var result: [URL: ArticlePage] = [:]
            var done = 0
            for await (url, page) in group {
                done += 1
                if let page { result[url] = page }
                progress?("文件 \(done)/\(total)  \(url.absoluteString)")
            }
            return result
        }

        // The checks, column by column and item by item.
        var columns: [AuditColumn] = []
        var documentStats: [String: (checked: Int, onTime: Int)] = [:]
        var pairStats: [String: (checked: Int, published: Int)] = [:]
        for key in order {
            let target = targets[key]!
            let crawl = crawls[key] ?? ColumnCrawl(url: target.url, outcome: .failed(.budget))
            var status: ColumnStatus
            if case .failed(.budget) = crawl.outcome {
                status = .unchecked
            } else if UnreachableCheck.reason(crawl, options.language) != nil {
                status = .unreachable
            } else if EmptyCheck.isEmpty(crawl) {
                status = .empty
            } else if EmptyCheck.hasNotice(crawl) {
                status = .noInformation
            } else {
                status = .published
            }
            for (entry, item) in target.uses {
                let limit = TimeLimit.parse(item.timeLimit.value)
                var pairOK = status == .published || status == .noInformation
                if let (reason, code) = UnreachableCheck.reason(crawl, options.language) {
                    findings.append(
                        finding(.unreachable, entry, item, url: key, AuditEvidence(reason: reason, httpStatus: code)))
                } else if status == .empty {
                    findings.append(finding(.empty, entry, item, url: key, AuditEvidence()))
                } else if status != .unchecked,
                    StaleCheck.isStale(newest: crawl.newest, limit: limit, asOf: options.asOf)
                {
                    findings.append(
                        finding(
                            .stale, entry, item, url: key,
                            AuditEvidence(newest: crawl.newest, limit: item.timeLimit.value)))
                    status = .stale
                    pairOK = false
                }
                if status != .unchecked {
                    pairStats[entry.jurisdiction, default: (0, 0)].checked += 1
                    if pairOK { pairStats[entry.jurisdiction, default: (0, 0)].published += 1 }
                }
                guard let span = LateCheck.limit(limit) else { continue }
                for e in crawl.entries {
                    guard let article = articles[e.url], let written = article.header.written,
                        let published = article.publishedDate, written <= published
                    else { continue }
                    let verdict: (late: Bool, elapsed: Int)
                    do {
                        verdict = try LateCheck.judge(
                            written: written, published: published, limit: span, calendar: calendar)
                    } catch {
                        continue  // dates outside the calendar cannot be judged
                    }
                    documentStats[entry.jurisdiction, default: (0, 0)].checked += 1
                    if verdict.late {
                        findings.append(
                            finding(
                                .late, entry, item, url: e.url.absoluteString,
                                AuditEvidence(
                                    written: written, published: published, workingDays: verdict.elapsed,
                                    limit: item.timeLimit.value, title: article.title ?? e.title)))
                    } else {
                        documentStats[entry.jurisdiction, default: (0, 0)].onTime += 1
                    }
                }
            }
            let ids = target.uses.map(\.item.id.value)
            columns.append(
                AuditColumn(
                    url: key, items: ids.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
                    status: status, entries: crawl.entries.count, newest: crawl.newest,
                    jurisdictions: target.uses.map(\.entry.jurisdiction).reduce(into: []) {
                        if !$0.contains($1) { $0.append($1) }
                    }))
        }

        let jurisdictionOrder = Dictionary(uniqueKeysWithValues: workspace.jurisdictions.enumerated().map { ($1, $0) })
        findings.sort {
            ($0.jurisdictionRank(jurisdictionOrder), $0.catalog, $0.id, $0.code.rawValue, $0.url ?? "")
                < ($1.jurisdictionRank(jurisdictionOrder), $1.catalog, $1.id, $1.code.rawValue, $1.url ?? "")
        }
        let summary = workspace.jurisdictions.map { name in
            AuditSummary(
                jurisdiction: name,
                columnsChecked: pairStats[name]?.checked ?? 0, columnsPublished: pairStats[name]?.published ?? 0,
                documentsChecked: documentStats[name]?.checked ?? 0, documentsOnTime: documentStats[name]?.onTime ?? 0,
                itemsWithoutColumn: findings.filter { $0.jurisdiction == name && $0.code == .noColumn }.count,
                findings: findings.filter { $0.jurisdiction == name }.count)
        }
        var requests = 0
        if let http = source as? HTTPSource { requests = await http.requestCount() }
        return AuditReport(
            asOf: options.asOf, workspace: workspace.root, columns: columns.sorted { $0.url < $1.url },
            findings: findings, summary: summary, requests: requests)
    }

    static func finding(
        _ code: AuditCode, _ entry: AuditWorkspace.Entry, _ item: CatalogItem, url: String?,
        _ evidence: AuditEvidence
    ) -> AuditFinding {
        AuditFinding(
            code: code, jurisdiction: entry.jurisdiction, catalog: entry.file, id: item.id.value,
            itemName: item.name.value, domain: entry.catalog.domain.value, url: url, evidence: evidence)
    }

    /// Links to files that are not web pages (PDF, Word, spreadsheets, archives, images) are not opened.
    static func isWebPage(_ url: URL) -> Bool {
        let ext = url.pathExtension.lowercased()
        return ![
            "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "zip", "rar", "7z", "jpg", "jpeg", "png", "gif", "ofd",
            "txt",
        ]
        .contains(ext)
    }
}

extension AuditFinding {
    func jurisdictionRank(_ order: [String: Int]) -> Int { order[jurisdiction] ?? Int.max }
}
