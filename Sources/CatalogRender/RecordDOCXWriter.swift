import CatalogDiff
import Foundation
import SafeOutput

/// The adjustment record (调整说明) as a Word document laid out as an official document (党政机关公文格式,
/// GB/T 9704-2012): A4 portrait with the standard margins, the title in 方正小标宋简体 二号, the 文号 line, the
/// body in 仿宋_GB2312 三号 with 黑体 headings, the change tables in 小五 with a header row that repeats on every
/// page, and the issuing body and the date at the right. 编号 and 文号 use non-breaking hyphens, so that Word
/// never breaks them across lines. Package parts (fonts, footer with "— 1 —") are DOCXWriter's.
public enum RecordDOCXWriter {
    /// A4 portrait; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (GB/T 9704-2012 §5.2.1).
    static let pageWidth = 11906, pageHeight = 16838
    static let top = 2098, bottom = 1984, left = 1587, right = 1474
    static var textWidth: Int { pageWidth - left - right }
    /// Type sizes in half-points: 二号 title, 三号 body, 小五 tables.
    static let titleSize = 44, bodySize = 32, tableSize = 18
    /// One character of body text in twentieths of a point (三号 = 16 pt).
    static let character = 320

    public static func document(_ record: RecordDocument) throws -> [UInt8] {
        try ZipContainer.make([
            ("[Content_Types].xml", DOCXWriter.contentTypes),
            ("_rels/.rels", DOCXWriter.rootRelationships),
            ("docProps/app.xml", DOCXWriter.appProperties),
            ("docProps/core.xml", XLSXWriter.coreProperties(title: record.title)),
            ("word/document.xml", body(record)),
            ("word/_rels/document.xml.rels", DOCXWriter.documentRelationships),
            ("word/styles.xml", DOCXWriter.styles),
            ("word/settings.xml", DOCXWriter.settings),
            ("word/fontTable.xml", DOCXWriter.fontTable),
            ("word/footer1.xml", DOCXWriter.footer),
        ])
    }

    // MARK: Runs

    struct Style {
        var font: DOCXWriter.Font = .body
        var size = bodySize
        var bold = false
        var strike = false
        var underline = false
    }

    static func properties(_ style: Style) -> String {
        DOCXWriter.fonts(style.font) + (style.bold ? "<w:b/><w:bCs/>" : "") + (style.strike ? "<w:strike/>" : "")
            + (style.underline ? "<w:u w:val=\"single\"/>" : "")
            + "<w:sz w:val=\"\(style.size)\"/><w:szCs w:val=\"\(style.size)\"/>"
    }

    static func run(_ text: String, _ style: Style) -> String {
        guard !text.isEmpty else { return "" }
        return "<w:r><w:rPr>\(properties(style))</w:rPr><w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r>"
    }

