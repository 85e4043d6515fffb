/// A table laid out as a grid, with `rowspan`/`colspan` expanded the way browsers place cells.
public struct HTMLTableGrid: Sendable {
    /// One slot of the grid: the cell element covering it and where that cell starts.
    public struct Slot: Sendable {
        public let cell: HTMLElement
        /// Row and column (0-based) of the cell's top-left slot.
        public let originRow: Int
        public let originColumn: Int
        /// True for the cell's top-left slot; false for slots it covers by spanning.
        public var isOrigin: Bool { originRow == row && originColumn == column }
        public let row: Int
        public let column: Int
    }

    /// Rows of slots; a row is shorter than `columnCount` where the source row has fewer cells.
    public let rows: [[Slot?]]
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// Lays out the rows of `table` (its own `tr`s, through `thead`/`tbody`/`tfoot`, not those of nested tables).
    public init(table: HTMLElement) {
        var trs: [HTMLElement] = []
        for child in table.elementChildren {
            if child.name == "tr" {
                trs.append(child)
            } else if ["thead", "tbody", "tfoot"].contains(child.name) {
                trs += child.elementChildren.filter { $0.name == "tr" }
            }
        }
        var grid: [[Slot?]] = []
        for (r, tr) in trs.enumerated() {
            if grid.count <= r { grid.append([]) }
            var c = 0
            for cell in tr.elementChildren where cell.name == "td" || cell.name == "th" {
                while c < grid[r].count, grid[r][c] != nil { c += 1 }
                // A rowspan never reaches past the table's last row (as in browsers).
                let rows = min(cell.rowspan, trs.count - r)
                for dr in 0..<rows {
                    let rr = r + dr
                    while grid.count <= rr { grid.append([]) }
                    for dc in 0..<cell.colspan {
                        let cc = c + dc
                        while grid[rr].count <= cc { grid[rr].append(nil) }
                        if grid[rr][cc] == nil {
                            grid[rr][cc] = Slot(cell: cell, originRow: r, originColumn: c, row: rr, column: cc)
                        }
                    }
                }
                c += cell.colspan
            }
        }
        rows = grid
    }

    /// The normalized text of each slot, with spanned slots repeating their cell's text ("" for holes).
    public var texts: [[String]] {
        rows.map { $0.map { $0?.cell.normalizedText ?? "" } }
    }
}
