import Diagnostics
import YAMLTree

/// `# gkml: 忽略 CODE[,CODE…] 理由…` — silences those codes on the next element (the line below it and, when an
/// item, group or key with a nested value starts there, everything inside). The reason is required.
/// libyaml drops comments, so they are read from the source text, line by line.
struct IgnoreComment: Sendable {
    /// Line of the comment.
    var line: Int
    /// Column where the codes start.
    var codesColumn: Int
    var codes: [String]
    var reason: String
    /// Lines the comment applies to.
    var scope: ClosedRange<Int>

    /// The words that introduce an ignore comment.
    static let keywords = ["忽略", "ignore"]

    /// Finds the ignore comments of a file.
    static func parse(_ file: LintFile) -> [IgnoreComment] {
        guard mayContainComment(file.document.source) else { return [] }
        var comments: [IgnoreComment] = []
        var extents: [Int: Int]?
        for number in 1...max(1, file.lineCount) {
            let text = file.line(number)
            guard text.contains("gkml"), let parsed = parseLine(text) else { continue }
            if extents == nil { extents = lineExtents(file) }
            var target = number + 1
            while target <= file.lineCount {
                let t = file.line(target).trimmingLeadingSpaces
                if !t.isEmpty && !t.hasPrefix("#") { break }
                target += 1
            }
            let last = max(target, extents?[target] ?? target)
            comments.append(
                IgnoreComment(
                    line: number, codesColumn: parsed.codesColumn, codes: parsed.codes, reason: parsed.reason,
                    scope: target...last))
        }
        return comments
    }

    /// Whether the bytes contain "gkml" followed by a colon (ASCII or full-width): a cheap test before lines are read.
    static func mayContainComment(_ source: [UInt8]) -> Bool {
        source.withUnsafeBufferPointer { b in
            var from = 0
            while let i = ByteSearch.index(of: UInt8(ascii: "g"), in: b, from: from), i + 4 < b.count {
                if b[i + 1] == UInt8(ascii: "k"), b[i + 2] == UInt8(ascii: "m"), b[i + 3] == UInt8(ascii: "l"),
                    b[i + 4] == UInt8(ascii: ":") || b[i + 4] == 0xEF
                {
                    return true
                }
                from = i + 1
            }
            return false
        }
    }

    /// Parses one line: nil when it is not an ignore comment.
    static func parseLine(_ text: String) -> (codes: [String], codesColumn: Int, reason: String)? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func skipSpaces() {
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\u{3000}" { i += 1 }
        }
        func take(_ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= scalars.count, Array(scalars[i..<i + w.count]) == w else { return false }
            i += w.count
            return true
        }
        skipSpaces()
        guard take("#") else { return nil }
        skipSpaces()
        guard take("gkml"), take(":") || take("：") else { return nil }
        skipSpaces()
        guard keywords.contains(where: { take($0) }) else { return nil }
        skipSpaces()
        let codesStart = i
        while i < scalars.count, scalars[i] != " " && scalars[i] != "\t" && scalars[i] != "\u{3000}" { i += 1 }
        let codesText = String(String.UnicodeScalarView(scalars[codesStart..<i]))
        skipSpaces()
        let reason = String(String.UnicodeScalarView(scalars[i...])).trimmingTrailingSpaces
        let codes = codesText.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map(String.init)
        return (codes, codesStart + 1, reason)
    }

    /// For each line where a key, an item or a group starts, the last line of what starts there.
    static func lineExtents(_ file: LintFile) -> [Int: Int] {
        var extents: [Int: Int] = [:]
        func note(_ line: Int, _ last: Int) { extents[line] = max(extents[line] ?? line, last) }
        @discardableResult
        func visit(_ node: YAMLNode) -> Int {
            switch node.value {
            case .mapping(let pairs):
                var last = node.start.line
                for pair in pairs {
                    let end = max(pair.key.start.line, visit(pair.value))
                    note(pair.key.start.line, end)
                    last = max(last, end)
                }
                return last
            case .sequence(let items):
                var last = node.start.line
                for item in items {
                    let end = visit(item)
                    note(item.start.line, end)
                    last = max(last, end)
                }
                return last
            default:
                // A block scalar ends where the next token starts: its last line is the one before, unless
                // text precedes the end mark on the end line.
                guard node.end.line > node.start.line else { return node.start.line }
                let before = file.line(node.end.line).unicodeScalars.prefix(max(0, node.end.column - 1))
                let blank = before.allSatisfy { $0 == " " || $0 == "\t" }
                return blank ? node.end.line - 1 : node.end.line
            }
        }
        visit(file.root)
        return extents
    }
}

extension String {
    var trimmingLeadingSpaces: Substring {
        drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
    }

    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\u{3000}" { s = s.dropLast() }
        return String(s)
    }
}
