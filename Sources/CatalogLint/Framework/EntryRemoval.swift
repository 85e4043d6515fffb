import CatalogModel
import Diagnostics
import YAMLTree

/// Removing one entry of a sequence from the source text: the entry's line for a block sequence, the entry and
/// its comma for a flow sequence. Returns no edit when the layout is not one it can edit safely.
enum EntryRemoval {
    static func edits(removing index: Int, of sequence: YAMLNode, file: LintFile) -> [TextEdit] {
        var layout = Layout(sequence, file: file)
        return layout.edits(removing: index)
    }

    /// A sequence's layout, read once for all of its entries: the dash line of every block entry (found by one
    /// scan of the sequence's lines) and the characters of the flow line last looked at. Finding the dash of
    /// entry i by scanning from the sequence's start made a list that repeats one entry 3,000 times take 22 s.
    struct Layout {
        let sequence: YAMLNode
        let items: [YAMLNode]
        let file: LintFile
        let isFlow: Bool
        private var dashLines: [Int]?
        private var cachedLine: (number: Int, scalars: [Unicode.Scalar])?
        /// Lines and characters examined so far (for the tests that check the work is linear).
        private(set) var work = 0

        init(_ sequence: YAMLNode, file: LintFile) {
            self.sequence = sequence
            self.items = sequence.sequence ?? []
            self.file = file
            let col = sequence.start.column - 1
            let startLine = file.line(sequence.start.line).scalars
            work += startLine.count
            isFlow = col < startLine.count && startLine[col] == "["
        }

        /// The characters of a line, kept while consecutive calls ask for the same line (a flow sequence's
        /// entries share it).
        mutating func line(_ number: Int) -> [Unicode.Scalar] {
            if let cachedLine, cachedLine.number == number { return cachedLine.scalars }
            let scalars = file.line(number).scalars
            work += scalars.count + 1
            cachedLine = (number, scalars)
            return scalars
        }

        mutating func edits(removing index: Int) -> [TextEdit] {
            guard index < items.count else { return [] }
            return isFlow ? flowEdits(items[index]) : blockEdits(index)
        }

        /// In a flow sequence `[a, b, c]`: the entry with the comma after it, or — for the last — the comma before.
        mutating func flowEdits(_ item: YAMLNode) -> [TextEdit] {
            let line = item.start.line
            guard item.end.line == line else { return [] }
            let text = self.line(line)
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
                        start: SourcePosition(line: line, column: s + 1),
                        end: SourcePosition(line: line, column: j + 1),
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
        mutating func blockEdits(_ index: Int) -> [TextEdit] {
            if dashLines == nil { dashLines = scanDashLines() }
            guard let dashLines, index < dashLines.count else { return [] }
            let line = dashLines[index]
            let item = items[index]
            if item.sequence != nil || item.mapping != nil { return [] }
            if !item.isNull, item.start.line != line || item.end.line != line { return [] }
            return [TextEdit.deleteLines(line, through: line)]
        }

        /// The lines of the sequence's dashes at its own indentation, in order, up to the first line that ends
        /// the sequence (less indented, or at its indentation without a dash).
        mutating func scanDashLines() -> [Int] {
            let dashColumn = sequence.start.column - 1
            var lines: [Int] = []
            var line = sequence.start.line
            while line <= file.lineCount, lines.count < items.count {
                let text = file.line(line).scalars
                work += text.count + 1
                let indent = text.prefix { $0 == " " }.count
                let trimmedEmpty = text.allSatisfy { $0 == " " || $0 == "\t" }
                let isComment = indent < text.count && text[indent] == "#"
                if !trimmedEmpty && !isComment {
                    if indent < dashColumn { break }
                    if indent == dashColumn, text[indent] == "-", indent + 1 == text.count || text[indent + 1] == " " {
                        lines.append(line)
                    } else if indent == dashColumn {
                        break
                    }
                }
                line += 1
            }
            return lines
        }
    }
}
