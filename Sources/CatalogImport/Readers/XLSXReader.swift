import Foundation

/// Reads the sheets of an xlsx workbook (SpreadsheetML) into tables: shared and inline strings, numbers as
/// written, merged ranges expanded (covered cells carry the merged text and a flag). Hidden sheets are read too:
/// a catalog may sit on any sheet; header recognition picks the table.
enum XLSXReader {
    static func read(_ data: Data, fileName: String, limits: ImportLimits) throws(ImportError) -> SourceDocument {
        var package = try OfficePackage(data: data, fileName: fileName, limits: limits)
        guard let workbook = try package.part("xl/workbook.xml") else {
            throw ImportError(
                zh: "\(fileName) 不是 Excel 工作簿（缺少 xl/workbook.xml）",
                en: "\(fileName) is not an Excel workbook (no xl/workbook.xml)")
        }
        let sheets = SheetList()
        try sheets.run(workbook, part: "xl/workbook.xml", file: fileName)
        var targets: [String: String] = [:]
        if let rels = try package.part("xl/_rels/workbook.xml.rels") {
            let relations = Relationships()
            try relations.run(rels, part: "xl/_rels/workbook.xml.rels", file: fileName)
            targets = relations.targets
        }
        var strings: [String] = []
        if let shared = try package.part("xl/sharedStrings.xml") {
            let scan = SharedStringsScan()
            try scan.run(shared, part: "xl/sharedStrings.xml", file: fileName)
            strings = scan.strings
        }
        var tables: [SourceTable] = []
        for (index, sheet) in sheets.sheets.enumerated() {
            var path = targets[sheet.relation] ?? "worksheets/sheet\(index + 1).xml"
            if path.hasPrefix("/") { path.removeFirst() } else { path = "xl/" + path }
            guard let xml = try package.part(path) else { continue }
            let scan = SheetScan(strings: strings, limits: limits, fileName: fileName, sheet: sheet.name)
            try scan.run(xml, part: path, file: fileName)
            if scan.cells.count * (scan.maxColumn + 1) > limits.cells {
                throw ImportError(
                    zh: "\(fileName) 的工作表「\(sheet.name)」超过 \(limits.cells) 个单元格，拒绝读取",
                    en: "sheet \"\(sheet.name)\" of \(fileName) has more than \(limits.cells) cells; not read")
            }
            tables.append(scan.table(number: index + 1))
        }
        return SourceDocument(fileName: fileName, tables: tables)
    }

    final class SheetList: XMLScan {
        var sheets: [(name: String, relation: String)] = []
        override func start(_ name: String, _ attributes: [String: String]) throws(ImportError) {
            if name == "sheet" || name.hasSuffix(":sheet") {
                sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", attributes["r:id"] ?? ""))
            }
        }
    }

