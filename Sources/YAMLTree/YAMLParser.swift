import CYAML
import Diagnostics
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses one YAML (or JSON) file into a `YAMLNode` tree, straight from libyaml's event stream.
///
/// - One document per file; YAML 1.2 core schema for plain scalars (see `ScalarResolver`).
/// - Anchors and aliases are resolved: an alias yields the anchored node, placed at the alias (its start and
///   end), with its contents keeping their positions at the anchor. `<<` is an ordinary key (merge keys are
///   not part of YAML 1.2).
/// - Every problem is a `Finding` (never a throw, never a crash): see `YAMLTreeFindings`.
/// - The tree is built iteratively with an explicit stack, so nesting depth never touches the call stack.
public enum YAMLParser {
    /// Parses the bytes of a file. `file` is the name used in findings' locations.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> YAMLParseResult {
        if bytes.count > limits.maxFileSize {
            return YAMLParseResult(document: nil, findings: [tooLarge(size: bytes.count, limits: limits, file: file)])
        }
        return bytes.withUnsafeBufferPointer { p -> YAMLParseResult in
            // libyaml validates UTF-8 and the YAML character set itself as it reads; the full check of the
            // encoding (and the diagnosis: GBK, UTF-16, binary …) runs only when libyaml stops with an error.
            let info: SourceText.Info
            switch SourceText.quickInfo(p) {
            case .success(let i):
                info = i
            case .failure(let problem):
                return YAMLParseResult(document: nil, findings: [encodingFinding(problem, p, file: file)])
            }
            var builder = TreeBuilder(file: file, limits: limits, info: info, source: p)
            builder.run()
            if builder.libyamlFailed, case .failure(let problem) = SourceText.scan(p) {
                return YAMLParseResult(document: nil, findings: [encodingFinding(problem, p, file: file)])
            }
            if builder.failedOnSurrogateEscape, let rewrite = JSONSurrogates.rewrite(p, file: file) {
                if let lone = rewrite.lone {
                    // Valid JSON has no lone surrogate; libyaml's "bad escape" would not say what is wrong.
                    var code = String(lone.unit, radix: 16, uppercase: true)
                    while code.utf8.count < 4 { code = "0" + code }
                    let finding = Finding(
                        YAMLTreeFindings.loneSurrogate,
                        at: SourceLocation(file: file, position: SourceText.position(ofByte: lone.offset, in: p)),
                        arguments: ["codepoint": "U+" + code])
                    return YAMLParseResult(document: nil, findings: [finding])
                }
                // JSON writes characters outside the BMP as \uD83D\uDE00 pairs, which libyaml rejects: parse again
                // with each pair written as \U0001F600, positions mapped back to the original text.
                let retried: TreeBuilder = rewrite.bytes.withUnsafeBufferPointer { input in
                    var again = TreeBuilder(
                        file: file, limits: limits, info: info, source: p, input: input, shifts: rewrite.shifts)
                    again.run()
                    return again
                }
                builder = retried
            }
            let findings = ClerkScan.merge(
                ClerkScan.findings(p, file: file, libyamlFailed: builder.libyamlFailed), into: builder.findings)
            guard !builder.failed, let root = builder.root else {
                return YAMLParseResult(document: nil, findings: findings)
            }
            let document = YAMLDocument(
                root: root,
                file: file,
                source: bytes,
                hasBOM: info.hasBOM,
                lineEnding: info.lineEnding,
                nodeCount: builder.nodeCount
            )
            return YAMLParseResult(document: document, findings: findings)
        }
    }

    /// Parses text (as UTF-8).
    public static func parse(_ text: String, file: String, limits: YAMLLimits = .default) -> YAMLParseResult {
        parse(Array(text.utf8), file: file, limits: limits)
    }

    /// Reads a file in one read and parses it. I/O problems (missing file, no permission, a directory, a file
    /// over `limits.maxFileSize`) are findings located at the file without a position.
    ///
    /// - Parameters:
    ///   - path: the path to open.
    ///   - file: the name to print in findings (defaults to `path`).
    public static func parseFile(atPath path: String, file: String? = nil, limits: YAMLLimits = .default)
        -> YAMLParseResult
    {
        let name = file ?? path
        switch FileReader.read(path, maxSize: limits.maxFileSize) {
        case .success(let bytes):
            return parse(bytes, file: name, limits: limits)
        case .failure(let error):
            return YAMLParseResult(document: nil, findings: [error.finding(file: name, limits: limits)])
        }
    }

    static func tooLarge(size: Int, limits: YAMLLimits, file: String) -> Finding {
        Finding(
            YAMLTreeFindings.tooLarge,
            at: SourceLocation(file: file),
            arguments: [
                "size": String(size), "limit": String(limits.maxFileSize),
                "sizeText": byteCountText(size), "limitText": byteCountText(limits.maxFileSize),
            ]
        )
    }

    /// "812 B", "9.5 KiB", "10.0 MiB".
    static func byteCountText(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(n) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    static func encodingFinding(_ problem: SourceText.Problem, _ p: UnsafeBufferPointer<UInt8>, file: String) -> Finding
    {
        switch problem {
        case .utf16(let encoding):
            return Finding(
                YAMLTreeFindings.encodingUTF16, at: SourceLocation(file: file, line: 1, column: 1),
                arguments: ["encoding": encoding])
        case .binary(let offset):
            // At the first byte that is not text, so that a text file with a stray NUL shows where it is.
            return Finding(
                YAMLTreeFindings.binary,
                at: SourceLocation(file: file, position: SourceText.position(ofByte: offset, in: p)),
                arguments: ["byte": hex(p[offset])])
        case .gbk(let offset):
            return Finding(
                YAMLTreeFindings.encodingGBK,
                at: SourceLocation(file: file, position: SourceText.position(ofByte: offset, in: p)),
                arguments: ["byte": hex(p[offset])])
        case .invalidUTF8(let offset):
            return Finding(
                YAMLTreeFindings.encodingInvalid,
                at: SourceLocation(file: file, position: SourceText.position(ofByte: offset, in: p)),
                arguments: ["byte": hex(p[offset])])
        case .control(let offset, let scalar):
            var code = String(scalar, radix: 16, uppercase: true)
            while code.utf8.count < 4 { code = "0" + code }
            return Finding(
                YAMLTreeFindings.controlCharacter,
                at: SourceLocation(file: file, position: SourceText.position(ofByte: offset, in: p)),
                arguments: ["codepoint": "U+" + code])
        }
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }
}

