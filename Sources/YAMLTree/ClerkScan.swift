import Diagnostics

/// A line-by-line look at the raw text for the mistakes that a person used to Word and a Chinese input method
/// makes in YAML: full-width spaces or tabs as indentation, a full-width dash as the list dash, a full-width
/// colon after a key, full-width commas or 、 between the entries of `[…]`, and ` #` inside a value (which
/// YAML reads as the start of a comment, silently cutting the value). It runs on every parse, whether or not
/// libyaml could read the file, so each mistake is named on its own line; each finding carries the edit that
/// repairs it (a later stage drops the edit where it is not certain, e.g. a full-width colon after an unknown
/// key).
enum ClerkScan {
    /// Spaces other than U+0020 that editors and Word put into text, with how many ASCII spaces each becomes
    /// (its display width).
    static let unicodeSpaces: [Unicode.Scalar: Int] = [
        "\u{3000}": 2, "\u{00A0}": 1, "\u{2002}": 1, "\u{2003}": 2, "\u{2004}": 1, "\u{2005}": 1, "\u{2006}": 1,
        "\u{2007}": 1, "\u{2008}": 1, "\u{2009}": 1, "\u{200A}": 1, "\u{202F}": 1, "\u{205F}": 1, "\u{200B}": 0,
        "\u{FEFF}": 0,
    ]
    /// Dashes a Chinese input method types for `-`.
    static let dashes: Set<Unicode.Scalar> = ["\u{FF0D}", "\u{2014}", "\u{2013}", "\u{2010}", "\u{2212}"]
    static let fullWidthColon: Unicode.Scalar = "\u{FF1A}"
    static let listCommas: Set<Unicode.Scalar> = ["\u{FF0C}", "\u{3001}"]

