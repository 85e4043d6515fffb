import Diagnostics

/// `audit-unreachable`: the column's page could not be had, or is not a list.
enum UnreachableCheck {
    /// The reason in words, or nil when the column was read as a list (or not read at all for the budget).
    static func reason(_ crawl: ColumnCrawl, _ language: Language) -> (reason: String, status: Int?)? {
        let en = language == .en
        switch crawl.outcome {
        case .list: return nil
        case .notAList(let what):
            return (
                what == "article"
                    ? (en ? "the URL is an article page, not a column list" : "该网址是文章页，不是栏目列表页")
                    : (en ? "not a list page (\(what))" : "不是栏目列表页（\(what)）"), nil
            )
        case .failed(let failure):
            switch failure {
            case .status(let code): return ("HTTP \(code)", code)
            case .timeout: return (en ? "timed out (after one retry)" : "请求超时（已重试一次）", nil)
            case .network(let message): return (en ? "network error: \(message)" : "网络错误：\(message)", nil)
            case .robots: return (en ? "robots.txt forbids fetching this path" : "网站的 robots.txt 禁止抓取此路径", nil)
            case .offsiteRedirect(let to): return (en ? "redirects to another site: \(to)" : "重定向到其他网站：\(to)", nil)
            case .notInMirror(let file): return (en ? "not in the mirror (\(file))" : "镜像中没有此页（\(file)）", nil)
            case .budget: return nil
            }
        }
    }
}