/// Builds the tree from libyaml events. One per parse.
struct TreeBuilder {
    /// An open sequence or mapping.
    struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: SourcePosition
        var tag: String?
        var anchor: String?
        /// Where this collection's children start in `items` (a sequence) or `pairs` (a mapping).
        var firstChild: Int
        /// A key waits for its value (on top of `keys`).
        var hasPendingKey = false
        /// The pending key cannot be kept (a duplicate or a complex key): drop the pair.
        var dropPair = false
        /// A repeated key already made this mapping a "missing list dash" finding.
        var missingDashReported = false
        /// The interned ids of the first 16 pairs' keys (-1 for a key too long to intern); later keys go to
        /// `keyIndex`.
        var keyIDs = SIMD16<Int32>(repeating: -2)
        /// The pending key's id.
        var pendingKeyID = -1
        /// Key id → index in `pairs`, built once a mapping grows past 16 keys.
        var keyIndex: [Int: Int]?
        /// Bit `id % 64` of every key id in `pairs`: a key whose bit is clear repeats none of them (almost every
        /// key), so only a key whose bit is set looks through `keyIDs`.
        var keyBits: UInt64 = 0
        /// Nodes in this subtree, aliases counted by what they expand to.
        var count = 1
        var lastEnd: SourcePosition?
    }

    struct Anchored {
        var node: YAMLNode
        var count: Int
    }

    let file: String
    let limits: YAMLLimits
    let info: SourceText.Info
    /// The file's bytes: positions and source lines refer to these.
    let source: UnsafeBufferPointer<UInt8>
    /// What libyaml reads: the file's bytes, or a rewrite of them (see `JSONSurrogates`). Only valid during `run`.
    let input: UnsafeBufferPointer<UInt8>
    /// Character indexes (in `input`) where a rewrite made the text two characters shorter.
    let shifts: [Int]
    var lineIndex: CharacterLineIndex?
    var failedOnSurrogateEscape = false
    /// libyaml stopped with an error (a reader, scanner or parser error).
    var libyamlFailed = false

    var findings: [Finding] = []
    /// A fatal problem: no document.
    var failed = false
    var root: YAMLNode?
    var stack: [Frame] = []
    /// The items of the open sequences and the pairs of the open mappings, each collection's after its parent's:
    /// a closed collection's are moved out into one array of their exact size (no array per collection that
    /// grows, and no trimming copy).
    let items = ChildStack<YAMLNode>()
    let pairs = ChildStack<YAMLPair>()
    /// The keys of the open mappings that wait for their values.
    let keys = ChildStack<YAMLNode>()
    var anchors: [String: Anchored] = [:]
    var expanded = 0
    var nodeCount = 0
    var documents = 0
    var firstDocumentLine = 1
    var interner = Interner.forThisThread()
    /// Values up to this many bytes are interned (keys up to `Interner.maxLength`). Half of the values longer
    /// than 24 bytes repeat within a catalog file (a 公开依据, a 公开时限 written on every item): interned, each is
    /// decoded once.
    static let internedValueLength = 1024

    init(
        file: String,
        limits: YAMLLimits,
        info: SourceText.Info,
        source: UnsafeBufferPointer<UInt8>,
        input: UnsafeBufferPointer<UInt8>? = nil,
        shifts: [Int] = []
    ) {
        self.file = file
        self.limits = limits
        self.info = info
        self.source = source
        self.input = input ?? source
        self.shifts = shifts
        if info.hasUnicodeLineBreaks || !shifts.isEmpty { lineIndex = CharacterLineIndex(source) }
    }

    @inline(__always)
    func position(_ mark: yaml_mark_t) -> SourcePosition {
        if let lineIndex {
            var index = Int(mark.index)
            if !shifts.isEmpty {
                var lo = 0, hi = shifts.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if shifts[mid] < index { lo = mid + 1 } else { hi = mid }
                }
                index += 2 * lo
            }
            return lineIndex.position(ofCharacter: index)
        }
        return SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    func location(_ position: SourcePosition?) -> SourceLocation {
        SourceLocation(file: file, position: position)
    }

    mutating func fail(_ kind: FindingKind, at position: SourcePosition?, _ arguments: [String: String] = [:]) {
        findings.append(Finding(kind, at: location(position), arguments: arguments))
        failed = true
    }

    mutating func run() {
        defer { interner.finish() }
        let significant = input.count - (info.hasBOM ? 3 : 0)
        guard significant > 0, let base = input.baseAddress else {
            fail(YAMLTreeFindings.empty, at: SourcePosition(line: 1, column: 1))
            return
        }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            fail(
                YAMLTreeFindings.syntax, at: nil,
                ["problem": "libyaml could not be initialized (out of memory)", "context": ""])
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, input.count)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }

        while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                libyamlFailed = true
                if shifts.isEmpty, let problem = parser.pointee.problem,
                    String(cString: problem) == "found invalid Unicode character escape code"
                {
                    failedOnSurrogateEscape = true
                }
                findings.append(syntaxFinding(parser.pointee))
                failed = true
                return
            }
            let done = handle(event)
            yaml_event_delete(event)
            if done { break }
        }
        if failed { return }
        if documents == 0 {
            fail(YAMLTreeFindings.empty, at: SourcePosition(line: 1, column: 1))
        } else if let root, root.isNull, root.text.isEmpty, root.tag == nil, root.style == .plain {
            // `---` with nothing after it.
            fail(YAMLTreeFindings.empty, at: SourcePosition(line: 1, column: 1))
        }
    }

    /// Handles one event; returns true when parsing must stop.
    mutating func handle(_ event: UnsafeMutablePointer<yaml_event_t>) -> Bool {
        let e = event.pointee
        switch e.type {
        case YAML_SCALAR_EVENT:
            return scalar(e)
        case YAML_MAPPING_START_EVENT:
            let m = e.data.mapping_start
            return open(mapping: true, flow: m.style == YAML_FLOW_MAPPING_STYLE, e, tag: m.tag, anchor: m.anchor)
        case YAML_SEQUENCE_START_EVENT:
            let s = e.data.sequence_start
            return open(mapping: false, flow: s.style == YAML_FLOW_SEQUENCE_STYLE, e, tag: s.tag, anchor: s.anchor)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            close(e)
            return false
        case YAML_ALIAS_EVENT:
            return alias(e)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents == 1 {
                firstDocumentLine = position(e.start_mark).line
                return false
            }
            findings.append(
                Finding(
                    YAMLTreeFindings.multipleDocuments,
                    at: location(position(e.start_mark)),
                    arguments: ["firstLine": String(firstDocumentLine)]
                ))
            return true
        case YAML_STREAM_END_EVENT:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func string(_ c: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let c else { return nil }
        return String(cString: c)
    }

    mutating func scalar(_ e: yaml_event_t) -> Bool {
        let s = e.data.scalar
        let length = Int(s.length)
        let start = position(e.start_mark)
        if length > limits.maxScalarLength {
            fail(
                YAMLTreeFindings.scalarTooLong, at: start,
                ["length": String(length), "limit": String(limits.maxScalarLength)])
            return true
        }
        let bytes = UnsafeBufferPointer(start: UnsafePointer(s.value), count: length)
        // A key (of a mapping that waits for one), or a value.
        let top = stack.count - 1
        let isKey = top >= 0 && stack[top].isMapping && !stack[top].hasPendingKey
        let text: String
        var keyID = -1
        if length <= (isKey ? Interner.maxLength : Self.internedValueLength) {
            (text, keyID) = interner.intern(bytes)
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        let style: YAMLNode.ScalarStyle
        switch s.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        var tag: String?
        let value: YAMLNode.Value
        if let fullTag = Self.string(s.tag) {
            let short = ScalarResolver.shortTag(fullTag)
            tag = short
            if let v = ScalarResolver.resolveTagged(bytes, text: text, tag: fullTag) {
                value = v
            } else {
                findings.append(
                    Finding(
                        YAMLTreeFindings.tagMismatch,
                        at: SourceLocation(file: file, position: start, end: position(e.end_mark)),
                        arguments: ["text": text, "tag": short]
                    ))
                value = .string(text)
            }
        } else if style == .plain {
            value = ScalarResolver.resolvePlain(bytes, text: text)
        } else {
            value = .string(text)
        }
        nodeCount += 1
        let end = position(e.end_mark)
        let node = YAMLNode(scalar: value, start: start, end: end, style: style, tag: tag, text: text)
        if let anchor = Self.string(s.anchor) {
            anchors[anchor] = Anchored(node: node, count: 1)
        }
        attach(consume node, count: 1, keyID: keyID)
        return false
    }

    mutating func open(
        mapping: Bool,
        flow: Bool,
        _ e: yaml_event_t,
        tag: UnsafeMutablePointer<yaml_char_t>?,
        anchor: UnsafeMutablePointer<yaml_char_t>?
    ) -> Bool {
        let start = position(e.start_mark)
        if stack.count >= limits.maxDepth {
            fail(YAMLTreeFindings.tooDeep, at: start, ["limit": String(limits.maxDepth)])
            return true
        }
        nodeCount += 1
        let frame = Frame(
            isMapping: mapping,
            isFlow: flow,
            start: start,
            tag: Self.string(tag).map(ScalarResolver.shortTag),
            anchor: Self.string(anchor),
            firstChild: mapping ? pairs.count : items.count
        )
        stack.append(consume frame)
        return false
    }

    mutating func close(_ e: yaml_event_t) {
        // `removeLast`, not `popLast`: destroying the optional frame went through a generic witness (a
        // conformance lookup per collection).
        guard !stack.isEmpty else { return }
        let frame = stack.removeLast()
        // libyaml ends a mapping only after a key's value; a key left waiting must not pair with the parent's.
        if frame.hasPendingKey { _ = keys.pop() }
        let end = frame.isFlow ? position(e.end_mark) : (frame.lastEnd ?? position(e.end_mark))
        let node = YAMLNode(
            collection: frame.isMapping
                ? .mapping(pairs.moveOut(from: frame.firstChild)) : .sequence(items.moveOut(from: frame.firstChild)),
            start: frame.start,
            end: end,
            tag: frame.tag
        )
        if let anchor = frame.anchor {
            anchors[anchor] = Anchored(node: node, count: frame.count)
        }
        attach(node, count: frame.count)
    }

    mutating func alias(_ e: yaml_event_t) -> Bool {
        let name = Self.string(e.data.alias.anchor) ?? ""
        let start = position(e.start_mark)
        nodeCount += 1
        guard let anchored = anchors[name] else {
            findings.append(
                Finding(
                    YAMLTreeFindings.unknownAlias,
                    at: SourceLocation(file: file, position: start, end: position(e.end_mark)),
                    arguments: ["anchor": name]
                ))
            attach(YAMLNode(.null, start: start, end: position(e.end_mark), style: .plain), count: 1)
            return false
        }
        expanded += anchored.count
        if expanded > limits.maxAliasExpansion {
            fail(
                YAMLTreeFindings.aliasBomb, at: start,
                [
                    "anchor": name, "count": String(expanded), "limit": String(limits.maxAliasExpansion),
                ])
            return true
        }
        // The alias yields the anchored node; the node itself is placed at the alias (so that an error about
        // the value as a whole points where it is used), while its contents keep their own positions.
        var node = anchored.node
        node.start = start
        node.end = position(e.end_mark)
        attach(node, count: anchored.count)
        return false
    }

    /// `yaml-missing-list-dash` at a key that repeats one of the list item's keys.
    func missingListDash(key: YAMLNode, item: SourcePosition, dashColumn: Int) -> Finding {
        var suggested = ""
        if let range = SourceText.lineRange(key.start.line, in: source) {
            let text = String(decoding: UnsafeBufferPointer(rebasing: source[range]), as: UTF8.self)
            suggested =
                String(repeating: " ", count: max(0, dashColumn - 1)) + "- "
                + String(text.unicodeScalars.drop { $0 == " " })
        }
        return Finding(
            YAMLTreeFindings.missingListDash,
            at: SourceLocation(file: file, position: key.start, end: key.end),
            arguments: [
                "key": key.keyText, "itemLine": String(item.line), "dashColumn": String(dashColumn),
                "suggested": suggested,
            ])
    }

    /// Adds a finished node to the open collection (or makes it the root).
    @inline(__always)
    mutating func attach(_ node: consuming YAMLNode, count: Int, keyID: Int = -1) {
        let top = stack.count - 1
        guard top >= 0 else {
            if root == nil { root = consume node }
            return
        }
        stack[top].count += count
        stack[top].lastEnd = node.end
        if !stack[top].isMapping {
            items.push(consume node)
            return
        }
        if !stack[top].hasPendingKey {
            // A key.
            if node.isCollection {
                findings.append(
                    Finding(
                        YAMLTreeFindings.complexKey,
                        at: SourceLocation(file: file, position: node.start, end: node.end)
                    ))
                stack[top].dropPair = true
            } else if case let id = keyID >= 0 ? keyID : interner.id(of: node.keyText),
                let first = firstIndex(ofKey: node, id: id, inFrame: top)
            {
                let firstKey = pairs[stack[top].firstChild + first].key
                if top >= 1, !stack[top - 1].isMapping, !stack[top - 1].isFlow, !stack[top].isFlow {
                    // Keys repeating in a list item: a new item whose `- ` is missing. One finding, not one per key.
                    if !stack[top].missingDashReported {
                        stack[top].missingDashReported = true
                        findings.append(
                            missingListDash(key: node, item: stack[top].start, dashColumn: stack[top - 1].start.column))
                    }
                    stack[top].dropPair = true
                    stack[top].pendingKeyID = keyID >= 0 ? keyID : interner.id(of: node.keyText)
                    keys.push(consume node)
                    stack[top].hasPendingKey = true
                    return
                }
                findings.append(
                    Finding(
                        YAMLTreeFindings.duplicateKey,
                        at: SourceLocation(file: file, position: node.start, end: node.end),
                        arguments: [
                            "key": node.keyText,
                            "firstLine": String(firstKey.start.line),
                            "firstColumn": String(firstKey.start.column),
                        ]
                    ))
                stack[top].dropPair = true
            }
            stack[top].pendingKeyID = keyID >= 0 || node.isCollection ? keyID : interner.id(of: node.keyText)
            keys.push(consume node)
            stack[top].hasPendingKey = true
            return
        }
        let key = keys.pop()
        stack[top].hasPendingKey = false
        if stack[top].dropPair {
            stack[top].dropPair = false
            return
        }
        let index = pairs.count - stack[top].firstChild
        let id = stack[top].pendingKeyID
        // Both consumed: a `let key` left to the end of the scope was copied into the pair and destroyed there.
        pairs.push(YAMLPair(key: consume key, value: consume node))
        if id >= 0 { stack[top].keyBits |= Self.keyBit(id) }
        if index < 16 {
            stack[top].keyIDs[index] = Int32(truncatingIfNeeded: id)
        } else {
            if stack[top].keyIndex == nil {
                var keyIndex = [Int: Int](minimumCapacity: 64)
                for i in 0..<16 where stack[top].keyIDs[i] >= 0 && keyIndex[Int(stack[top].keyIDs[i])] == nil {
                    keyIndex[Int(stack[top].keyIDs[i])] = i
                }
                stack[top].keyIndex = keyIndex
            }
            if id >= 0 && stack[top].keyIndex![id] == nil { stack[top].keyIndex![id] = index }
        }
    }

    /// The index of an earlier pair with the same key. Keys are compared by their UTF-8 bytes (as YAML and
    /// JSON do), not by Swift's canonical equivalence: through their interned ids, or byte by byte for keys too
    /// long to intern (which are exactly the keys longer than `Interner.maxLength` bytes). The key is borrowed
    /// and its text read only when it has no id: reading it in `attach` copied the whole node for every key.
    func firstIndex(ofKey key: borrowing YAMLNode, id: Int, inFrame top: Int) -> Int? {
        if id >= 0 {
            guard stack[top].keyBits & Self.keyBit(id) != 0 else { return nil }
            let first16 = stack[top].keyIDs
            let wanted = Int32(truncatingIfNeeded: id)
            for i in 0..<16 where first16[i] == wanted { return i }
            return stack[top].keyIndex?[id]
        }
        let text = key.keyText
        let first = stack[top].firstChild
        for i in first..<pairs.count
        where pairs[i].key.keyText.utf8.count > Interner.maxLength && RawKey.same(pairs[i].key.keyText, text) {
            return i - first
        }
        return nil
    }
}

extension TreeBuilder {
    @inline(__always)
    static func keyBit(_ id: Int) -> UInt64 { 1 << UInt64(id & 63) }
}

/// Strings compared by their UTF-8 bytes.
enum RawKey {
    static func same(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        guard count > 0 else { return true }
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in memcmp(pa.baseAddress!, pb.baseAddress!, count) == 0 } }
    }
}

