import CatalogModel

/// The Word file's page plan: column widths from the content and which rows go on which page. Every paragraph
/// of the document has an exact line height, so a row's height is its line count times that height; the line
/// count is estimated from display widths (a CJK character is one em, Latin half an em) with a margin, and
/// each page is filled to a safety fraction of its height.
struct DOCXLayout {
    /// Twips of each leaf column.
    var widths: [Int]
    /// Row indexes (into `table.rows`) per page.
    var pages: [[Int]]
    /// Estimated row heights, twips.
    var rowHeights: [Int]

    static let cellMarginX = 57, cellMarginY = 28
    /// Height of the paragraph that separates two page tables.
    static let separatorHeight = 20
    static let titleSpacing = 120, factsSpacing = 120, legendSpacing = 60, noteHeadingSpacing = 160
    /// The part of a page the plan fills; the rest absorbs differences in line breaking between programs.
    static let fill = 0.97

    init(_ table: CatalogTable) {
        let widths = DOCXLayout.columnWidths(table)
        self.widths = widths
        let columns = table.columns
        let rowHeights = table.rows.map { row in
            var height = DOCXWriter.lineHeight(DOCXWriter.tableSize)
            for (index, column) in columns.enumerated() where column != .group {
                height = max(
                    height,
                    DOCXLayout.height(
                        table.lines(row, column), width: widths[index], size: DOCXWriter.size(column, table)))
            }
            return height + 2 * DOCXLayout.cellMarginY + 15
        }
        self.rowHeights = rowHeights
        let header = DOCXLayout.headerHeight(table, widths: widths)
        let available = Int(Double(DOCXWriter.textHeight) * DOCXLayout.fill)
        let size = DOCXWriter.tableSize
        var first = DOCXWriter.lineHeight(DOCXWriter.titleSize) + DOCXLayout.titleSpacing
        first +=
            DOCXLayout.height([Self.factsLine(table)], width: DOCXWriter.textWidth, size: DOCXWriter.factsSize)
            + DOCXLayout.factsSpacing
        if let legend = table.legend {
            first +=
                DOCXLayout.height(["注：" + legend], width: DOCXWriter.textWidth, size: size) + DOCXLayout.legendSpacing
        }

        var pages: [[Int]] = []
        var current: [Int] = []
        var used = first + header
        for (index, height) in rowHeights.enumerated() {
            if !current.isEmpty && used + height > available {
                pages.append(current)
                current = []
                used = DOCXLayout.separatorHeight + header
            }
            current.append(index)
            used += height
        }
        // The notes after the table: if they do not fit under the last rows, take rows along to their page so
        // that they never stand alone.
        let notesHeight = DOCXWriter.notes(table).reduce(0) { total, note in
            total + DOCXLayout.height([note.text], width: DOCXWriter.textWidth, size: DOCXWriter.notesSize)
                + (note.heading ? DOCXLayout.noteHeadingSpacing : 0)
        }
        if notesHeight > 0 && used + notesHeight > available && notesHeight < available - header {
            var moved: [Int] = []
            var tail = DOCXLayout.separatorHeight + header + notesHeight
            while current.count > 1, let last = current.last,
                moved.count < 2 || tail + rowHeights[last] <= available / 3
            {
                guard tail + rowHeights[last] <= available else { break }
                moved.insert(current.removeLast(), at: 0)
                tail += rowHeights[last]
            }
            if !moved.isEmpty {
                pages.append(current)
                current = moved
            }
        }
        if !current.isEmpty { pages.append(current) }
        self.pages = pages
    }

    static func factsLine(_ table: CatalogTable) -> String {
        "发布机构：" + table.publisher + "　　版本：" + table.version + (table.effectiveDate.map { "　　生效日期：" + $0 } ?? "")
    }

    /// Width of text in ems (a full-width character is one em).
    static func ems<S: StringProtocol>(_ text: S) -> Double { Double(XLSXWriter.textUnits(text)) / 2 }