    /// The findings of the scan. `libyamlFailed`: tabs in indentation are reported only then, because a
    /// tab-indented JSON file is valid.
    static func findings(_ p: UnsafeBufferPointer<UInt8>, file: String, libyamlFailed: Bool) -> [Finding] {
        var findings: [Finding] = []
        var lineNumber = 0
        var start = p.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // A block scalar (| or >) swallows the more-indented lines after it: they are text, not structure.
        var blockIndent: Int?
        var unit = 0
        // The indentation of the lines above, to tell whether a repaired indentation lines up with one of them.
        var outline: [Shape] = []
        while start <= p.count {
            lineNumber += 1
            var end = start
            // Only lines holding one of the characters looked for are decoded (most lines of a catalog are
            // Chinese text, and the scan runs on every file): a tab, `#`, a Unicode space, a dash or colon of a
            // Chinese input method, or a full-width comma or 、 on a line with `[`.
            var interesting = false
            var comma = false, bracket = false
            // No `#`: no comment on the line, so its outline and block-scalar check read only its two ends.
            var hash = false
            while end < p.count {
                // Eight bytes at a time up to the next byte that matters (most of a line is Chinese text and
                // keys): a byte other than those in `lookedForMask` is passed over by the reading below too.
                if end + 8 <= p.count {
                    let word = UInt64(
                        littleEndian: UnsafeRawPointer(p.baseAddress!).loadUnaligned(
                            fromByteOffset: end, as: UInt64.self))
                    let found = lookedForMask(word)
                    if found == 0 {
                        end += 8
                        continue
                    }
                    end += found.trailingZeroBitCount >> 3
                }
                let b = p[end]
                if b == 0x0A || b == 0x0D { break }
                // Most bytes of a catalog are Chinese text: a character led by E4–E9 (U+4000–U+9FFF) is none of
                // those looked for, so it is stepped over at once (the reading below would do the same).
                if b &- 0xE4 < 6, end + 2 < p.count, p[end + 1] & 0xC0 == 0x80, p[end + 2] & 0xC0 == 0x80 {
                    end += 3
                    continue
                }
                if b == UInt8(ascii: "#") {
                    interesting = true
                    hash = true
                } else if b == 0x09 {
                    interesting = true
                } else if b == UInt8(ascii: "[") {
                    bracket = true
                } else if b >= 0xC2, end + 1 < p.count {
                    let b1 = p[end + 1], b2 = end + 2 < p.count ? p[end + 2] : 0
                    switch b {
                    case 0xC2: if b1 == 0xA0 { interesting = true }  // U+00A0
                    // U+2000–U+206F, U+2212
                    case 0xE2: if b1 == 0x80 || b1 == 0x81 || (b1 == 0x88 && b2 == 0x92) { interesting = true }
                    case 0xE3:
                        if b1 == 0x80 && b2 == 0x80 {
                            interesting = true
                        } else if b1 == 0x80 && b2 == 0x81 {
                            comma = true
                        }  // U+3000, 、
                    case 0xEF:
                        if b1 == 0xBC && (b2 == 0x8D || b2 == 0x9A) {
                            interesting = true
                        }  // －, ：
                        else if b1 == 0xBC && b2 == 0x8C {
                            comma = true
                        }  // ，
                        else if b1 == 0xBB && b2 == 0xBF {
                            interesting = true
                        }  // U+FEFF
                    default: break
                    }
                    // A three-byte character (all of Chinese text): its continuation bytes (0x80–0xBF) are none of
                    // the bytes looked for, so step over them. Checked, not assumed, so a malformed sequence is
                    // still read byte by byte.
                    if b & 0xF0 == 0xE0, b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, end + 2 < p.count {
                        end += 3
                        continue
                    }
                }
                end += 1
            }
            if comma && bracket { interesting = true }
            let spaces = leadingSpaces(p, from: start, to: end)
            let blank = start + spaces == end
            if let indent = blockIndent, blank || spaces > indent {
                // Inside a block scalar.
            } else {
                blockIndent = nil
                if !blank, unit == 0, spaces > 0 { unit = spaces }
                var shape = blank ? nil : Shape(p[start..<end], indent: spaces, mayHaveComment: hash)
                if interesting {
                    let text = Array(
                        String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self).unicodeScalars)
                    let scanned = scanLine(
                        text, line: lineNumber, file: file, libyamlFailed: libyamlFailed, unit: max(unit, 2)
                    ) {
                        Shape.aligned($0, under: outline)
                    }
                    findings += scanned.findings
                    if let width = scanned.width { shape?.indent = width; shape?.key = width }
                }
                if let shape, !shape.isComment { outline.append(shape) }
                // A line with no `#` opens a block scalar only if it ends with `|`, `>`, an indicator, a space or a
                // tab: most lines end with text and are not read again.
                if !blank, hash || mayEndBlockScalarHeader(p[end - 1]),
                    opensBlockScalar(p[start..<end], mayHaveComment: hash)
                {
                    blockIndent = spaces
                }
            }
            // Next line (LF, CRLF or CR).
            if end >= p.count { break }
            start = (p[end] == 0x0D && end + 1 < p.count && p[end + 1] == 0x0A) ? end + 2 : end + 1
            if start == p.count { break }
        }
        return findings
    }

    /// A mask of a little-endian word whose lowest set bit is the high bit of the first byte that the line loop
    /// of `findings` must read (0 if none). It marks every byte the loop acts on: a line end, tab, `#`, `[`, or the
    /// lead byte of a character looked for (C2 for U+00A0; E2 for U+2000–U+206F and U+2212; E3 for U+3000 and 、;
    /// EF for －, ：, ， and U+FEFF). To test fewer ranges it also marks some bytes the loop only steps over: the
    /// other control bytes below 0E, and lead bytes C0–E1 and EA–FF (rare in Chinese text, which is led by E4–E9).
    /// It never marks a continuation byte (80–BF), so the loop, which steps over a character's continuation
    /// bytes, still lands on every byte it acts on.
    @inline(__always)
    static func lookedForMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // The classic "has a byte below n" test (n ≤ 0x80): it may also mark bytes above a real one, never below,
        // so the lowest set bit is exact.
        @inline(__always) func below(_ n: UInt64, in v: UInt64) -> UInt64 { (v &- ones &* n) & ~v }
        let controls = below(0x0E, in: word)  // 00–0D: tab, LF, CR
        let hash = below(1, in: word ^ (ones &* 0x23))
        let bracket = below(1, in: word ^ (ones &* 0x5B))
        let leads = below(0x24, in: word ^ (ones &* 0xC0))  // C0–E3: C2, E2, E3
        let high = below(0x16, in: ~word)  // EA–FF: EF
        return (controls | hash | bracket | leads | high) & (ones << 7)
    }

    /// How many spaces start the line `p[start..<end]`. Eight bytes at a time: most lines are indented, a nested
    /// key by eight spaces or more. Not inlined: inlined, it slows the byte loop of `findings` more than the call
    /// costs.
    @inline(never)
    static func leadingSpaces(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var spaces = 0
        while start + spaces + 8 <= p.count {
            let word = UInt64(
                littleEndian: UnsafeRawPointer(p.baseAddress!).loadUnaligned(
                    fromByteOffset: start + spaces, as: UInt64.self))
            // The first byte other than a space holds the lowest set bit of the word XOR spaces.
            let run = (word ^ 0x2020_2020_2020_2020).trailingZeroBitCount >> 3
            spaces += run
            // The word may reach past the line's end: the count is cut to the line below.
            if run < 8 || start + spaces >= end { return min(spaces, end - start) }
        }
        while start + spaces < end, p[start + spaces] == 0x20 { spaces += 1 }
        return min(spaces, end - start)
    }

    /// libyaml's diagnoses that a scan finding explains better: the same mistake on the same line, or a
    /// syntax error a few lines below a mistake that stops parsing (libyaml blames the line after a
    /// full-width space or colon).
    static let consequences: Set<String> = [
        YAMLTreeFindings.syntax, YAMLTreeFindings.badIndent, YAMLTreeFindings.missingColon, YAMLTreeFindings.tabIndent,
        YAMLTreeFindings.fullWidthColon, YAMLTreeFindings.colonInValue, YAMLTreeFindings.listItemNotAllowed,
        YAMLTreeFindings.missingSpaceAfterColon, YAMLTreeFindings.unclosedBracket, YAMLTreeFindings.missingListDash,
    ].reduce(into: []) { $0.insert($1.code) }

    static func merge(_ scan: [Finding], into parsed: [Finding]) -> [Finding] {
        guard !scan.isEmpty else { return parsed }
        let blocking = scan.filter { $0.severity == .error }.compactMap { $0.location.position?.line }
        // The same mistake found by both: the scan's (it has the fix), with libyaml's words kept in its notes.
        var scan = scan
        for (i, finding) in scan.enumerated() {
            if let same = parsed.first(where: {
                $0.code == finding.code && $0.location.position?.line == finding.location.position?.line
            }) {
                scan[i].notes = same.notes
                scan[i].arguments.merge(same.arguments) { mine, _ in mine }
            }
        }
        let kept = parsed.filter { finding in
            guard consequences.contains(finding.code), let line = finding.location.position?.line else { return true }
            if scan.contains(where: { $0.code == finding.code && $0.location.position?.line == line }) { return false }
            return !blocking.contains { $0 <= line && line <= $0 + 3 }
        }
        return scan + kept
    }

    /// Whether a line ends with a block scalar indicator (`key: |`, `- >-`), ignoring a trailing comment.
    /// Reads the line in place: this runs on every line of every file. `mayHaveComment`: false when the line
    /// has no `#` (then only its end is read).
    static func opensBlockScalar(_ line: Slice<UnsafeBufferPointer<UInt8>>, mayHaveComment: Bool = true) -> Bool {
        let bytes = UnsafeBufferPointer(rebasing: line)
        var end = (mayHaveComment ? commentStart(bytes) : nil) ?? bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var i = end - 1
        while i >= 0, isIndicatorTail(bytes[i]) { i -= 1 }
        guard i >= 1, bytes[i] == UInt8(ascii: "|") || bytes[i] == UInt8(ascii: ">") else { return false }
        return bytes[i - 1] == 0x20
    }

    /// Whether a line without a comment that ends with `b` may be a block scalar header (`opensBlockScalar` is
    /// false for every other last byte).
    @inline(__always)
    static func mayEndBlockScalarHeader(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "|") || b == UInt8(ascii: ">") || b == 0x20 || b == 0x09 || isIndicatorTail(b)
    }

    /// `+`, `-` or a digit: what may follow `|` or `>` (chomping and indentation indicators).
    @inline(__always)
    static func isIndicatorTail(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || (b &- 0x30) < 10
    }

    /// The index of the first `#` that follows a space (where a comment starts), if any.
    @inline(__always)
    static func commentStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count > 1 else { return nil }
        for i in 1..<bytes.count where bytes[i] == UInt8(ascii: "#") && bytes[i - 1] == 0x20 { return i }
        return nil
    }

    /// The outline of a line: its indentation, where its key starts (after `- `), whether it opens a block.
    struct Shape {
        var indent: Int
        var key: Int
        var opens: Bool
        var isComment: Bool

        /// `mayHaveComment`: false when the line has no `#` (then its end is read without looking for one).
        init(_ line: Slice<UnsafeBufferPointer<UInt8>>, indent: Int, mayHaveComment: Bool = true) {
            let bytes = UnsafeBufferPointer(rebasing: line)
            self.indent = indent
            var k = indent
            if k + 1 < bytes.count, bytes[k] == UInt8(ascii: "-"), bytes[k + 1] == 0x20 {
                k += 1
                while k < bytes.count, bytes[k] == 0x20 { k += 1 }
            }
            key = k
            isComment = indent < bytes.count && bytes[indent] == UInt8(ascii: "#")
            var end = (mayHaveComment ? ClerkScan.commentStart(bytes) : nil) ?? bytes.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            opens = end > 0 && bytes[end - 1] == UInt8(ascii: ":")
        }

        /// Whether a line indented by `width` lines up with the lines above: it starts where one of them (or its
        /// key) starts, or it is the first line under a `key:` that opens a block.
        static func aligned(_ width: Int, under outline: [Shape]) -> Bool {
            for shape in outline.reversed() {
                if shape.indent == width || shape.key == width { return true }
                if shape.indent < width { return shape.opens }
            }
            return width == 0
        }
    }

    /// The findings of one line, and the width its indentation has once repaired (nil: not repaired).
    static func scanLine(
        _ s: [Unicode.Scalar], line: Int, file: String, libyamlFailed: Bool, unit: Int, aligned: (Int) -> Bool
    ) -> (findings: [Finding], width: Int?) {
        var findings: [Finding] = []
        func at(_ column: Int, _ endColumn: Int? = nil) -> SourceLocation {
            SourceLocation(
                file: file, position: SourcePosition(line: line, column: column + 1),
                end: endColumn.map { SourcePosition(line: line, column: $0 + 1) })
        }
        func edit(_ from: Int, _ to: Int, _ text: String) -> [TextEdit] {
            [
                TextEdit(
                    start: SourcePosition(line: line, column: from + 1),
                    end: SourcePosition(line: line, column: to + 1), replacement: text)
            ]
        }

        // 1. Indentation: spaces, tabs and Unicode spaces before the first character.
        var i = 0
        var width = 0
        var firstOdd: (index: Int, scalar: Unicode.Scalar)?
        var indentation = ""
        while i < s.count {
            let c = s[i]
            if c == " " {
                width += 1
                indentation += " "
            } else if c == "\t" {
                if firstOdd == nil { firstOdd = (i, c) }
                let next = (width / unit + 1) * unit
                indentation += String(repeating: " ", count: next - width)
                width = next
            } else if let w = unicodeSpaces[c] {
                if firstOdd == nil { firstOdd = (i, c) }
                indentation += String(repeating: " ", count: w)
                width += w
            } else {
                break
            }
            i += 1
        }
        let contentStart = i
        guard contentStart < s.count else { return ([], nil) }
        if s[contentStart] == "#" { return ([], nil) }
        var repairedWidth: Int?
        if let odd = firstOdd, odd.scalar != "\t" || libyamlFailed {
            var finding: Finding
            if odd.scalar == "\t" {
                finding = Finding(YAMLTreeFindings.tabIndent, at: at(odd.index), arguments: ["problem": "tab"])
            } else {
                finding = Finding(
                    YAMLTreeFindings.unicodeSpace, at: at(odd.index, odd.index + 1),
                    arguments: [
                        "codepoint": codepoint(odd.scalar), "spaces": String(unicodeSpaces[odd.scalar] ?? 1),
                    ], localizedArguments: ["where": LocalizedText(zh: "缩进", en: "indentation")])
            }
            // Certain only when the line then lines up with the lines above; else the hint says what to do.
            if aligned(width) {
                finding.fix = edit(0, contentStart, indentation)
                repairedWidth = width
            }
            findings.append(finding)
        }

        // 2. A full-width dash where the list dash `- ` belongs.
        var content = contentStart
        if dashes.contains(s[content]) {
            var after = content + 1
            while after < s.count, s[after] == " " || unicodeSpaces[s[after]] != nil { after += 1 }
            if after < s.count, s[after] != "#" {
                var finding = Finding(
                    YAMLTreeFindings.fullWidthDash, at: at(content, content + 1),
                    arguments: [
                        "char": String(s[content]), "codepoint": codepoint(s[content]),
                    ])
                finding.fix = edit(content, after, "- ")
                findings.append(finding)
                content = after
            }
        } else if s[content] == "-", content + 1 < s.count, s[content + 1] == " " {
            content += 2
            while content < s.count, s[content] == " " { content += 1 }
        }
        guard content < s.count else { return (findings, repairedWidth) }

        // 3. `key：value` or `key：` — a full-width colon after a key, with no ASCII `: ` before it.
        var keyEnd: Int?
        var valueStart = content
        var j = content
        let startsQuoted = s[content] == "\"" || s[content] == "'"
        while !startsQuoted, j < s.count {
            let c = s[j]
            if c == ":" && (j + 1 == s.count || s[j + 1] == " " || s[j + 1] == "\t") {
                keyEnd = j
                valueStart = j + 1
                break
            }
            // Only where libyaml could not read the line: `- 其他：平台名` and `说明：…` are valid text.
            if c == fullWidthColon && libyamlFailed {
                let key = String(String.UnicodeScalarView(s[content..<j]))
                if !key.isEmpty, key.count <= 16,
                    !key.unicodeScalars.contains(where: { $0 == " " || $0 == ":" || $0 == "#" })
                {
                    var after = j + 1
                    while after < s.count, s[after] == " " || unicodeSpaces[s[after]] != nil { after += 1 }
                    var finding = Finding(
                        YAMLTreeFindings.fullWidthColon, at: at(j, j + 1),
                        arguments: [
                            "problem": "", "key": key,
                        ])
                    finding.fix = edit(j, after, after == s.count ? ":" : ": ")
                    findings.append(finding)
                    keyEnd = j
                    valueStart = j + 1
                }
                break
            }
            if c == " " && j + 1 < s.count && s[j + 1] == "#" { break }
            j += 1
        }
        let key = keyEnd.map { String(String.UnicodeScalarView(s[content..<$0])) } ?? ""
        while valueStart < s.count, s[valueStart] == " " { valueStart += 1 }
        guard valueStart < s.count else { return (findings, repairedWidth) }

        // 4. A flow list on one line: full-width commas and 、 between entries; Unicode spaces around them.
        if s[valueStart] == "[" {
            findings += scanFlowList(s, from: valueStart, key: key, at: at, edit: edit)
            return (findings, repairedWidth)
        }

        // 5. ` #` after a plain value: YAML starts a comment there and the rest of the cell is lost.
        let first = s[valueStart]
        if "\"'|>&*!{%@`".unicodeScalars.contains(first) { return (findings, repairedWidth) }
        if first == "-", valueStart + 1 < s.count, s[valueStart + 1] == " " { return (findings, repairedWidth) }
        var k = valueStart + 1
        while k < s.count {
            if s[k] == "#", s[k - 1] == " " || s[k - 1] == "\t" {
                // Exactly one space before `#` (an aligned comment has two or more, as yamllint requires).
                let lone = k >= 2 && s[k - 2] != " " && s[k - 2] != "\t"
                guard lone else { break }
                let value = String(String.UnicodeScalarView(s[valueStart..<(k - 1)]))
                let lost = String(String.UnicodeScalarView(s[k...]))
                var finding = Finding(
                    YAMLTreeFindings.commentInValue, at: at(k, s.count),
                    arguments: [
                        "value": value, "lost": lost, "quoted": doubleQuoted(value + " " + lost),
                    ])
                finding.fix = edit(valueStart, s.count, doubleQuoted(value + " " + lost))
                findings.append(finding)
                break
            }
            k += 1
        }
        return (findings, repairedWidth)
    }

    /// `[甲，乙、丙]`: separators outside quotes.
    static func scanFlowList(
        _ s: [Unicode.Scalar], from open: Int, key: String,
        at: (Int, Int?) -> SourceLocation, edit: (Int, Int, String) -> [TextEdit]
    ) -> [Finding] {
        var findings: [Finding] = []
        var quote: Unicode.Scalar?
        var i = open + 1
        var entryStart = true  // just after `[` or a separator
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
                i += 1
                continue
            }
            if c == "]" { break }
            if c == "#", s[i - 1] == " " { break }
            if (c == "\"" || c == "'") && entryStart {
                quote = c
                entryStart = false
                i += 1
                continue
            }
            if listCommas.contains(c) {
                var after = i + 1
                while after < s.count, s[after] == " " || unicodeSpaces[s[after]] != nil { after += 1 }
                var finding = Finding(
                    YAMLTreeFindings.fullWidthComma, at: at(i, i + 1),
                    arguments: [
                        "char": String(c), "key": key,
                    ])
                finding.fix = edit(i, after, ", ")
                findings.append(finding)
                i = after
                entryStart = true
                continue
            }
            if unicodeSpaces[c] != nil {
                // Only between entries (after `[` or a comma, or before `,` / `]`): inside a name it is the
                // text-whitespace rule's business.
                var next = i
                while next < s.count, s[next] == " " || unicodeSpaces[s[next]] != nil { next += 1 }
                let beforeSeparator =
                    next < s.count && (s[next] == "," || s[next] == "]" || listCommas.contains(s[next]))
                if entryStart || beforeSeparator {
                    var finding = Finding(
                        YAMLTreeFindings.unicodeSpace, at: at(i, i + 1),
                        arguments: [
                            "codepoint": codepoint(c), "spaces": s[i - 1] == "," ? "1" : "0",
                        ], localizedArguments: ["where": LocalizedText(zh: "列表 [ ] 中", en: "a [ ] list")])
                    finding.fix = edit(i, next, s[i - 1] == "," ? " " : "")
                    findings.append(finding)
                    i = next
                    continue
                }
            }
            if c == "," { entryStart = true } else if c != " " { entryStart = false }
            i += 1
        }
        return findings
    }

    /// `U+3000`.
    static func codepoint(_ c: Unicode.Scalar) -> String {
        var hex = String(c.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return "U+" + hex
    }

    /// A YAML double-quoted scalar of `text`.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            if c == "\\" || c == "\"" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }
}
