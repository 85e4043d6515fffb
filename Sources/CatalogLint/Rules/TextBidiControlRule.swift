import CatalogModel
import Diagnostics
import YAMLTree

/// Invisible bidirectional controls (U+202A–202E embeddings and overrides, U+2066–2069 isolates, and the marks
/// U+200E, U+200F, U+061C) anywhere in a catalog's text: values, keys, comments.
struct TextBidiControlRule: LintRule {
    static let kind = lintKind(
        "text-bidi-control", .warning,
        title: .t("双向文字控制字符", "Bidirectional control character"),
        message: .t(
            "这一行有看不见的双向文字控制字符 {controls}，它会打乱网页、表格和代码审查里文字的显示顺序",
            "invisible bidirectional control character {controls} on this line; it can reorder how text is shown on the page, in spreadsheets and in code review"
        ),
        hint: .t(
            "删除它：中文目录用不到这类字符，它们多半随复制粘贴而来",
            "delete it: a Chinese catalog has no use for them; they usually come with copied and pasted text"
        ),
        fixable: true)

    static let description = RuleDescription(
        identifier: "text-bidi-control",
        name: .t("双向文字控制字符", "Bidirectional controls"),
        kinds: [kind],
        rationale: .t(
            "U+202A–202E（嵌入、覆盖）和 U+2066–2069（隔离）是看不见的字符，用来改变阿拉伯文、希伯来文等从右往左书写的文字的显示方向。一个 U+202E 能让后面的文字倒过来显示，让网页、Excel 和代码审查中看到的内容与文件里写的不一样（“Trojan Source”攻击就靠它）。U+200E、U+200F、U+061C（方向标记）同样看不见，会改变相邻标点和数字的显示位置，常随从 Word、Outlook 或网页复制的文字混入，还会让两段看起来相同的文字比较时不相等。中文目录用不到其中任何一个，所以值、键和注释里出现都报告。--fix 只在删除后 YAML 读出的内容除了这些字符之外完全不变时才删除（例如删除后的纯量不会变成数字或注释）；写成转义（\"\\u202E\"）的只报告不修复。生成的网页另把每段目录文字隔离（<bdi>），一个漏网的控制字符不会打乱相邻的文字。",
            "U+202A–202E (embeddings, overrides) and U+2066–2069 (isolates) are invisible characters that change the direction in which text is shown, for right-to-left scripts. One U+202E shows the text after it reversed, so that what the page, Excel or a code review shows differs from what the file says (the \"Trojan Source\" attack). U+200E, U+200F and U+061C (direction marks) are invisible too, move neighbouring punctuation and digits, often come with text copied from Word, Outlook or web pages, and make two texts that look the same compare unequal. A Chinese catalog needs none of them, so they are reported in values, keys and comments. --fix removes them only where what YAML reads stays the same but for them (a plain scalar does not become a number or a comment); written as an escape (\"\\u202E\") they are reported, not fixed. Published pages also isolate each piece of catalog text (<bdi>), so a stray control cannot reorder its neighbours."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息  # 注释里也没有控制字符
                        公开内容: 阿拉伯文 العربية 与希伯来文 עברית 本身不需要控制字符
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会↓\u{202E}信息
                        公开内容: "招聘会时间↓\u{2066}、地点\u{2069}"
                        公开依据:
                          - 《中华人民共和国就业促进法》↓\u{200F}
                        备注: |
                          第一行
                          第二行↓\u{202D}
                      # 注释↓\u{202E}
                      - 编号: 17-02-02
                        名称: 岗位信息
                        公开内容: ↓"岗位\\u202E要求"
                        # 删除后会变成数字 17：只报告，不修复
                        备注: ↓\u{202E}17
                """)
        ],
        corrections: [
            RuleCorrection(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会↓\u{202E}信息
                        公开内容: '招聘会时间↓\u{2066}、地点\u{2069}'
                        备注: |
                          第一行
                          第二行↓\u{202D}
                      # 注释↓\u{202E}
                """,
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: '招聘会时间、地点'
                        备注: |
                          第一行
                          第二行
                      # 注释
                """)
        ])

    static func isControl(_ s: Unicode.Scalar) -> Bool { BidiControl.contains(s) }

    /// The length of the UTF-8 encoding of a control at `i`, or 0.
    static func controlLength(_ b: [UInt8], _ i: Int) -> Int {
        if b[i] == 0xE2, i + 2 < b.count {
            let (x, y) = (b[i + 1], b[i + 2])
            if x == 0x80 && ((0xAA...0xAE).contains(y) || y == 0x8E || y == 0x8F) { return 3 }
            if x == 0x81 && (0xA6...0xA9).contains(y) { return 3 }
        } else if b[i] == 0xD8, i + 1 < b.count, b[i + 1] == 0x9C {
            return 2
        }
        return 0
    }

    /// Whether the bytes contain a control anywhere (no line or column counting).
    static func hasControl(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { p in
            for lead: UInt8 in [0xE2, 0xD8] {
                var from = 0
                while let i = ByteSearch.index(of: lead, in: p, from: from) {
                    if controlLength(b, i) > 0 { return true }
                    from = i + 1
                }
            }
            return false
        }
    }

    /// A control written in the file: its position and byte range.
    struct Occurrence {
        var position: SourcePosition
        var bytes: Range<Int>
        var scalar: Unicode.Scalar
    }

    /// Every control in the source bytes, with lines and columns as the fixer counts them (lines end at LF, CRLF
    /// or CR; columns count scalars; a BOM is not counted). One pass over the bytes.
    static func occurrences(in b: [UInt8]) -> [Occurrence] {
        var out: [Occurrence] = []
        var i = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        var line = 1, column = 1
        while i < b.count {
            let byte = b[i]
            if byte == 0x0A || byte == 0x0D {
                i += byte == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1
                line += 1
                column = 1
                continue
            }
            if byte == 0xE2 || byte == 0xD8 {
                let length = controlLength(b, i)
                if length > 0 {
                    let scalar = String(decoding: b[i..<i + length], as: UTF8.self).unicodeScalars.first!
                    out.append(
                        Occurrence(
                            position: SourcePosition(line: line, column: column), bytes: i..<i + length, scalar: scalar)
                    )
                }
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return out
    }

    static func codepoint(_ s: Unicode.Scalar) -> String {
        var code = String(s.value, radix: 16, uppercase: true)
        while code.utf8.count < 4 { code = "0" + code }
        return "U+" + code
    }

    /// The node's content with the controls left out of every string, keys included: what a certain fix must
    /// leave the document reading.
    static func sameButForControls(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a.value, b.value) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): return stripped(x) == stripped(y)
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameButForControls($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count
                && zip(x, y).allSatisfy { sameButForControls($0.key, $1.key) && sameButForControls($0.value, $1.value) }
        default: return false
        }
    }

    static func stripped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    /// Whether removing these occurrences leaves the document reading the same but for the controls.
    static func removalIsCertain(_ occurrences: [Occurrence], in file: LintFile) -> Bool {
        var bytes = file.document.source
        for occurrence in occurrences.reversed() { bytes.removeSubrange(occurrence.bytes) }
        let result = YAMLParser.parse(bytes, file: file.path)
        guard let after = result.document, !result.findings.contains(where: { $0.severity == .error }) else {
            return false
        }
        return sameButForControls(file.document.root, after.root)
    }

    /// At most this many lines are checked one by one when removing all controls at once is not certain, so
    /// that a file full of controls costs a bounded number of parses.
    static let singleChecks = 32

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        let source = file.document.source
        // Most files have none: one byte search before any other work.
        guard ByteSearch.contains(source, 0xE2) || ByteSearch.contains(source, 0xD8) else {
            return escapedOnly(file, lines: [])
        }
        // Curly quotes and dashes share the lead byte 0xE2: count lines and columns only when a control is there.
        let found = Self.hasControl(source) ? Self.occurrences(in: source) : []
        guard !found.isEmpty else { return escapedOnly(file, lines: []) }
        var byLine: [[Occurrence]] = []
        for occurrence in found {
            if let last = byLine.last?.last, last.position.line == occurrence.position.line {
                byLine[byLine.count - 1].append(occurrence)
            } else {
                byLine.append([occurrence])
            }
        }
        // Removing every control at once is the usual certain case; otherwise each line on its own, and at most
        // one line's removal offered per pass (the fixer re-reads the text between passes).
        var certain = Array(repeating: false, count: byLine.count)
        if Self.removalIsCertain(found, in: file) {
            certain = Array(repeating: true, count: byLine.count)
        } else {
            for index in byLine.indices.prefix(Self.singleChecks) where Self.removalIsCertain(byLine[index], in: file) {
                certain[index] = true
                break
            }
        }
        var out: [LintViolation] = []
        for (index, occurrences) in byLine.enumerated() {
            let first = occurrences[0]
            let codes = occurrences.map { Self.codepoint($0.scalar) }.reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            let fix =
                certain[index]
                ? occurrences.map {
                    TextEdit(
                        start: $0.position, end: SourcePosition(line: $0.position.line, column: $0.position.column + 1),
                        replacement: "")
                } : []
            out.append(
                LintViolation(
                    file.finding(
                        Self.kind, at: first.position,
                        end: SourcePosition(line: first.position.line, column: first.position.column + 1),
                        path: "", arguments: ["controls": codes.joined(separator: "、")]),
                    fix: fix, visibility: file.visibility(at: first.position)))
        }
        return out + escapedOnly(file, lines: Set(byLine.map { $0[0].position.line }))
    }

    /// Controls written as escapes (`"\u202E"`): reported at their value, not fixed (the escape is the user's
    /// explicit spelling, and removing it is an edit of the escape text, not of a character).
    func escapedOnly(_ file: LintFile, lines: Set<Int>) -> [LintViolation] {
        // Without a control written raw, a value can hold one only through an escape, which needs a backslash:
        // most files have neither, and then no value needs looking at.
        if lines.isEmpty, !ByteSearch.contains(file.document.source, 0x5C) { return [] }
        var out: [LintViolation] = []
        file.forEachString { node, path in
            guard let value = node.string, value.unicodeScalars.contains(where: Self.isControl) else { return }
            // Written raw on one of its lines: already reported there.
            if (node.start.line...max(node.start.line, node.end.line)).contains(where: lines.contains) { return }
            let codes = value.unicodeScalars.filter(Self.isControl).map(Self.codepoint).reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            out.append(
                LintViolation(
                    file.finding(
                        Self.kind, at: node.start, path: path.string,
                        arguments: ["controls": codes.joined(separator: "、")]),
                    visibility: file.visibility(at: node.start)))
        }
        return out
    }
}

/// The characters `text-bidi-control` reports (docs/rules.md: the decision about the marks); `gkml explain` shows
/// them by name.
public enum BidiControl {
    public static func contains(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
