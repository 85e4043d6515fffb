import Diagnostics

/// Byte offsets of lines and columns in a source buffer (lines end at LF, CRLF or CR; a BOM is not counted).
struct LineIndex: Sendable {
    let source: [UInt8]
    /// Byte offset where each line starts; `starts[0]` is line 1.
    let starts: [Int]
    /// For lines longer than `longLine` bytes: the offset (from the line's start) of each column, its end
    /// last. Walking a long line from its start for every edit made `--fix` of a 300 KB one-line list
    /// quadratic (issue 15); ordinary lines are short and are walked.
    let columns: [Int: [Int32]]
    static let longLine = 512

    init(_ source: [UInt8]) {
        self.source = source
        var starts: [Int] = []
        var i = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        starts.append(i)
        let n = source.count
        let hasCR = source.withUnsafeBufferPointer { ByteSearch.index(of: 0x0D, in: $0, from: 0) != nil }
        if !hasCR {
            // Lines end at LF only (the usual file): found by memchr rather than a test of every byte.
            source.withUnsafeBufferPointer { p in
                while let at = ByteSearch.index(of: 0x0A, in: p, from: i) {
                    starts.append(at + 1)
                    i = at + 1
                }
            }
        }
        while hasCR, i < n {
            let b = source[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < n && source[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        self.starts = starts
        var columns: [Int: [Int32]] = [:]
        for line in 1...starts.count {
            let start = starts[line - 1]
            let end = Self.contentEnd(ofLine: line, starts: starts, source: source)
            guard end - start > Self.longLine else { continue }
            var table: [Int32] = []
            var j = start
            while j < end {
                table.append(Int32(j - start))
                j += LineIndex.scalarLength(source[j])
            }
            table.append(Int32(end - start))
            columns[line] = table
        }
        self.columns = columns
    }

    var lineCount: Int { starts.count }

    /// Where the content of a line ends (before its line break).
    func contentEnd(ofLine line: Int) -> Int {
        Self.contentEnd(ofLine: line, starts: starts, source: source)
    }

    static func contentEnd(ofLine line: Int, starts: [Int], source: [UInt8]) -> Int {
        guard line >= 1, line <= starts.count else { return source.count }
        var end = line < starts.count ? starts[line] : source.count
        if end > starts[line - 1], end <= source.count, end > 0, source[end - 1] == 0x0A { end -= 1 }
        if end > starts[line - 1], end > 0, source[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The byte offset of a position; nil when it lies outside the text. Column `n + 1` of a line with n
    /// characters is its end; line `lineCount + 1`, column 1 is the end of the file.
    func offset(of position: SourcePosition) -> Int? {
        if position.line == starts.count + 1 && position.column == 1 { return source.count }
        guard position.line >= 1, position.line <= starts.count, position.column >= 1 else { return nil }
        var i = starts[position.line - 1]
        if let table = columns[position.line] {
            guard position.column - 1 < table.count else { return nil }
            return i + Int(table[position.column - 1])
        }
        let end = contentEnd(ofLine: position.line)
        var column = 1
        while column < position.column {
            guard i < end else { return nil }
            i += LineIndex.scalarLength(source[i])
            column += 1
        }
        return min(i, end)
    }

    /// The text of a line, without its line break.
    func line(_ number: Int) -> String {
        guard number >= 1, number <= starts.count else { return "" }
        return String(decoding: source[starts[number - 1]..<contentEnd(ofLine: number)], as: UTF8.self)
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}

/// Applying edits to bytes (used by `validate --fix` and by `import --update`).
public enum EditApplier {
    /// Applies the fixes that do not overlap an earlier accepted one (fixes are groups of edits applied
    /// all or none). Returns the new bytes and the indices of the fixes applied.
    public static func apply(_ fixes: [[TextEdit]], to source: [UInt8]) -> (bytes: [UInt8], applied: [Int]) {
        let index = LineIndex(source)
        var accepted: [(range: Range<Int>, replacement: [UInt8])] = []
        var applied: [Int] = []
        for (n, fix) in fixes.enumerated() {
            var ranges: [(Range<Int>, [UInt8])] = []
            var ok = !fix.isEmpty
            for edit in fix {
                guard let a = index.offset(of: edit.start), let b = index.offset(of: edit.end), a <= b else {
                    ok = false
                    break
                }
                ranges.append((a..<b, Array(edit.replacement.utf8)))
            }
            guard ok else { continue }
            let overlaps = ranges.contains { r in
                accepted.contains {
                    $0.range.overlaps(r.0) || ($0.range.isEmpty || r.0.isEmpty) && $0.range.lowerBound == r.0.lowerBound
                }
            }
            let selfOverlap = ranges.indices.contains { i in
                ranges.indices.contains { j in i < j && ranges[i].0.overlaps(ranges[j].0) }
            }
            guard !overlaps, !selfOverlap else { continue }
            accepted += ranges.map { (range: $0.0, replacement: $0.1) }
            applied.append(n)
        }
        var bytes = source
        for edit in accepted.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: edit.replacement)
        }
        return (bytes, applied)
    }
}
