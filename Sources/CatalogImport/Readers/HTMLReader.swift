import Foundation
import HTMLDocument

/// Reads the tables of a saved web page with the libxml2-based `HTMLDocument` (UTF-8 or GB18030/GBK, as the
/// page's `<meta charset>` says): `rowspan`/`colspan` placed as browsers place them and flagged as merges, `<br>`
/// and block elements (`<p>`, `<div>`, `<li>`) as line breaks, other whitespace collapsed. Only what a reader
/// sees is read: text hidden from view (`hidden`, `display:none`, the `sr-only` copies for screen readers) is
/// left out. Text before each table (a heading, the facts) is kept as its title lines.
enum HTMLReader {
    static func read(_ data: Data, fileName: String, limits: ImportLimits) throws(ImportError) -> SourceDocument {
        let document: HTMLDocument
        do {
            document = try HTMLDocument(data: data)
        } catch {
            throw ImportError(
                zh: "\(fileName) 无法作为网页读取：\(error)", en: "\(fileName) cannot be read as a web page: \(error)")
        }
        var walker = Walker(fileName: fileName, limits: limits)
        try walker.walk(document.root)
        return SourceDocument(fileName: fileName, tables: walker.tables)
    }

    static let blocks: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "tr", "table", "section", "article", "header", "footer", "main", "caption", "blockquote", "center",
    ]

    static func isHidden(_ element: HTMLElement) -> Bool {
        if ["script", "style", "template", "noscript", "head"].contains(element.name) { return true }
        if element.attribute("hidden") != nil { return true }
        let classes = Set(element.classNames)
        if !classes.isDisjoint(with: ["sr-only", "visually-hidden", "screen-reader-text", "hidden"]) { return true }
        if let style = element.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return false
    }

    /// The visible text of an element, lines kept (blocks and `<br>`), whitespace within a line collapsed.
    static func text(_ element: HTMLElement) -> String {
        var raw = ""
        func visit(_ element: HTMLElement) {
            for child in element.children {
                switch child {
                case .text(let s): raw += s
                case .element(let e):
                    if e.name == "br" { raw += "\u{2028}"; continue }
                    if isHidden(e) { continue }
                    let block = blocks.contains(e.name)
                    if block { raw += "\u{2028}" }
                    visit(e)
                    if block { raw += "\u{2028}" }
                }
            }
        }
        visit(element)
        return raw.split(separator: "\u{2028}", omittingEmptySubsequences: false)
            .map { HTMLText.normalize(String($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    struct Walker {
        let fileName: String
        let limits: ImportLimits
        var tables: [SourceTable] = []
        var lines: [String] = []
        var tableCount = 0

        init(fileName: String, limits: ImportLimits) {
            self.fileName = fileName
            self.limits = limits
        }

        mutating func walk(_ element: HTMLElement) throws(ImportError) {
            for child in element.children {
                guard case .element(let e) = child, !isHidden(e) else { continue }
                if e.name == "table" {
                    try table(e)
                } else if blocks.contains(e.name) && !e.elementChildren.contains(where: { blocks.contains($0.name) }) {
                    let line = text(e)
                    if !line.isEmpty { lines.append(contentsOf: line.split(separator: "\n").map(String.init)) }
                    if lines.count > 12 { lines.removeFirst(lines.count - 12) }
                } else {
                    try walk(e)
                }
            }
        }

        mutating func table(_ element: HTMLElement) throws(ImportError) {
            tableCount += 1
            let number = tableCount
            let grid = HTMLTableGrid(table: element)
            if grid.columnCount > limits.columns {
                throw ImportError(
                    zh: "\(fileName) 的表格 \(number) 有 \(grid.columnCount) 列，超过上限 \(limits.columns) 列",
                    en:
                        "table \(number) of \(fileName) has \(grid.columnCount) columns, over the limit of \(limits.columns)"
                )
            }
            if grid.rows.count > limits.rows || grid.rows.count * grid.columnCount > limits.cells {
                throw ImportError(
                    zh: "\(fileName) 的表格 \(number) 过大，拒绝读取", en: "table \(number) of \(fileName) is too large; not read"
                )
            }
            var before = lines
            if let caption = element.elementChildren.first(where: { $0.name == "caption" }) {
                before.append(text(caption))
            }
            var rows: [[SourceCell]] = []
            var identities: [Int: String] = [:]
            var textCache: [Int: String] = [:]
            var trs: [HTMLElement] = []
            for child in element.elementChildren {
                if child.name == "tr" {
                    trs.append(child)
                } else if ["thead", "tbody", "tfoot"].contains(child.name) {
                    trs += child.elementChildren.filter { $0.name == "tr" }
                }
            }
            for (r, slots) in grid.rows.enumerated() {
                var row: [SourceCell] = []
                for slot in slots {
                    guard let slot else { row.append(.empty); continue }
                    let key = slot.originRow * 100_000 + slot.originColumn
                    let value = textCache[key] ?? text(slot.cell)
                    textCache[key] = value
                    row.append(
                        SourceCell(
                            value, mergedFromAbove: slot.originRow < slot.row,
                            mergedFromLeft: slot.originColumn < slot.column))
                }
                rows.append(row)
                // gkml's own pages carry each row's 编号 as <tr id="item-…">.
                if r < trs.count, let id = trs[r].attribute("id"), id.hasPrefix("item-") {
                    identities[r] = String(id.dropFirst(5))
                }
            }
            var table = SourceTable(fileName: fileName, kind: .html, number: number, rows: rows, linesBefore: before)
            table.rowIdentities = identities
            tables.append(table)
            lines = []
            // Tables nested in cells (a CMS's layout table around the catalog) are tables of their own.
            for nested in element.descendants(named: "table") where !isHidden(nested) {
                try self.table(nested)
            }
        }
    }
}
