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
        let cells = MeasuredCells(table)
        let widths = DOCXLayout.columnWidths(cells)
        self.widths = widths
        let columns = cells.columns
        let sizes = columns.map { DOCXWriter.size($0, table) }
        let rowHeights = cells.lineWidths.map { row in
            var height = DOCXWriter.lineHeight(DOCXWriter.tableSize)
            for index in columns.indices where columns[index] != .group {
                height = max(
                    height, DOCXLayout.height(lineWidths: row[index], width: widths[index], size: sizes[index]))
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
        height(lineWidths: MeasuredCells.lineWidths(lines), width: width, size: size)
    }

    /// `height` for a cell whose lines measure `lineWidths` ems (`MeasuredCells`).
    static func height(lineWidths: [Double], width: Int, size: Int) -> Int {
        let room = max(1, Double(width - 2 * cellMarginX) / Double(size * 10))
        var count = 0
        for lineWidth in lineWidths { count += lineCount(width: lineWidth, ems: room) }
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
    static func columnWidths(_ table: CatalogTable) -> [Int] { columnWidths(MeasuredCells(table)) }

    /// `columnWidths` from the cells as measured once.
    static func columnWidths(_ cells: MeasuredCells) -> [Int] {
        let table = cells.table
        let columns = cells.columns
        let em = Double(DOCXWriter.tableSize * 10)
        let pad = Double(2 * cellMarginX + 10)
        let rows = cells.rows
        let lineWidths = cells.lineWidths
        func longest(_ column: TableColumn) -> Double {
            if column != .group, let index = columns.firstIndex(of: column) {
                // An empty line measures 0, so the measured lines give the same maximum as the non-empty ones.
                return lineWidths.lazy.flatMap { $0[index] }.max() ?? 0
            }
            // The label's empty lines measure 0 and change no maximum.
            return rows.lazy.flatMap { MeasuredCells.lineWidths(table.lines($0, column)) }.max() ?? 0
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
        // The search minimises the table's height plus a little for every column's own height, so that a column
        // is widened even when another column of the same rows is as tall (both must shrink before the rows
        // do): the sum over rows of 100 × the tallest cell + all the cells. A trial changes one column, so it
        // is priced as a change of that sum over the rows whose cell in that column can still lose a line.
        let measured = columns.indices.filter { columns[$0] != .group }
        let sizes = columns.map { DOCXWriter.size($0, table) }
        func cellHeight(_ row: Int, _ index: Int, _ width: Double) -> Int {
            height(lineWidths: lineWidths[row][index], width: Int(width), size: sizes[index])
        }
        var heights: [[Int]] = rows.indices.map { row in
            columns.indices.map { index in columns[index] == .group ? 0 : cellHeight(row, index, widths[index]) }
        }
        var rowHeights = RowHeights(heights, measured: measured)
        // A cell never gets shorter than one line per line of its text; the rows whose cell in a column is
        // taller than that are the only ones a wider column changes (a line's count falls as its room grows).
        func canShrink(_ row: Int, _ index: Int) -> Bool {
            heights[row][index] > max(1, lineWidths[row][index].count) * DOCXWriter.lineHeight(sizes[index])
        }
        var shrinkable: [Int: [Int]] = [:]
        for index in flexible { shrinkable[index] = rows.indices.filter { canShrink($0, index) } }
        /// The total with column `changed` at `width` (the others as they are).
        func total(changing changed: Int, to width: Double) -> Int {
            var sum = rowHeights.total
            for row in shrinkable[changed]! {
                let height = cellHeight(row, changed, width)
                let old = heights[row][changed]
                if height != old { sum += rowHeights.change(row, changed, from: old, to: height) }
            }
            return sum
        }
        let step = em / 2
        var current = rowHeights.total
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
            for row in shrinkable[best.index]! {
                heights[row][best.index] = cellHeight(row, best.index, widths[best.index])
                rowHeights.set(row, heights[row])
            }
            shrinkable[best.index]!.removeAll { !canShrink($0, best.index) }
            remaining -= Double(best.steps) * step
            current = best.height
            assert(current == rowHeights.total)
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

/// Each cell's lines measured once, in ems (a line per line break): the width search and the row heights of the
/// Word and Excel layouts read these instead of measuring the text again for every width they try.
struct MeasuredCells {
    let table: CatalogTable
    let columns: [TableColumn]
    let rows: [TableRow]
    /// [row][column]: the widths of the cell's lines; empty for 一级事项, whose merged cell is sized by its label.
    let lineWidths: [[[Double]]]

    init(_ table: CatalogTable) {
        self.table = table
        let columns = table.columns
        self.columns = columns
        rows = table.rows
        lineWidths = rows.map { row in
            columns.map { column in column == .group ? [] : MeasuredCells.lineWidths(table.lines(row, column)) }
        }
    }

    /// The widths of `lines` split at their line breaks, as `ems` measures each part.
    static func lineWidths(_ lines: [String]) -> [Double] {
        var widths: [Double] = []
        for line in lines {
            // One pass over the scalars: splitting by `Character` would pay for grapheme breaking. A line feed
            // is a character of its own except after a carriage return (CR LF is one), where it does not split.
            var units = 0
            var previous: Unicode.Scalar = "\0"
            for scalar in line.unicodeScalars {
                if scalar == "\n" && previous != "\r" {
                    widths.append(Double(units) / 2)
                    units = 0
                } else {
                    units += XLSXWriter.textUnits(scalar)
                }
                previous = scalar
            }
            widths.append(Double(units) / 2)
        }
        return widths
    }
}

/// The width search's running total (`DOCXLayout.columnWidths`): per row its tallest cell, the column holding it
/// and the next tallest, and the sum of its cells, so that a trial width for one column is priced by the rows it
/// changes.
struct RowHeights {
    private let measured: [Int]
    private var tallest: [(height: Int, column: Int, second: Int)]
    private var sums: [Int]
    /// Σ over rows of 100 × tallest + sum.
    private(set) var total = 0

    init(_ heights: [[Int]], measured: [Int]) {
        self.measured = measured
        tallest = []
        sums = []
        for row in heights {
            let (entry, sum) = RowHeights.summary(row, measured)
            tallest.append(entry)
            sums.append(sum)
            total += entry.height * 100 + sum
        }
    }

    private static func summary(_ row: [Int], _ measured: [Int]) -> ((height: Int, column: Int, second: Int), Int) {
        var first = 0, column = -1, second = 0, sum = 0
        for index in measured {
            let height = row[index]
            sum += height
            if height > first || column < 0 {
                second = max(second, first)
                first = height
                column = index
            } else {
                second = max(second, height)
            }
        }
        return ((first, column, second), sum)
    }

    /// How `total` changes when the cell of `row` in `column` goes from `old` to `new` (nothing is recorded).
    func change(_ row: Int, _ column: Int, from old: Int, to new: Int) -> Int {
        let entry = tallest[row]
        let others = entry.column == column ? entry.second : entry.height
        return (max(others, new) - entry.height) * 100 + new - old
    }

    /// Records a row's new cell heights.
    mutating func set(_ row: Int, _ heights: [Int]) {
        total -= tallest[row].height * 100 + sums[row]
        let (entry, sum) = RowHeights.summary(heights, measured)
        tallest[row] = entry
        sums[row] = sum
        total += entry.height * 100 + sum
    }
}