    /// An identifier with every hyphen non-breaking (`w:noBreakHyphen`): Word keeps 17-06-01 on one line.
    static func identifierRun(_ text: String, _ style: Style) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
            $0.isEmpty ? "" : "<w:t xml:space=\"preserve\">\(XMLText.escape(String($0)))</w:t>"
        }
        return "<w:r><w:rPr>\(properties(style))</w:rPr>" + parts.joined(separator: "<w:noBreakHyphen/>") + "</w:r>"
    }

    static func runs(_ inlines: [RecordDocument.Inline], _ base: Style) -> String {
        inlines.map { inline in
            var style = base
            switch inline {
            case .text(let s):
                // A line break inside a value (a multi-line 公开内容) stays a line break.
                return s.split(separator: "\n", omittingEmptySubsequences: false).map { run(String($0), style) }
                    .joined(separator: "<w:r><w:br/></w:r>")
            case .strong(let s):
                style.bold = true
                return run(s, style)
            case .deleted(let s):
                style.strike = true
                return run(s, style)
            case .inserted(let s):
                style.underline = true
                style.bold = true
                return run(s, style)
            case .identifier(let s):
                return identifierRun(s, style)
            }
        }.joined()
    }

    enum Alignment: String { case left, center, right, both }

    static func paragraph(
        _ content: String, _ style: Style, align: Alignment = .both, firstLine: Int = 0,
        rightIndent: Int = 0, before: Int = 0, after: Int = 0, keepNext: Bool = false,
        exactLine: Int? = 579
    ) -> String {
        let line = exactLine.map { "w:line=\"\($0)\" w:lineRule=\"exact\"" } ?? "w:line=\"240\" w:lineRule=\"auto\""
        return
            "<w:p><w:pPr>\(keepNext ? "<w:keepNext/>" : "")<w:spacing w:before=\"\(before)\" w:after=\"\(after)\" \(line)/>"
            + "<w:ind w:firstLine=\"\(firstLine)\" w:right=\"\(rightIndent)\"/><w:jc w:val=\"\(align.rawValue)\"/>"
            + "<w:rPr>\(properties(style))</w:rPr></w:pPr>\(content)</w:p>"
    }

    // MARK: Tables

    /// Column widths from the longest cell of each column (in display characters), within bounds, so that
    /// 编号 columns fit their codes and text columns share the rest.
    static func widths(header: [String], rows: [[[RecordDocument.Inline]]]) -> [Int] {
        let columns = header.count
        var weights = [Double](repeating: 2, count: columns)
        var identifierColumn = [Bool](repeating: false, count: columns)
        for row in [header.map { [RecordDocument.Inline.text($0)] }] + rows {
            for (i, cell) in row.enumerated() where i < columns {
                let length = cell.reduce(0) { $0 + displayLength($1) }
                weights[i] = max(weights[i], min(Double(length), 24))
                if cell.count == 1, case .identifier = cell[0] { identifierColumn[i] = true }
            }
        }
        let total = weights.reduce(0, +)
        var result = weights.map { Int(Double(textWidth) * $0 / total) }
        // A column of codes is never narrower than one code of eight to eleven characters in 小五.
        for i in 0..<columns where identifierColumn[i] && result[i] < 1150 {
            let missing = 1150 - result[i]
            result[i] = 1150
            if let widest = result.indices.max(by: { result[$0] < result[$1] }) { result[widest] -= missing }
        }
        result[columns - 1] += textWidth - result.reduce(0, +)
        return result
    }

    static func displayLength(_ inline: RecordDocument.Inline) -> Int {
        let text: String =
            switch inline {
            case .text(let s), .strong(let s), .deleted(let s), .inserted(let s), .identifier(let s): s
            }
        // Full-width characters count as two half-width ones.
        return text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) } / 2 + 1
    }

    static func table(header: [String], rows: [[[RecordDocument.Inline]]]) -> String {
        let widths = widths(header: header, rows: rows)
        var xml =
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            + "<w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            }.joined() + "</w:tblBorders>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
            + "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        func row(_ cells: [[RecordDocument.Inline]], header: Bool) -> String {
            var out = "<w:tr><w:trPr>" + (header ? "<w:cantSplit/><w:tblHeader/>" : "<w:cantSplit/>") + "</w:trPr>"
            for (i, cell) in cells.enumerated() where i < widths.count {
                let style = Style(font: header ? .heading : .body, size: tableSize)
                out +=
                    "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[i])\" w:type=\"dxa\"/>"
                    + (header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6ECF5\"/>" : "")
                    + "<w:vAlign w:val=\"center\"/></w:tcPr>"
                    + paragraph(runs(cell, style), style, align: header ? .center : .left, exactLine: nil) + "</w:tc>"
            }
            return out + "</w:tr>"
        }
        xml += row(header.map { [.text($0)] }, header: true)
        for cells in rows { xml += row(cells, header: false) }
        return xml + "</w:tbl>"
    }

    // MARK: The document

    static func body(_ record: RecordDocument) -> String {
        var xml =
            XLSXWriter.xmlHeader
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
        let body = Style()
        xml += paragraph(
            run(record.title, Style(font: .title, size: titleSize)), Style(font: .title, size: titleSize),
            align: .center, after: record.documentNumber == nil ? 579 : 0, exactLine: nil)
        if let number = record.documentNumber {
            xml += paragraph(identifierRun(number, body), body, align: .center, before: 200, after: 579)
        }
        for block in record.blocks {
            switch block {
            case .heading(let level, let text):
                let style = level <= 2 ? Style(font: .heading) : Style(bold: true)
                xml += paragraph(run(text, style), style, firstLine: 2 * character, keepNext: true)
            case .paragraph(let inlines):
                // A paragraph that is all bold is a sub-heading: it stays with what follows.
                let subheading = !inlines.isEmpty && inlines.allSatisfy { if case .strong = $0 { true } else { false } }
                xml += paragraph(runs(inlines, body), body, firstLine: 2 * character, keepNext: subheading)
            case .list(let items):
                for item in items { xml += paragraph(runs(item, body), body, firstLine: 2 * character) }
            case .table(let header, let rows):
                xml += table(header: header, rows: rows)
                // Word needs a paragraph between two tables; a small one keeps the spacing tight.
                xml += paragraph("", Style(size: tableSize), exactLine: nil)
            case .signature(let lines):
                // 发文机关署名 and 成文日期 at the right; the date four characters in from the margin.
                for (i, line) in lines.enumerated() {
                    let last = i == lines.count - 1 && lines.count > 1
                    xml += paragraph(
                        run(line, body), body, align: .right, rightIndent: (last ? 4 : 2) * character,
                        before: i == 0 ? 2 * 579 : 0)
                }
            }
        }
        xml +=
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
            + "<w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\"/>"
            + "<w:pgMar w:top=\"\(top)\" w:right=\"\(right)\" w:bottom=\"\(bottom)\" w:left=\"\(left)\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
            + "<w:cols w:space=\"425\"/></w:sectPr>"
        return xml + "</w:body></w:document>"
    }
}
