import CatalogModel
import Diagnostics
import YAMLTree

/// Removing one entry of a sequence from the source text: the entry's line for a block sequence, the entry and
/// its comma for a flow sequence. Returns no edit when the layout is not one it can edit safely.
enum EntryRemoval {
    static func edits(removing index: Int, of sequence: YAMLNode, file: LintFile) -> [TextEdit] {
        guard let items = sequence.sequence, index < items.count else { return [] }
        let startLine = file.line(sequence.start.line).scalars
        let col = sequence.start.column - 1
        if col < startLine.count, startLine[col] == "[" {
            return flowEdits(items[index], file: file)
        }
        return blockEdits(index, of: sequence, items: items, file: file)
    }

    /// In a flow sequence `[a, b, c]`: the entry with the comma after it, or — for the last — the comma before.
    static func flowEdits(_ item: YAMLNode, file: LintFile) -> [TextEdit] {
        let line = item.start.line
        guard item.end.line == line else { return [] }
        let text = file.line(line).scalars
        let s = item.start.column - 1
        var e = item.end.column - 1
        if item.isNull, s == e {
            // `[a, ~]` has a visible null; an empty one cannot be written in flow style.
            e = s
        }
        var j = e
        while j < text.count, text[j] == " " { j += 1 }
        if j < text.count, text[j] == "," {
            j += 1
            while j < text.count, text[j] == " " { j += 1 }
            return [
                TextEdit(
                    start: SourcePosition(line: line, column: s + 1), end: SourcePosition(line: line, column: j + 1),
                    replacement: "")
            ]
        }
        var k = s
        while k > 0, text[k - 1] == " " { k -= 1 }
        if k > 0, text[k - 1] == "," {
            return [
                TextEdit(
                    start: SourcePosition(line: line, column: k), end: SourcePosition(line: line, column: e + 1),
                    replacement: "")
            ]
        }
        return []
    }

    /// In a block sequence: the line of the entry's dash, when the entry is a scalar on that line.
    static func blockEdits(_ index: Int, of sequence: YAMLNode, items: [YAMLNode], file: LintFile) -> [TextEdit] {
        let dashColumn = sequence.start.column - 1
        var found = -1
        var line = sequence.start.line
        while line <= file.lineCount {
            let text = file.line(line).scalars
            let indent = text.prefix { $0 == " " }.count
            let trimmedEmpty = text.allSatisfy { $0 == " " || $0 == "\t" }
            let isComment = indent < text.count && text[indent] == "#"
            if !trimmedEmpty && !isComment {
                if indent < dashColumn { break }
                if indent == dashColumn, text[indent] == "-", indent + 1 == text.count || text[indent + 1] == " " {
                    found += 1
                    if found == index { break }
                } else if indent == dashColumn {
                    break
                }
            }
            line += 1
        }
        guard found == index, line <= file.lineCount else { return [] }
        let item = items[index]
        if item.sequence != nil || item.mapping != nil { return [] }
        if !item.isNull, item.start.line != line || item.end.line != line { return [] }
        return [TextEdit.deleteLines(line, through: line)]
    }
}
