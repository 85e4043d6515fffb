import Foundation

/// Reads a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) as one table.
/// UTF-8 with or without a byte-order mark; otherwise GB18030 (what Excel and WPS save on Chinese Windows).
/// A file whose first line has tabs and no commas is read as tab-separated.
enum CSVReader {
    static func read(_ data: Data, fileName: String, limits: ImportLimits) throws(ImportError) -> SourceDocument {
        guard let text = TextDecoding.decode(data) else {
            throw ImportError(
                zh: "\(fileName) 既不是 UTF-8 也不是 GB18030 编码的文本，无法读取",
                en: "\(fileName) is neither UTF-8 nor GB18030 text; cannot be read")
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        var rows: [[SourceCell]] = []
        var row: [SourceCell] = []
        var field = ""
        var quoted = false
        var atFieldStart = true
        var cells = 0
        func endField() throws(ImportError) {
            row.append(SourceCell(field))
            field = ""
            atFieldStart = true
            if row.count > limits.columns {
                throw ImportError(
                    zh: "\(fileName) 有 \(row.count) 列以上，超过上限 \(limits.columns) 列：这不是公开目录表格",
                    en:
                        "\(fileName) has \(row.count) or more columns, over the limit of \(limits.columns): not a catalog table"
                )
            }
        }
        func endRow() throws(ImportError) {
            try endField()
            rows.append(row)
            cells += row.count
            row = []
            if rows.count > limits.rows || cells > limits.cells {
                throw ImportError(
                    zh: "\(fileName) 超过 \(limits.rows) 行或 \(limits.cells) 个单元格，拒绝读取",
                    en: "\(fileName) has more than \(limits.rows) rows or \(limits.cells) cells; not read")
            }
        }
        var iterator = text.makeIterator()
        var pending: Character?
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character == "\r\n" ? "\n" : character)
                }
                continue
            }
            switch character {
            case "\"" where atFieldStart: quoted = true; atFieldStart = false
            case separator: try endField()
            case "\n", "\r\n", "\r": try endRow()
            default: field.append(character); atFieldStart = false
            }
        }
        if !field.isEmpty || !row.isEmpty { try endRow() }
        return SourceDocument(fileName: fileName, tables: [SourceTable(fileName: fileName, kind: .csv, rows: rows)])
    }
}

/// Text files from Chinese offices: UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK and GB2312).
enum TextDecoding {
    static func decode(_ data: Data) -> String? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        return gb18030(bytes)
    }

    /// GB18030 through iconv (Foundation on Linux does not decode it). Nil when the bytes are not GB18030.
    static func gb18030(_ data: Data) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            for (index, byte) in raw.enumerated() { input[index] = CChar(bitPattern: byte) }
        }
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        var written = 0
        let ok = input.withUnsafeMutableBufferPointer { inBuffer -> Bool in
            output.withUnsafeMutableBufferPointer { outBuffer -> Bool in
                var inPointer = inBuffer.baseAddress
                var outPointer = outBuffer.baseAddress
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                written = outBuffer.count - outLeft
                return result != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
