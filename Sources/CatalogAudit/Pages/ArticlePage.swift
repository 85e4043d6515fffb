import Foundation
import HTMLDocument

/// An article (a published document) with the 信息公开 header the CMSs print above it and their meta tags.
public struct ArticlePage: Sendable {
    /// The header fields, read from label–value pairs (索引号：…, [成文日期] …, `<td>发布日期：</td><td>…</td>`).
    public struct Header: Sendable, Hashable {
        public var indexNumber: String?
        public var publisher: String?
        public var written: CivilDate?
        public var published: CivilDate?
        public var documentNumber: String?
    }

    public var title: String?
    public var header: Header
    /// `<meta name="PubDate">`, `ColumnName`, `ContentSource`.
    public var metaPubDate: CivilDate?
    public var columnName: String?
    public var contentSource: String?

    /// The publication date: the header's 发布日期, else the PubDate meta tag.
    public var publishedDate: CivilDate? { header.published ?? metaPubDate }

    public init(document: HTMLDocument) {
        title = document.meta("ArticleTitle").map(HTMLText.normalize) ?? document.title
        header = Self.header(in: document.body ?? document.root)
        metaPubDate = document.meta("PubDate").flatMap(DateText.firstDate)
        columnName = document.meta("ColumnName")
        contentSource = document.meta("ContentSource")
    }

    enum Field: CaseIterable { case indexNumber, publisher, written, published, documentNumber }

    /// Labels of each field, as different CMSs word them.
    static let labels: [(field: Field, words: [String])] = [
        (.indexNumber, ["索引号"]),
        (.publisher, ["发布机构", "发文机构", "发文机关", "发布单位"]),
        (.written, ["成文日期", "成文时间", "发文日期", "印发日期"]),
        (.published, ["发布日期", "发布时间", "公开日期"]),
        (.documentNumber, ["发文字号", "文号"]),
    ]

    /// Reads the header from the page's text runs in document order: a run starting with a label carries its
    /// value after the colon, or the value is the next run (the next cell or span).
    static func header(in body: HTMLElement) -> Header {
        var collected: [String] = []
        collectRuns(body, into: &collected)
        // Several labels on one line (索引号：… 发布机构：…) become one run each.
        let runs = collected.flatMap(splitAtLabels)
        var header = Header()
        var i = 0
        let allWords = labels.flatMap(\.words)
        while i < runs.count {
            let run = runs[i]
            for label in labels {
                guard let word = label.words.first(where: { startsWithLabel(run, $0) }) else { continue }
                var value = valueAfter(label: word, in: run)
                // The value may run into the next label when a CMS prints several on one line.
                if let cut = allWords.compactMap({ value.range(of: $0)?.lowerBound }).min() {
                    value = String(value[..<cut])
                }
                value = value.trimmingCharacters(in: .whitespaces)
                if value.isEmpty, i + 1 < runs.count, !allWords.contains(where: { startsWithLabel(runs[i + 1], $0) }) {
                    value = runs[i + 1]
                }
                switch label.field {
                case .indexNumber: if header.indexNumber == nil, !value.isEmpty { header.indexNumber = value }
                case .publisher: if header.publisher == nil, !value.isEmpty { header.publisher = value }
                case .documentNumber: if header.documentNumber == nil, !value.isEmpty { header.documentNumber = value }
                case .written: if header.written == nil { header.written = DateText.firstDate(in: value) }
                case .published: if header.published == nil { header.published = DateText.firstDate(in: value) }
                }
                break
            }
            i += 1
        }
        return header
    }

    /// Splits a run before every label that is followed by a colon (or closed by a bracket).
    static func splitAtLabels(_ run: String) -> [String] {
        var cuts: [String.Index] = []
        for word in labels.flatMap(\.words) {
            var search = run.startIndex..<run.endIndex
            while let r = run.range(of: word, range: search) {
                let next = run[r.upperBound...].first
                if let next, "：:]】".contains(next) {
                    // Take the bracket before the label with it.
                    var start = r.lowerBound
                    if start > run.startIndex, "[【".contains(run[run.index(before: start)]) {
                        start = run.index(before: start)
                    }
                    cuts.append(start)
                }
                search = r.upperBound..<run.endIndex
            }
        }
        // 发文字号 contains 文号: keep the earliest cut of overlapping labels.
        let sorted = Set(cuts).sorted()
        var pieces: [String] = []
        var start = run.startIndex
        for cut in sorted where cut > start {
            let piece = run[start..<cut].trimmingCharacters(in: .whitespaces)
            if !piece.isEmpty { pieces.append(piece) }
            start = cut
        }
        let tail = run[start...].trimmingCharacters(in: .whitespaces)
        if !tail.isEmpty { pieces.append(tail) }
        return pieces.filter { piece in !(piece.count <= 2 && labels.flatMap(\.words).contains { $0.hasSuffix(piece) })
        }
    }

    static func startsWithLabel(_ run: String, _ word: String) -> Bool {
        var s = Substring(run)
        while let first = s.first, "[【〔(（ ".contains(first) { s = s.dropFirst() }
        guard s.hasPrefix(word) else { return false }
        let rest = s.dropFirst(word.count).drop { $0 == " " }
        guard let next = rest.first else { return true }
        return "：:]】〕)） ".contains(next)
    }

    static func valueAfter(label word: String, in run: String) -> String {
        guard let r = run.range(of: word) else { return "" }
        return String(run[r.upperBound...].drop { "：:]】〕)） ".contains($0) })
    }

    /// Text runs: each text node's normalized text, split no further; script and style left out.
    static func collectRuns(_ element: HTMLElement, into runs: inout [String]) {
        for child in element.children {
            switch child {
            case .text(let s):
                let t = HTMLText.normalize(s)
                if !t.isEmpty { runs.append(t) }
            case .element(let e):
                if ["script", "style", "noscript", "template"].contains(e.name) { continue }
                collectRuns(e, into: &runs)
            }
        }
    }
}