    /// How many lines text takes in a width of `ems`: one more than the plain division when a line is nearly
    /// full, for the characters that may not start a line (，。）) and move along.
    static func lineCount(_ text: Substring, ems room: Double) -> Int {
        lineCount(width: ems(text), ems: room)
    }

    /// `lineCount` for a text of `width` ems.
    static func lineCount(width: Double, ems room: Double) -> Int {
        if width <= room { return 1 }
        // A line holds whole characters, and LibreOffice wants a little slack: 4.1 ems of room take four, 4.0
        // take three.
        let available = max(1, (room - 0.05).rounded(.down))
        let exact = Int((width / available).rounded(.up))
        return exact < 3 ? exact : Int((width / (available * 0.97)).rounded(.up))
    }

    /// The height of a cell's paragraphs in a column of `width` twips.
    static func height(_ lines: [String], width: Int, size: Int) -> Int {
        let available = Double(width - 2 * cellMarginX) / Double(size * 10)
        var count = 0
        for line in lines {
            for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
                count += lineCount(part, ems: max(1, available))
            }
        }
        return max(1, count) * DOCXWriter.lineHeight(size)
    }

    static func headerHeight(_ table: CatalogTable, widths: [Int]) -> Int {
        var top = 0, bottom = 0, column = 0
        let line = DOCXWriter.lineHeight(DOCXWriter.tableSize)
        var spanning = 0
        for cell in table.headerCells {
            let width = widths[column..<column + cell.columnSpan].reduce(0, +)
            let height = DOCXLayout.height([cell.title], width: width, size: DOCXWriter.tableSize)
            if cell.leaves.isEmpty { spanning = max(spanning, height) } else { top = max(top, height) }
            for (offset, leaf) in cell.leaves.enumerated() {
                bottom = max(
                    bottom, DOCXLayout.height([leaf.title], width: widths[column + offset], size: DOCXWriter.tableSize))
            }
            column += cell.columnSpan
        }
        let margins = 2 * cellMarginY + 15
        return max(spanning + margins, max(top, line) + max(bottom, line) + 2 * margins)
    }

    /// Column widths from the content. Columns whose text must not break get their longest unbreakable line
    /// (序号, 编号, the channel lines, the tick columns' headers, so that 乡、村级 does not stack); 一级事项 gets
    /// a third of its longest label. The text columns start at three characters and share the rest step by step:
    /// each step goes to the column whose widening lowers the table's total height most, so no column stays
    /// narrow while its lines make every row tall.
    static func columnWidths(_ table: CatalogTable) -> [Int] {
        let columns = table.columns
        let em = Double(DOCXWriter.tableSize * 10)
        let pad = Double(2 * cellMarginX + 10)
        let rows = table.rows
        // The widths (in ems) of each cell's lines and each column's type size, measured once: the search below
        // tries thousands of widths, and measuring the text for each made a 10k-item build spend most of its
        // time here. 一级事项 is not measured per row (its cell is merged), only for its longest label.
        let lineWidths: [[[Double]]] = rows.map { row in
            columns.indices.map { index in
                guard columns[index] != .group else { return [] }
                return table.lines(row, columns[index]).flatMap {
                    $0.split(separator: "\n", omittingEmptySubsequences: false).map { ems($0) }
                }
            }
        }
        func longest(_ column: TableColumn) -> Double {
            if column != .group, let index = columns.firstIndex(of: column) {
                // An empty line measures 0, so the measured lines give the same maximum as the non-empty ones.
                return lineWidths.lazy.flatMap { $0[index] }.max() ?? 0
            }
            return rows.flatMap { table.lines($0, column) }.flatMap { $0.split(separator: "\n") }.map { ems($0) }.max()
                ?? 0
        }
        /// Tick headers may take two lines (依申请/公开, 乡、/村级) but never one character a line.
        func tickHeader(_ title: String) -> Double {
            let width = ems(title)
            return width <= 3 ? width : (width / 2).rounded(.up)
        }
        var widths = [Double](repeating: 0, count: columns.count)
        var flexible: [Int] = []
        var caps: [Int: Double] = [:]
        for (index, column) in columns.enumerated() {
            switch column {
            case .number:
                widths[index] = max(2, longest(column)) * em + pad
            case .id:
                // Latin digits print a little wider than half an em in some fallback fonts.
                widths[index] = (max(2, longest(column)) + 0.5) * em + pad
            case .audience, .mode, .level:
                widths[index] = max(2, tickHeader(column.title)) * em + pad
            case .group:
                // A long label takes more lines rather than width: at most five characters a line.
                let label = longest(column)
                widths[index] = min(max(2, label), max(3, min(5, (label / 3).rounded(.up)))) * em + pad
            case .channels where table.channelStyle != .list:
                // Wide enough for the longest box name; a long named platform after 其他 may wrap.
                let channelEm = Double(DOCXWriter.size(column, table) * 10)
                widths[index] = min(max(7, longest(column)), 20.5) * channelEm + pad
            default:
                flexible.append(index)
                widths[index] = 3 * em + pad
                caps[index] = max(3, longest(column), ems(column.title) / 2) * em + pad
            }
        }
        var remaining = Double(DOCXWriter.textWidth) - widths.reduce(0, +)
        // The table's height, plus a little for every column's own height, so that a column is widened even
        // when another column of the same rows is as tall (both must shrink before the rows do).
        let measured = columns.indices.filter { columns[$0] != .group }
        let sizes = columns.map { DOCXWriter.size($0, table) }
        func cellHeight(_ row: Int, _ index: Int, _ width: Double) -> Int {
            let size = sizes[index]
            let room = max(1, Double(Int(width) - 2 * cellMarginX) / Double(size * 10))
            let count = lineWidths[row][index].reduce(0) { $0 + lineCount(width: $1, ems: room) }
            return max(1, count) * DOCXWriter.lineHeight(size)
        }
        var heights: [[Int]] = rows.indices.map { row in
            columns.indices.map { index in columns[index] == .group ? 0 : cellHeight(row, index, widths[index]) }
        }
        /// The total with column `changed` at `width` (the others as in `heights`).
        func total(changing changed: Int? = nil, to width: Double = 0) -> Int {
            var sum = 0
            for row in rows.indices {
                var tallest = 0, all = 0
                for index in measured {
                    let height = index == changed ? cellHeight(row, index, width) : heights[row][index]
                    tallest = max(tallest, height)
                    all += height
                }
                sum += tallest * 100 + all
            }
            return sum
        }
        let step = em / 2
        var current = total()
        while remaining >= step {
            var best: (index: Int, steps: Int, height: Int)?
            for index in flexible where widths[index] + step <= caps[index]! {
                for steps in 1...12 {
                    let added = Double(steps) * step
                    guard added <= remaining, widths[index] + added <= caps[index]! else { break }
                    let height = total(changing: index, to: widths[index] + added)
                    if height < current {
                        let gain = Double(current - height) / Double(steps)
                        if best.map({ gain > Double(current - $0.height) / Double($0.steps) }) ?? true {
                            best = (index, steps, height)
                        }
                        break
                    }
                }
            }
            guard let best else { break }
            widths[best.index] += Double(best.steps) * step
            for row in rows.indices { heights[row][best.index] = cellHeight(row, best.index, widths[best.index]) }
            remaining -= Double(best.steps) * step
            current = best.height
        }
        // What no step could use goes to the text columns by their amount of text, then rounding to the last one.
        if remaining > 0, !flexible.isEmpty {
            let amounts = flexible.map { index in
                rows.reduce(0.0) { $0 + table.lines($1, columns[index]).reduce(0.0) { $0 + ems($1) } } + 1
            }
            let sum = amounts.reduce(0, +)
            for (index, amount) in zip(flexible, amounts) { widths[index] += remaining * amount / sum }
        } else if remaining < 0, !flexible.isEmpty {
            let sum = flexible.reduce(0.0) { $0 + widths[$1] }
            for index in flexible { widths[index] += remaining * widths[index] / sum }
        }
        var result = widths.map { Int($0.rounded(.down)) }
        if let last = flexible.last ?? result.indices.last {
            result[last] += DOCXWriter.textWidth - result.reduce(0, +)
        }
        return result
    }
}
