import CatalogModel
import Diagnostics

/// The same document cited twice in one 公开依据 list (《政府信息公开条例》 and 《中华人民共和国政府信息公开条例》
/// （国令第711号）): the table prints it twice and a reader wonders whether two texts are meant.
struct CitationDuplicateRule: LintRule {
    static let kind = lintKind(
        "citation-duplicate", .warning,
        title: .t("同一文件重复引用", "Document cited twice"),
        message: .t("公开依据中「《{title}》」引用了两次", "公开依据 cites 《{title}》 twice"),
        hint: .t(
            "合并为一条（保留写有文号或条款的那条）；引用同一文件的不同条款时，在各条写明条款",
            "keep one entry (the one with the number or article); when different articles are meant, name the article in each"
        ))

    static let description = RuleDescription(
        identifier: "citation-duplicate",
        name: .t("重复引用", "Duplicate citations"),
        kinds: [kind],
        rationale: .t(
            "一个事项的公开依据中，同一文件只列一次。复制粘贴常把同一文件列两次，一次写全称和文号、一次写简称（「中华人民共和国」可省略）。引用同一文件的不同条款（各写明第X条）不算重复。",
            "An item cites each document once. Copying often lists one twice, once in full with its number and once abbreviated (中华人民共和国 may be left out). Different articles of one document, each named, are not a duplicate."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《中华人民共和国就业促进法》第二十条
                          - 《中华人民共和国就业促进法》第三十五条
                          - 《中华人民共和国政府信息公开条例》（国令第711号）
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《中华人民共和国政府信息公开条例》（国令第711号）
                          - 《就业服务与就业管理规定》
                          - ↓《政府信息公开条例》
                """)
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        // The lists as written (默认's, then each item's own), as runs of the file's 公开依据 entries: the entries are
        // found and keyed once per file for every citation rule.
        let entries = file.writtenBasisEntries()
        var start = entries.startIndex
        while start < entries.endIndex {
            var end = start + 1
            while end < entries.endIndex, entries[end].item == entries[start].item { end += 1 }
            defer { start = end }
            // A title counts as repeated only in another entry: a list of one has none.
            guard end - start > 1 else { continue }
            let list = entries[start..<end]
            // Whether a list repeats a document depends on its texts alone: each distinct list is checked once.
            let texts = BasisListKey(list)
            if Self.quiet.contains(texts) { continue }
            let before = out.count
            defer { if out.count == before { Self.quiet.insert(texts) } }
            var seen: [TextKey: (entry: Int, article: Bool)] = [:]
            for basis in list {
                let (index, entry) = (basis.index, basis.value)
                let hasArticle = CitationScanner.hasArticle(entry.value)
                for title in CitationScanner.titles(in: entry.value) {
                    let key = TextKey(Self.identity(title.title))
                    if let first = seen[key], first.entry != index, !(first.article && hasArticle) {
                        let span = file.span(of: entry)
                        out.append(
                            LintViolation(
                                file.finding(
                                    Self.kind, at: span.position(title.range.lowerBound),
                                    end: span.end(title.range.upperBound),
                                    path: basis.path(in: file), arguments: ["title": title.title])))
                    } else if seen[key] == nil {
                        seen[key] = (index, hasArticle)
                    }
                }
            }
        }
        return out
    }

    /// 公开依据 lists (their entries' texts, in order) known to repeat no document.
    static let quiet = QuietKeys<BasisListKey>()

    /// A title as the same document: without the 中华人民共和国 that national laws and regulations may drop.
    static func identity(_ title: String) -> String {
        title.hasPrefix("中华人民共和国") ? String(title.dropFirst("中华人民共和国".count)) : title
    }
}
