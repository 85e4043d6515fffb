import Foundation

/// Reads the tables of a Word document (WordprocessingML `word/document.xml`): rows and cells, `gridSpan`
/// and `gridBefore`/`gridAfter` placed on the grid, `vMerge` continuations flagged, paragraphs and `<w:br/>` as
/// line breaks, deleted text (`w:delText`) left out. Paragraphs above a table are kept as its title lines. A table
/// nested in a cell contributes its text to that cell.
enum DOCXReader {
    static func read(_ data: Data, fileName: String, limits: ImportLimits) throws(ImportError) -> SourceDocument {
        var package = try OfficePackage(data: data, fileName: fileName, limits: limits)
        guard let xml = try package.part("word/document.xml") else {
            throw ImportError(
                zh: "\(fileName) 不是 Word 文档（缺少 word/document.xml）",
                en: "\(fileName) is not a Word document (no word/document.xml)")
        }
        let scan = DocumentScan(fileName: fileName, limits: limits)
        try scan.run(xml, part: "word/document.xml", file: fileName)
        return SourceDocument(fileName: fileName, tables: scan.tables)
    }

    final class DocumentScan: XMLScan {
        let fileName: String
        let limits: ImportLimits
        var tables: [SourceTable] = []
        private var paragraphsOutside: [String] = []

        private var depth = 0  // table nesting depth
        private var rows: [[SourceCell]] = []
        private var row: [SourceCell] = []
        private var cellLines: [String] = []
        private var line = ""
        private var inText = false
        private var span = 1
        private var vMerge: String?  // nil: none; "restart" or "continue"
        private var gridBefore = 0
        private var gridAfter = 0
        private var cellCount = 0
        private var identities: [Int: String] = [:]

        init(fileName: String, limits: ImportLimits) {
            self.fileName = fileName
            self.limits = limits
        }

        override func start(_ name: String, _ attributes: [String: String]) throws(ImportError) {
            switch name {
            case "w:tbl":
                depth += 1
                if depth == 1 { rows = [] }
            case "w:tr" where depth == 1:
                row = []
                gridBefore = 0
                gridAfter = 0
            case "w:gridBefore" where depth == 1: gridBefore = min(limits.columns, Int(attributes["w:val"] ?? "") ?? 0)
            case "w:gridAfter" where depth == 1: gridAfter = min(limits.columns, Int(attributes["w:val"] ?? "") ?? 0)
            case "w:tc" where depth == 1:
                if row.isEmpty && gridBefore > 0 { row += Array(repeating: .empty, count: gridBefore) }
                cellLines = []
                span = 1
                vMerge = nil
            case "w:gridSpan" where depth == 1: span = max(1, min(limits.columns, Int(attributes["w:val"] ?? "") ?? 1))
            case "w:vMerge" where depth == 1: vMerge = attributes["w:val"] ?? "continue"
            case "w:p": line = ""
            case "w:bookmarkStart" where depth == 1:
                // gkml's own documents carry each row's 编号 as a hidden bookmark (CatalogRender.DOCXWriter).
                if let name = attributes["w:name"], name.hasPrefix("_gkml_") {
                    identities[rows.count] = name.dropFirst("_gkml_".count).replacingOccurrences(of: "_", with: "-")
                }
            case "w:t": inText = true
            case "w:tab": line += "\t"
            case "w:br", "w:cr": line += "\n"
            default: break
            }
        }

        override func end(_ name: String) throws(ImportError) {
            switch name {
            case "w:t": inText = false
            case "w:p":
                if depth == 0 {
                    let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !text.isEmpty {
                        paragraphsOutside.append(text);
                        if paragraphsOutside.count > 8 { paragraphsOutside.removeFirst() }
                    }
                } else {
                    cellLines.append(line)
                }
            case "w:tc" where depth == 1:
                while let last = cellLines.last, last.trimmingCharacters(in: .whitespaces).isEmpty {
                    cellLines.removeLast()
                }
                let text = cellLines.joined(separator: "\n")
                let continues = vMerge == "continue"
                for offset in 0..<span {
                    row.append(SourceCell(text, mergedFromAbove: continues, mergedFromLeft: offset > 0))
                }
                if row.count > limits.columns {
                    throw ImportError(
                        zh: "\(fileName) 的表格 \(tables.count + 1) 有 \(row.count) 列以上，超过上限 \(limits.columns) 列",
                        en:
                            "table \(tables.count + 1) of \(fileName) has \(row.count) or more columns, over the limit of \(limits.columns)"
                    )
                }
            case "w:tr" where depth == 1:
                if gridAfter > 0 { row += Array(repeating: .empty, count: gridAfter) }
                rows.append(row)
                cellCount += row.count
                if rows.count > limits.rows || cellCount > limits.cells {
                    throw ImportError(
                        zh: "\(fileName) 的表格过大（超过 \(limits.rows) 行或 \(limits.cells) 个单元格），拒绝读取",
                        en:
                            "a table of \(fileName) is too large (over \(limits.rows) rows or \(limits.cells) cells); not read"
                    )
                }
            case "w:tbl":
                if depth == 1 { finishTable() }
                depth -= 1
            default: break
            }
        }

        override func text(_ string: String) { if inText { line += string } }

        /// vMerge continuation cells take the text of the cell that started the merge.
        private func finishTable() {
            var grid = SourceTable(
                fileName: fileName, kind: .docx, number: tables.count + 1, rows: rows, linesBefore: paragraphsOutside
            ).rows
            for r in grid.indices where r > 0 {
                for c in grid[r].indices where grid[r][c].mergedFromAbove && c < grid[r - 1].count {
                    grid[r][c].text = grid[r - 1][c].text
                }
            }
            var table = SourceTable(
                fileName: fileName, kind: .docx, number: tables.count + 1, rows: grid, linesBefore: paragraphsOutside)
            table.rowIdentities = identities
            tables.append(table)
            paragraphsOutside = []
            identities = [:]
        }
    }
}
