import Diagnostics

/// One cell of a table as the source document gives it, before any catalog meaning is attached.
public struct SourceCell: Sendable, Hashable {
    /// The text, with the source's line breaks (`<br>`, paragraphs, Alt+Enter) as "\n".
    public var text: String
    /// True when the cell is covered by a vertical merge from the row above (xlsx merged range, docx `vMerge`,
    /// html `rowspan`): its value is the value of the cell above.
    public var mergedFromAbove: Bool
    /// True when the cell is covered by a horizontal merge from the left (`gridSpan`, `colspan`, a merged range).
    public var mergedFromLeft: Bool

    public init(_ text: String, mergedFromAbove: Bool = false, mergedFromLeft: Bool = false) {
        self.text = text
        self.mergedFromAbove = mergedFromAbove
        self.mergedFromLeft = mergedFromLeft
    }

    public static let empty = SourceCell("")
}

/// The kind of document a table came from; it decides how places are written in the report.
public enum SourceKind: String, Sendable, Hashable {
    case xlsx, docx, html, csv
}

/// A rectangular table read from a document: one sheet of a workbook, one `<table>` of a page or a Word file,
/// or a whole CSV file. Merged cells are already expanded (every covered cell carries the merged text and a flag).
public struct SourceTable: Sendable, Hashable {
    /// The source file's name as the report shows it (the last path component).
    public var fileName: String
    public var kind: SourceKind
    /// The sheet name (xlsx) or nil.
    public var sheet: String?
    /// 1-based number of the table in its document (docx, html).
    public var number: Int
    /// Rows of equal length.
    public var rows: [[SourceCell]]
    /// The source's own row number for each row (xlsx row `r`, 1-based position otherwise).
    public var rowNumbers: [Int]
    /// Text lines printed above the table (a title, a note), nearest last.
    public var linesBefore: [String]
    /// 编号 that the document carries invisibly for a row (docx bookmark `_gkml_…`, html `<tr id="item-…">`), by row index.
    public var rowIdentities: [Int: String] = [:]
    /// The number of the document table each row came from, when continuation tables were joined into this one
    /// (a Word table split across pages); empty otherwise.
    public var rowTableNumbers: [Int] = []

    public init(
        fileName: String, kind: SourceKind, sheet: String? = nil, number: Int = 1, rows: [[SourceCell]],
        rowNumbers: [Int]? = nil, linesBefore: [String] = []
    ) {
        let width = rows.map(\.count).max() ?? 0
        self.rows = rows.map { $0.count < width ? $0 + Array(repeating: .empty, count: width - $0.count) : $0 }
        self.fileName = fileName
        self.kind = kind
        self.sheet = sheet
        self.number = number
        self.rowNumbers = rowNumbers ?? Array(1...max(1, rows.count)).prefix(rows.count).map { $0 }
        self.linesBefore = linesBefore
    }

    public var width: Int { rows.first?.count ?? 0 }

    /// Where a cell is, as a person finds it: `目录.xlsx!Sheet1!E12`, `page.html：表格 2 第 7 行第 3 列`.
    public func place(row: Int, column: Int) -> LocalizedText {
        let sourceRow = row < rowNumbers.count ? rowNumbers[row] : row + 1
        switch kind {
        case .xlsx:
            let ref = "\(fileName)!\(sheet ?? "")!\(SourceTable.columnLetters(column))\(sourceRow)"
            return LocalizedText(zh: ref, en: ref)
        case .csv:
            return LocalizedText(
                zh: "\(fileName)：第 \(sourceRow) 行第 \(column + 1) 列",
                en: "\(fileName): row \(sourceRow), column \(column + 1)")
        case .docx, .html:
            let number = tableNumber(row: row)
            return LocalizedText(
                zh: "\(fileName)：表格 \(number) 第 \(sourceRow) 行第 \(column + 1) 列",
                en: "\(fileName): table \(number), row \(sourceRow), column \(column + 1)")
        }
    }

    /// Where a whole row is.
    public func place(row: Int) -> LocalizedText {
        let sourceRow = row < rowNumbers.count ? rowNumbers[row] : row + 1
        switch kind {
        case .xlsx:
            let ref = "\(fileName)!\(sheet ?? "")!\(sourceRow):\(sourceRow)"
            return LocalizedText(zh: ref, en: ref)
        case .csv:
            return LocalizedText(zh: "\(fileName)：第 \(sourceRow) 行", en: "\(fileName): row \(sourceRow)")
        case .docx, .html:
            let number = tableNumber(row: row)
            return LocalizedText(
                zh: "\(fileName)：表格 \(number) 第 \(sourceRow) 行", en: "\(fileName): table \(number), row \(sourceRow)")
        }
    }

    /// The document table a row is in (a joined continuation table keeps its own number).
    func tableNumber(row: Int) -> Int { row < rowTableNumbers.count ? rowTableNumbers[row] : number }

    /// Where the table is.
    public var place: LocalizedText {
        switch kind {
        case .xlsx: LocalizedText(zh: "\(fileName)!\(sheet ?? "")", en: "\(fileName)!\(sheet ?? "")")
        case .csv: LocalizedText(zh: fileName, en: fileName)
        case .docx, .html: LocalizedText(zh: "\(fileName)：表格 \(number)", en: "\(fileName): table \(number)")
        }
    }

    /// "A", "B", … "Z", "AA" … (spreadsheet column letters of a 0-based index).
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The 0-based column index of spreadsheet letters ("E" → 4), nil when they are not letters.
    public static func columnIndex(_ letters: Substring) -> Int? {
        var n = 0
        for scalar in letters.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { return nil }
            n = n * 26 + Int(scalar.value - 64)
            if n > 1_000_000 { return nil }
        }
        return n > 0 ? n - 1 : nil
    }
}

/// A document read into tables.
public struct SourceDocument: Sendable {
    public var fileName: String
    public var tables: [SourceTable]

    public init(fileName: String, tables: [SourceTable]) {
        self.fileName = fileName
        self.tables = tables
    }
}

/// Why a file cannot be read at all (exit status 2). Messages in both languages.
public struct ImportError: Error, Sendable, Hashable {
    public var message: LocalizedText

    public init(zh: String, en: String) {
        message = LocalizedText(zh: zh, en: en)
    }
}

/// Bounds that keep a hostile file from exhausting memory or time.
public struct ImportLimits: Sendable, Hashable {
    /// Largest input file read (bytes).
    public var fileBytes: Int = 64 << 20
    /// Largest uncompressed XML part of an xlsx/docx (bytes): a zip bomb stops here.
    public var partBytes: Int = 128 << 20
    /// Largest total uncompressed size read from one package.
    public var packageBytes: Int = 256 << 20
    /// Most columns a table may have (a catalog has about 20).
    public var columns: Int = 200
    /// Most rows a table may have.
    public var rows: Int = 200_000
    /// Most cells in one table.
    public var cells: Int = 4_000_000

    public init() {}
}