extension YAMLNode {
    @inline(__always)
    var isCollection: Bool {
        switch value {
        case .mapping, .sequence: true
        default: false
        }
    }
}

/// A stack of elements that are moved, never copied: in by `push`, out (the top ones, as one array of their
/// exact size) by `moveOut`.
final class ChildStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count)
        return base[index]
    }

    @inline(__always)
    func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The top element, moved out.
    @inline(__always)
    func pop() -> Element {
        precondition(count > 0)
        count -= 1
        return (base + count).move()
    }

    /// The elements from `start` on, moved into an array; the stack ends at `start` again.
    func moveOut(from start: Int) -> [Element] {
        precondition(start >= 0 && start <= count)
        let n = count - start
        guard n > 0 else { return [] }
        // Through `append(contentsOf:)`, which is specialized here: `Array(unsafeUninitializedCapacity:)` is not,
        // and looked up the array's storage type on every call (≈ 500 instructions).
        var elements: [Element] = []
        elements.reserveCapacity(n)
        elements.append(contentsOf: MovingOut(current: base + start, end: base + count))
        count = start
        return elements
    }

    /// Elements read once each, moved out of the stack as they are read.
    private struct MovingOut: Sequence, IteratorProtocol {
        var current: UnsafeMutablePointer<Element>
        let end: UnsafeMutablePointer<Element>

        var underestimatedCount: Int { end - current }

        mutating func next() -> Element? {
            guard current < end else { return nil }
            defer { current += 1 }
            return current.move()
        }
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
