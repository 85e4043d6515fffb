import CYAML
import Diagnostics

/// Turns libyaml's error (problem, context, marks) into a finding that explains the common mistakes in plain
/// words, looking at the source line where libyaml's text alone would be jargon. libyaml's own text stays
/// in the `problem` argument and in a note.
extension TreeBuilder {
    func syntaxFinding(_ parser: yaml_parser_t) -> Finding {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) } ?? ""
        let problemPosition: SourcePosition
        switch parser.error {
        case YAML_READER_ERROR:
            problemPosition = SourceText.position(ofByte: Int(parser.problem_offset), in: input)
        case YAML_MEMORY_ERROR:
            problemPosition = SourcePosition(line: 1, column: 1)
        default:
            problemPosition = position(parser.problem_mark)
        }
        let contextPosition = context.isEmpty ? nil : position(parser.context_mark)
        let contextText = contextPosition.map { "; \(context) (line \($0.line), column \($0.column))" } ?? ""
        let note = LocalizedText(
            zh: "libyaml 原文：\(problem)\(contextText)",
            en: "libyaml: \(problem)\(contextText)"
        )

        func make(_ kind: FindingKind, at position: SourcePosition, _ arguments: [String: String] = [:]) -> Finding {
            var arguments = arguments
            arguments["problem"] = problem
            return Finding(kind, at: location(position), arguments: arguments, notes: [note])
        }

        // A tab where indentation is expected.
        if problem.contains("tab character") || byte(at: problemPosition) == 0x09 {
            return make(YAMLTreeFindings.tabIndent, at: tabInIndentation(line: problemPosition.line) ?? problemPosition)
        }
        // Tabs are fine as spaces inside [ ] and { } (tab-indented JSON), so look at the lines only outside them.
        let inFlow = stack.contains { $0.isFlow } || context.contains("flow")
        if !inFlow, let tab = tabInIndentation(line: problemPosition.line) {
            return make(YAMLTreeFindings.tabIndent, at: tab)
        }
        if !inFlow, let contextPosition, contextPosition.line < problemPosition.line {
            for line in contextPosition.line..<problemPosition.line {
                if let tab = tabInIndentation(line: line) { return make(YAMLTreeFindings.tabIndent, at: tab) }
            }
        }

        // A quote left open on an earlier line swallows the following lines until libyaml chokes far below it.
        if !context.hasPrefix("while scanning a quoted scalar"),
            let open = quoteOpenedAndNotClosed(before: problemPosition.line)
        {
            if let smart = smartQuote(after: open.position) {
                return make(
                    YAMLTreeFindings.smartQuote, at: smart,
                    ["quote": open.quote, "smart": String(smartQuoteCharacter(at: smart))])
            }
            return make(
                YAMLTreeFindings.quoteRunsOn, at: open.position,
                [
                    "quote": open.quote, "lines": String(problemPosition.line - open.position.line),
                    "errorLine": String(problemPosition.line),
                ])
        }

        switch (problem, context) {
        case (_, "while scanning a quoted scalar")
        where problem.contains("end of stream") || problem.contains("document indicator"):
            let at = contextPosition ?? problemPosition
            let quote = byte(at: at) == UInt8(ascii: "'") ? "'" : "\""
            if let smart = smartQuote(after: at) {
                return make(
                    YAMLTreeFindings.smartQuote, at: smart,
                    ["quote": quote, "smart": String(smartQuoteCharacter(at: smart))])
            }
            return make(YAMLTreeFindings.unclosedQuote, at: at, ["quote": quote])

        case (_, "while parsing a quoted scalar") where problem.contains("escape") || problem.contains("hexdecimal"):
            return make(YAMLTreeFindings.badEscape, at: backslash(before: problemPosition) ?? problemPosition)

        case ("could not find expected ':'", _):
            let at = contextPosition ?? problemPosition
            return missingColon(at: at, make)

        case ("mapping values are not allowed in this context", _):
            return colonProblem(at: problemPosition, make)
                ?? make(
                    YAMLTreeFindings.syntax, at: problemPosition, ["context": contextText]
                )

        case ("did not find expected '-' indicator", _):
            let sequence = contextPosition ?? problemPosition
            if let missing = missingDash(line: problemPosition.line, dashColumn: sequence.column, make) {
                return missing
            }
            // At or deeper than the dashes and not a new item: the line belongs to the item above; align it with
            // that item's keys (never "should start in the column it starts in").
            let sibling =
                problemPosition.column >= sequence.column
                ? itemKey(before: problemPosition.line, dashColumn: sequence.column) ?? sequence : sequence
            return make(
                YAMLTreeFindings.badIndent, at: problemPosition,
                [
                    "siblingLine": String(sibling.line), "siblingColumn": String(sibling.column),
                    "column": String(problemPosition.column),
                ])

        case ("did not find expected key", _):
            // Between two levels: the nearer of the mapping's column and the line above (the line above on a tie).
            var sibling = contextPosition ?? problemPosition
            if let above = lineAbove(problemPosition.line),
                abs(above.column - problemPosition.column) <= abs(sibling.column - problemPosition.column)
            {
                sibling = above
            }
            return make(
                YAMLTreeFindings.badIndent, at: problemPosition,
                [
                    "siblingLine": String(sibling.line), "siblingColumn": String(sibling.column),
                    "column": String(problemPosition.column),
                ])

        case ("block sequence entries are not allowed in this context", _):
            return make(YAMLTreeFindings.listItemNotAllowed, at: problemPosition)

        case (_, "while parsing a flow sequence"), (_, "while parsing a flow mapping"):
            if problem.hasPrefix("did not find expected ','") {
                let at = contextPosition ?? problemPosition
                let isMapping = context.hasSuffix("mapping")
                return make(
                    YAMLTreeFindings.unclosedBracket, at: at,
                    [
                        "bracket": isMapping ? "{" : "[", "closing": isMapping ? "}" : "]",
                    ])
            }

        case ("found character that cannot start any token", _):
            if let b = byte(at: problemPosition), b == UInt8(ascii: "@") || b == UInt8(ascii: "`") {
                return make(YAMLTreeFindings.reservedCharacter, at: problemPosition, ["char": String(UnicodeScalar(b))])
            }

        default:
            break
        }
        return make(YAMLTreeFindings.syntax, at: problemPosition, ["context": contextText])
    }

    // MARK: Cases

    /// The first line before `line` whose value opens a quote (`key: "…` or `- "…`) that the line does not close.
    /// Multi-line quoted values are legal YAML but rare in catalogs; when the file fails below one, it is the cause.
    func quoteOpenedAndNotClosed(before line: Int) -> (position: SourcePosition, quote: String)? {
        guard line > 1 else { return nil }
        for number in 1..<line {
            guard let range = SourceText.lineRange(number, in: source) else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: source[range]), as: UTF8.self)
            let scalars = Array(text.unicodeScalars)
            var i = 0
            while i < scalars.count, scalars[i] == " " { i += 1 }
            if i < scalars.count, scalars[i] == "#" { continue }
            if i + 1 < scalars.count, scalars[i] == "-", scalars[i + 1] == " " { i += 2 }
            // Skip a plain key up to ": ".
            var j = i
            while j + 1 < scalars.count, !(scalars[j] == ":" && scalars[j + 1] == " ") {
                if scalars[j] == "\"" || scalars[j] == "'" { break }
                j += 1
            }
            if j + 1 < scalars.count, scalars[j] == ":" { j += 2 } else { j = i }
            while j < scalars.count, scalars[j] == " " { j += 1 }
            guard j < scalars.count, scalars[j] == "\"" || scalars[j] == "'" else { continue }
            let quote = scalars[j]
            var k = j + 1
            var closed = false
            while k < scalars.count {
                if quote == "\"", scalars[k] == "\\" { k += 2; continue }
                if scalars[k] == quote {
                    if quote == "'", k + 1 < scalars.count, scalars[k + 1] == "'" { k += 2; continue }
                    closed = true
                    break
                }
                k += 1
            }
            if !closed { return (SourcePosition(line: number, column: j + 1), String(quote)) }
        }
        return nil
    }

    /// "could not find expected ':'": a line in a mapping that is not `key: value`. A full-width colon, a colon
    /// without a space, or no colon at all.
    func missingColon(at start: SourcePosition, _ make: (FindingKind, SourcePosition, [String: String]) -> Finding)
        -> Finding
    {
        guard let from = SourceText.offset(of: start, in: source),
            let range = SourceText.lineRange(start.line, in: source)
        else {
            return make(YAMLTreeFindings.missingColon, start, [:])
        }
        let rest = from..<range.upperBound
        // A full-width colon "：" (EF BC 9A).
        var i = rest.lowerBound
        while i + 2 < rest.upperBound {
            if source[i] == 0xEF && source[i + 1] == 0xBC && source[i + 2] == 0x9A {
                return make(YAMLTreeFindings.fullWidthColon, SourceText.position(ofByte: i, in: source), [:])
            }
            i += 1
        }
        // An ASCII colon followed by something other than a space.
        i = rest.lowerBound
        while i + 1 < rest.upperBound {
            if source[i] == UInt8(ascii: ":") && source[i + 1] != 0x20 && source[i + 1] != 0x09 {
                let key = text(rest.lowerBound..<i)
                let value = text((i + 1)..<rest.upperBound)
                return make(
                    YAMLTreeFindings.missingSpaceAfterColon, SourceText.position(ofByte: i, in: source),
                    [
                        "key": key, "value": value,
                    ])
            }
            i += 1
        }
        return make(YAMLTreeFindings.missingColon, start, [:])
    }

    /// "mapping values are not allowed in this context" at a colon: either the value on this line already had
    /// a `key: ` before it (a colon inside a plain value), or the line holds only a key that is indented
    /// deeper than its siblings (so YAML read it as the continuation of the previous value).
    func colonProblem(
        at colon: SourcePosition,
        _ make: (FindingKind, SourcePosition, [String: String]) -> Finding
    ) -> Finding? {
        guard let at = SourceText.offset(of: colon, in: source),
            let range = SourceText.lineRange(colon.line, in: source)
        else { return nil }
        var i = range.lowerBound
        // Indentation and `- ` / `? ` indicators.
        while i < at {
            let b = source[i]
            if b == 0x20 {
                i += 1
            } else if (b == UInt8(ascii: "-") || b == UInt8(ascii: "?")) && i + 1 < at && source[i + 1] == 0x20 {
                i += 2
            } else {
                break
            }
        }
        let firstContent = i
        while i + 1 < at {
            if source[i] == UInt8(ascii: ":") && (source[i + 1] == 0x20 || source[i + 1] == 0x09) {
                return make(YAMLTreeFindings.colonInValue, colon, [:])
            }
            i += 1
        }
        // Only a key before the colon: YAML read it as the continuation of the previous line. Either that line
        // lacks its own `: ` (`格式:gkml/1`, `格式：gkml/1`), or this key is indented deeper than its siblings.
        if let previous = previousContentLine(before: colon.line), let finding = previousLineColon(previous, make) {
            return finding
        }
        guard let mapping = stack.last(where: { $0.isMapping && !$0.isFlow }) else { return nil }
        let here = SourceText.position(ofByte: firstContent, in: source)
        let sibling =
            nearestLine(before: colon.line, startingAt: mapping.start.column, notBefore: mapping.start.line)
            ?? mapping.start.line
        return make(
            YAMLTreeFindings.badIndent, here,
            [
                "siblingLine": String(sibling), "siblingColumn": String(mapping.start.column),
                "column": String(here.column),
            ])
    }

    /// When a line is not `key: value` (no `: ` in it): a full-width colon or a colon without a space.
    func previousLineColon(
        _ range: Range<Int>,
        _ make: (FindingKind, SourcePosition, [String: String]) -> Finding
    ) -> Finding? {
        var i = range.lowerBound
        var fullWidth: Int?
        var tight: Int?
        while i < range.upperBound {
            let b = source[i]
            if b == UInt8(ascii: ":") {
                if i + 1 == range.upperBound || source[i + 1] == 0x20 || source[i + 1] == 0x09 { return nil }
                if tight == nil { tight = i }
            } else if b == 0xEF && i + 2 < range.upperBound && source[i + 1] == 0xBC && source[i + 2] == 0x9A {
                if fullWidth == nil { fullWidth = i }
            } else if b == UInt8(ascii: "#") && (i == range.lowerBound || source[i - 1] == 0x20) {
                break
            }
            i += 1
        }
        if let fullWidth {
            return make(YAMLTreeFindings.fullWidthColon, SourceText.position(ofByte: fullWidth, in: source), [:])
        }
        if let tight {
            var start = range.lowerBound
            while start < tight && (source[start] == 0x20 || source[start] == UInt8(ascii: "-")) { start += 1 }
            return make(
                YAMLTreeFindings.missingSpaceAfterColon, SourceText.position(ofByte: tight, in: source),
                [
                    "key": text(start..<tight), "value": text((tight + 1)..<range.upperBound),
                ])
        }
        // No colon at all (and not a list item): the previous line is a key without its colon.
        var first = range.lowerBound
        while first < range.upperBound && source[first] == 0x20 { first += 1 }
        if first < range.upperBound && source[first] != UInt8(ascii: "-") {
            return make(YAMLTreeFindings.missingColon, SourceText.position(ofByte: first, in: source), [:])
        }
        return nil
    }

    /// The byte range of the nearest line before `line` that is neither blank nor a comment.
    func previousContentLine(before line: Int) -> Range<Int>? {
        var number = line - 1
        while number >= 1 {
            guard let range = SourceText.lineRange(number, in: source) else { return nil }
            var i = range.lowerBound
            while i < range.upperBound && (source[i] == 0x20 || source[i] == 0x09) { i += 1 }
            if i < range.upperBound && source[i] != UInt8(ascii: "#") { return range }
            number -= 1
        }
        return nil
    }

    // MARK: Missing list dash, smart quotes

    /// A line at or under a list's dashes that starts with a key the list item above already has: the clerk
    /// began a new item and left out its `- `.
    func missingDash(
        line: Int, dashColumn: Int, _ make: (FindingKind, SourcePosition, [String: String]) -> Finding
    ) -> Finding? {
        guard let range = SourceText.lineRange(line, in: source) else { return nil }
        let text = Array(String(decoding: UnsafeBufferPointer(rebasing: source[range]), as: UTF8.self).unicodeScalars)
        var column = 0
        while column < text.count, text[column] == " " { column += 1 }
        guard let key = Self.key(of: text, from: column) else { return nil }
        // The item above: from the nearest line with `- ` at the dash column, the keys of its mapping.
        var number = line - 1
        var keys: Set<String> = []
        while number >= 1, let r = SourceText.lineRange(number, in: source) {
            let other = Array(String(decoding: UnsafeBufferPointer(rebasing: source[r]), as: UTF8.self).unicodeScalars)
            var c = 0
            while c < other.count, other[c] == " " { c += 1 }
            if c < other.count, other[c] != "#" {
                if c + 1 == dashColumn, c + 1 < other.count, other[c] == "-", other[c + 1] == " " {
                    var k = c + 2
                    while k < other.count, other[k] == " " { k += 1 }
                    if let first = Self.key(of: other, from: k) { keys.insert(first) }
                    break
                }
                if c + 1 < dashColumn { return nil }
                if let k = Self.key(of: other, from: c) { keys.insert(k) }
            }
            number -= 1
        }
        guard keys.contains(key), number >= 1 else { return nil }
        let suggested =
            String(repeating: " ", count: dashColumn - 1) + "- " + String(String.UnicodeScalarView(text[column...]))
        return make(
            YAMLTreeFindings.missingListDash, SourcePosition(line: line, column: column + 1),
            [
                "key": key, "itemLine": String(number), "dashColumn": String(dashColumn), "suggested": suggested,
            ])
    }

    /// The key of `key: value` starting at `from`, if the line is one.
    static func key(of text: [Unicode.Scalar], from: Int) -> String? {
        var i = from
        while i < text.count {
            if text[i] == ":", i + 1 == text.count || text[i + 1] == " " {
                return i > from ? String(String.UnicodeScalarView(text[from..<i])) : nil
            }
            if text[i] == " " || text[i] == "\"" || text[i] == "'" { return nil }
            i += 1
        }
        return nil
    }

    /// The nearest line above `line` (and not above `notBefore`) whose key starts in `column` (after a `- `):
    /// the sibling a misaligned line should line up with.
    func nearestLine(before line: Int, startingAt column: Int, notBefore: Int) -> Int? {
        var number = line - 1
        while number >= notBefore, let r = SourceText.lineRange(number, in: source) {
            let text = Array(String(decoding: UnsafeBufferPointer(rebasing: source[r]), as: UTF8.self).unicodeScalars)
            var c = 0
            while c < text.count, text[c] == " " { c += 1 }
            if c < text.count, text[c] == "-", c + 1 < text.count, text[c + 1] == " " {
                c += 2
                while c < text.count, text[c] == " " { c += 1 }
            }
            if c + 1 == column, c < text.count, text[c] != "#" { return number }
            number -= 1
        }
        return nil
    }

    /// Where the content (the key, after a `- `) of the nearest non-blank, non-comment line above starts.
    func lineAbove(_ line: Int) -> SourcePosition? {
        var number = line - 1
        while number >= 1, let r = SourceText.lineRange(number, in: source) {
            let text = Array(String(decoding: UnsafeBufferPointer(rebasing: source[r]), as: UTF8.self).unicodeScalars)
            var c = 0
            while c < text.count, text[c] == " " { c += 1 }
            if c < text.count, text[c] != "#" {
                if text[c] == "-", c + 1 < text.count, text[c + 1] == " " {
                    c += 2
                    while c < text.count, text[c] == " " { c += 1 }
                }
                return SourcePosition(line: number, column: c + 1)
            }
            number -= 1
        }
        return nil
    }

    /// Where the keys of the list item above `line` start (the column after its `- `).
    func itemKey(before line: Int, dashColumn: Int) -> SourcePosition? {
        var number = line - 1
        while number >= 1, let r = SourceText.lineRange(number, in: source) {
            let text = Array(String(decoding: UnsafeBufferPointer(rebasing: source[r]), as: UTF8.self).unicodeScalars)
            var c = 0
            while c < text.count, text[c] == " " { c += 1 }
            if c < text.count, text[c] != "#" {
                if c + 1 > dashColumn { return SourcePosition(line: number, column: c + 1) }
                if c + 1 == dashColumn, c + 1 < text.count, text[c] == "-", text[c + 1] == " " {
                    var k = c + 2
                    while k < text.count, text[k] == " " { k += 1 }
                    return SourcePosition(line: number, column: k + 1)
                }
                return nil
            }
            number -= 1
        }
        return nil
    }

    /// A Chinese closing quote (” ’) on the line after an opening ASCII quote: the input method typed it
    /// where `"` was meant, so the value never closes.
    func smartQuote(after open: SourcePosition) -> SourcePosition? {
        guard let range = SourceText.lineRange(open.line, in: source) else { return nil }
        let text = Array(String(decoding: UnsafeBufferPointer(rebasing: source[range]), as: UTF8.self).unicodeScalars)
        var i = text.count - 1
        while i >= open.column {
            if text[i] == "\u{201D}" || text[i] == "\u{2019}" || text[i] == "\u{201C}" {
                return SourcePosition(line: open.line, column: i + 1)
            }
            if text[i] != " " && text[i] != "\t" { break }
            i -= 1
        }
        return nil
    }

    func smartQuoteCharacter(at position: SourcePosition) -> Unicode.Scalar {
        guard let range = SourceText.lineRange(position.line, in: source) else { return "\u{201D}" }
        let text = Array(String(decoding: UnsafeBufferPointer(rebasing: source[range]), as: UTF8.self).unicodeScalars)
        return position.column - 1 < text.count ? text[position.column - 1] : "\u{201D}"
    }

    // MARK: Source helpers

    func byte(at position: SourcePosition) -> UInt8? {
        guard let offset = SourceText.offset(of: position, in: source), offset < source.count,
            let range = SourceText.lineRange(position.line, in: source), range.contains(offset)
        else { return nil }
        return source[offset]
    }

    /// The position of the first tab in a line's leading whitespace.
    func tabInIndentation(line: Int) -> SourcePosition? {
        guard let range = SourceText.lineRange(line, in: source) else { return nil }
        var column = 1
        for i in range {
            switch source[i] {
            case 0x20: column += 1
            case 0x09: return SourcePosition(line: line, column: column)
            default: return nil
            }
        }
        return nil
    }

    /// The last backslash on the line at or before a position.
    func backslash(before position: SourcePosition) -> SourcePosition? {
        guard let at = SourceText.offset(of: position, in: source),
            let range = SourceText.lineRange(position.line, in: source)
        else { return nil }
        var i = min(at, range.upperBound - 1)
        while i >= range.lowerBound {
            if source[i] == UInt8(ascii: "\\") { return SourceText.position(ofByte: i, in: source) }
            i -= 1
        }
        return nil
    }

    /// Source bytes as text, trimmed of spaces and tabs.
    func text(_ range: Range<Int>) -> String {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && (source[lo] == 0x20 || source[lo] == 0x09) { lo += 1 }
        while hi > lo && (source[hi - 1] == 0x20 || source[hi - 1] == 0x09) { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: source[lo..<hi]), as: UTF8.self)
    }
}