    final class Relationships: XMLScan {
        var targets: [String: String] = [:]
        override func start(_ name: String, _ attributes: [String: String]) throws(ImportError) {
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target
            }
        }
    }

    /// `<si>` items: the text of `<t>` elements, plain or in rich-text runs; phonetic runs (`<rPh>`) left out.
    final class SharedStringsScan: XMLScan {
        var strings: [String] = []
        private var current = ""
        private var inText = false
        private var phonetic = 0
        override func start(_ name: String, _ attributes: [String: String]) throws(ImportError) {
            switch name {
            case "si": current = ""
            case "t": inText = phonetic == 0
            case "rPh": phonetic += 1
            default: break
            }
        }
        override func end(_ name: String) throws(ImportError) {
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": phonetic -= 1
            default: break
            }
        }
        override func text(_ string: String) { if inText { current += string } }
    }

    /// One worksheet: cells by reference, then merged ranges.
    final class SheetScan: XMLScan {
        let strings: [String]
        let limits: ImportLimits
        let fileName: String
        let sheet: String
        var cells: [Int: [Int: String]] = [:]
        var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
        var maxColumn = -1
        private var cellCount = 0
        private var row = 0
        private var column = 0
        private var nextColumn = 0
        private var type = ""
        private var value = ""
        private var inValue = false
        private var inInline = false
        private var phonetic = 0

        init(strings: [String], limits: ImportLimits, fileName: String, sheet: String) {
            self.strings = strings
            self.limits = limits
            self.fileName = fileName
            self.sheet = sheet
        }

        func tooWide(_ columns: Int) -> ImportError {
            ImportError(
                zh: "\(fileName) 的工作表「\(sheet)」有 \(columns) 列以上，超过上限 \(limits.columns) 列：这不是公开目录表格，或文件已损坏",
                en:
                    "sheet \"\(sheet)\" of \(fileName) has \(columns) or more columns, over the limit of \(limits.columns): not a catalog table, or a damaged file"
            )
        }

        override func start(_ name: String, _ attributes: [String: String]) throws(ImportError) {
            switch name {
            case "row":
                if let r = attributes["r"].flatMap(Int.init) { row = r } else { row += 1 }
                nextColumn = 0
                if cells.count >= limits.rows {
                    throw ImportError(
                        zh: "\(fileName) 的工作表「\(sheet)」超过 \(limits.rows) 行，拒绝读取",
                        en: "sheet \"\(sheet)\" of \(fileName) has more than \(limits.rows) rows; not read")
                }
            case "c":
                column = nextColumn
                if let ref = attributes["r"] {
                    let letters = ref.prefix { $0.isLetter }
                    if let index = SourceTable.columnIndex(letters) { column = index }
                    if let r = Int(ref.dropFirst(letters.count)) { row = r }
                }
                nextColumn = column + 1
                if column >= limits.columns { throw tooWide(column + 1) }
                type = attributes["t"] ?? "n"
                value = ""
            case "v": inValue = true
            case "is": inInline = true
            case "t": if inInline && phonetic == 0 { inValue = true }
            case "rPh": phonetic += 1
            case "mergeCell":
                guard let ref = attributes["ref"] else { return }
                let parts = ref.split(separator: ":")
                guard parts.count == 2, let a = Self.parseRef(parts[0]), let b = Self.parseRef(parts[1]) else { return }
                if max(a.column, b.column) >= limits.columns { throw tooWide(max(a.column, b.column) + 1) }
                merges.append((min(a.row, b.row), min(a.column, b.column), max(a.row, b.row), max(a.column, b.column)))
            default: break
            }
        }

        override func end(_ name: String) throws(ImportError) {
            switch name {
            case "v", "t": inValue = false
            case "is": inInline = false
            case "rPh": phonetic -= 1
            case "c":
                var text: String
                switch type {
                case "s": text = Int(value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
                case "b": text = value == "1" ? "TRUE" : "FALSE"
                case "n": text = Self.number(value)
                default: text = value
                }
                text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                if !text.isEmpty {
                    cellCount += 1
                    if cellCount > limits.cells {
                        throw ImportError(
                            zh: "\(fileName) 的工作表「\(sheet)」超过 \(limits.cells) 个单元格，拒绝读取",
                            en: "sheet \"\(sheet)\" of \(fileName) has more than \(limits.cells) cells; not read")
                    }
                    cells[row, default: [:]][column] = text
                    maxColumn = max(maxColumn, column)
                }
            default: break
            }
        }

        override func text(_ string: String) { if inValue { value += string } }

        static func parseRef(_ ref: Substring) -> (row: Int, column: Int)? {
            let clean = ref.replacingOccurrences(of: "$", with: "")
            let letters = clean.prefix { $0.isLetter }
            guard let column = SourceTable.columnIndex(letters), let row = Int(clean.dropFirst(letters.count)) else {
                return nil
            }
            return (row, column)
        }

        /// Numbers as a person reads them: "1" rather than "1.0".
        static func number(_ raw: String) -> String {
            if let double = Double(raw), double == double.rounded(), abs(double) < 1e15 { return String(Int(double)) }
            return raw
        }

        func table(number: Int) -> SourceTable {
            var width = maxColumn + 1
            for merge in merges where cells[merge.top] != nil { width = max(width, merge.right + 1) }
            let rowNumbers = cells.keys.sorted()
            let index = Dictionary(uniqueKeysWithValues: rowNumbers.enumerated().map { ($1, $0) })
            var rows: [[SourceCell]] = rowNumbers.map { r in
                (0..<width).map { SourceCell(cells[r]?[$0] ?? "") }
            }
            // Rows that exist only because a merge covers them are added so that the merge's rows line up.
            for merge in merges {
                let text = cells[merge.top]?[merge.left] ?? ""
                for r in merge.top...merge.bottom {
                    guard let i = index[r] else { continue }
                    for c in merge.left...merge.right where c < width {
                        if r == merge.top && c == merge.left { continue }
                        rows[i][c] = SourceCell(text, mergedFromAbove: r > merge.top, mergedFromLeft: c > merge.left)
                    }
                }
            }
            return SourceTable(
                fileName: fileName, kind: .xlsx, sheet: sheet, number: number, rows: rows, rowNumbers: rowNumbers)
        }
    }
}
