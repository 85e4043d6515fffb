import CatalogModel
import Diagnostics
import Foundation
import YAMLTree

/// One file as the rules see it: the parsed document (tree and source bytes), the typed catalog when it
/// decoded, and indexes from positions to nodes and bytes, so that findings point at the exact character and
/// fixes edit the exact bytes.
/// A class: rules pass it through recursive walks, where copying a large struct cost more than the checks.
public final class LintFile: Sendable {
    public let path: String
    public let document: YAMLDocument
    /// The decoded catalog; nil when schema errors kept it from being decoded (tree-level rules still run).
    public let catalog: Catalog?
    /// Whether `catalog` is there: asking `catalog != nil` copies the whole catalog out first.
    public let isDecoded: Bool
    /// Findings of the earlier stages (YAML, schema, model) for this file.
    public let earlierFindings: [Finding]
    /// The catalog's domain, resolved through the registry (nil when unknown or not decoded).
    public let domain: Domain?
    /// The domain's canonical name, or the 领域 as written when unknown; nil when the catalog did not decode. Files
    /// of one domain are compared by it (uniqueness across files).
    let domainName: String?
    /// The catalog's items in table order, read in place (`items[i].name`): most rules go through them all, and
    /// flattening them into an array copied every item.
    public let items: CatalogItemTable
    /// Lines and columns of the source, indexed when first asked for (ignore comments, spans and fixes need them;
    /// a file without findings or comments never does).
    private let lineIndex: OnDemand<LineIndex>
    var lines: LineIndex { lineIndex.value }
    /// Where the earlier stages report errors.
    let earlierErrorPositions: Set<SourcePosition>
    /// Scalar nodes by where they start, indexed when a rule first places a value of the model in the source.
    private let scalarIndex: OnDemand<[SourcePosition: YAMLNode]>
    /// The characters of the line last asked for: the rules look at many values on one line in a row.
    private let lineCache = LineScalarsCache()
    /// The 公开依据 entries as written, with their paths: found once, read by every citation rule.
    let basisEntries: [BasisEntry]

    public init?(_ loaded: LoadedCatalog, registry: DomainRegistry) {
        guard let document = loaded.document else { return nil }
        self.path = loaded.file
        self.document = document
        self.catalog = loaded.catalog
        isDecoded = loaded.catalog != nil
        self.earlierFindings = loaded.findings
        self.earlierErrorPositions = Set(
            loaded.findings.filter { $0.severity == .error }.compactMap(\.location.position))
        let domain = loaded.catalog.flatMap { registry.domain(named: $0.domain.value) }
        self.domain = domain
        self.domainName = loaded.catalog.map { domain?.name ?? $0.domain.value }
        let items = CatalogItemTable(loaded.catalog?.groups ?? [])
        self.items = items
        self.lineIndex = OnDemand { LineIndex(document.source) }
        self.scalarIndex = OnDemand {
            var scalars: [SourcePosition: YAMLNode] = [:]
            LintFile.indexScalars(document.root, into: &scalars)
            return scalars
        }
        self.basisEntries = LintFile.basisEntries(of: loaded.catalog, items: items)
    }

    /// `.fixOnly` where an earlier stage already reports an error at `position`, `.reported` elsewhere: for
    /// rules whose violations the schema may report too (empty, repeated or blank entries).
    func visibility(at position: SourcePosition) -> LintViolation.Visibility {
        earlierErrorPositions.contains(position) ? .fixOnly : .reported
    }

    static func indexScalars(_ node: YAMLNode, into index: inout [SourcePosition: YAMLNode]) {
        switch node.value {
        case .sequence(let items): for item in items { indexScalars(item, into: &index) }
        case .mapping(let pairs):
            for pair in pairs { indexScalars(pair.value, into: &index) }
        default:
            if index[node.start] == nil { index[node.start] = node }
        }
    }

    public var root: YAMLNode { document.root }

    /// The text of a 1-based line without its line break.
    public func line(_ number: Int) -> String { lines.line(number) }

    public var lineCount: Int { lines.lineCount }

    /// The characters of a 1-based line. Asking again for the same line costs nothing: a list written on one
    /// line (`[a, a, a, …]`) has thousands of values there, and reading the line for each made the rules that
    /// look at each value quadratic.
    func lineScalars(_ number: Int) -> [Unicode.Scalar] {
        lineCache.scalars(number) { Array(lines.line(number).unicodeScalars) }
    }

    /// The scalar node that starts at a position.
    public func node(at position: SourcePosition) -> YAMLNode? { scalarIndex.value[position] }

    /// Whether the file is a national baseline catalog (地区: 全国): rules about local adaptation skip it.
    public var isBaseline: Bool { catalog?.region.value == "全国" }

    // MARK: Findings

    public func location(_ position: SourcePosition?, end: SourcePosition? = nil) -> SourceLocation {
        SourceLocation(file: path, position: position, end: end)
    }

    public func finding(
        _ kind: FindingKind, at position: SourcePosition?, end: SourcePosition? = nil, path: String,
        arguments: [String: String] = [:], notes: [LocalizedText] = []
    ) -> Finding {
        Finding(kind, at: location(position, end: end), path: path, arguments: arguments, notes: notes)
    }

    // MARK: Spans of scalar values

    /// Where a scalar's characters are in the source. `exact` when the value is written on one line exactly as
    /// it reads (plain, or quoted without escapes): then every character has its own column and can be edited.
    public func span(of node: YAMLNode) -> ValueSpan {
        guard let value = node.string, node.start.line == node.end.line || node.style == .plain else {
            return ValueSpan(start: node.start, length: 0, exact: false)
        }
        let text = lineScalars(node.start.line)
        let scalarsOfValue = Array(value.unicodeScalars)
        let column = node.start.column - 1
        func matches(at offset: Int) -> Bool {
            guard offset >= 0, offset + scalarsOfValue.count <= text.count else { return false }
            return Array(text[offset..<offset + scalarsOfValue.count]) == scalarsOfValue
        }
        switch node.style {
        case .plain?:
            if matches(at: column) {
                return ValueSpan(start: node.start, length: scalarsOfValue.count, exact: true)
            }
        case .doubleQuoted?, .singleQuoted?:
            let quote: Unicode.Scalar = node.style == .doubleQuoted ? "\"" : "'"
            if column < text.count, text[column] == quote, matches(at: column + 1),
                column + 1 + scalarsOfValue.count < text.count, text[column + 1 + scalarsOfValue.count] == quote
            {
                return ValueSpan(
                    start: SourcePosition(line: node.start.line, column: node.start.column + 1),
                    length: scalarsOfValue.count, exact: true)
            }
        default:
            break
        }
        return ValueSpan(start: node.start, length: 0, exact: false)
    }

    /// The span of a located string value of the model.
    public func span(of value: Located<String>) -> ValueSpan {
        if let node = scalarIndex.value[value.position] { return span(of: node) }
        return ValueSpan(start: value.position, length: 0, exact: false)
    }

    // MARK: Walking the tree

    /// Calls `body` for every string scalar that is a value (not a key), with its identity-keyed path:
    /// items are `/事项/编号=ID/…`, groups `/事项/一级事项=NAME/…`, list entries end in their index.
    /// The path is built only when `body` asks for it (`path.string`).
    public func forEachString(_ body: (YAMLNode, TreePath) -> Void) {
        var path = TreePath(root: root)
        LintFile.walk(root, path: &path, body)
    }

    static func walk(_ node: YAMLNode, path: inout TreePath, _ body: (YAMLNode, TreePath) -> Void) {
        switch node.value {
        case .string:
            body(node, path)
        case .mapping(let pairs):
            for (index, pair) in pairs.enumerated() {
                path.components.append(.pair(index))
                walk(pair.value, path: &path, body)
                path.components.removeLast()
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                path.components.append(.element(index))
                walk(item, path: &path, body)
                path.components.removeLast()
            }
        default:
            break
        }
    }

    /// The identity path of a sequence element.
    static func elementPath(_ item: YAMLNode, index: Int, in path: String) -> String {
        if let id = item["编号"]?.string {
            if path.hasSuffix("/二级事项") { return "/事项/编号=\(id)" }
            return "\(path)/编号=\(id)"
        }
        if let group = item["一级事项"]?.string { return "\(path)/一级事项=\(group)" }
        return "\(path)/\(index)"
    }

    // MARK: Values as written

    /// A value of the model where it is written: in 默认 (item nil) or in an item that does not inherit it.
    public struct Written<Value: Sendable>: Sendable {
        public var value: Located<Value>
        /// The element it is a value of.
        public var element: CatalogElement
        /// The item that sets it (its index in `LintFile.items`: no copy of the item); nil for 默认.
        public var item: Int?

        /// Its identity path (`/默认/…` or the item's): made when a finding needs it, not for every value.
        public func path(in file: LintFile) -> String { LintFile.path(of: element, in: item.map { file.items[$0] }) }
    }

    /// The identity path of an element as written in an item, or in 默认 (no item).
    static func path(of element: CatalogElement, in item: CatalogItem?) -> String {
        item?.path(element) ?? "/默认/\(element.rawValue)"
    }

    /// The values of an inheritable element as written: once for 默认, then for each item that sets its own.
    /// `item` is a function (a key path literal converts to one): applying a `KeyPath` to every item went through the
    /// runtime's generic key-path projection.
    public func written<Value>(
        _ element: CatalogElement, defaults: KeyPath<CatalogDefaults, Located<Value>?>,
        item: (CatalogItem) -> Located<Value>
    ) -> [Written<Value>] {
        LintFile.written(element, in: catalog, items: items, defaults: defaults, item: item)
    }

    static func written<Value>(
        _ element: CatalogElement, in catalog: Catalog?, items: CatalogItemTable,
        defaults: KeyPath<CatalogDefaults, Located<Value>?>, item: (CatalogItem) -> Located<Value>
    ) -> [Written<Value>] {
        guard let catalog else { return [] }
        var out: [Written<Value>] = []
        if let value = catalog.defaults?[keyPath: defaults] {
            out.append(Written(value: value, element: element, item: nil))
        }
        for index in items.indices {
            let value = item(items[index])
            if !value.inherited { out.append(Written(value: value, element: element, item: index)) }
        }
        return out
    }

    /// Reports a per-item problem with an element's value: at the item's own value, or — when the value is
    /// inherited — once at 默认 for all the items concerned, naming them in a note.
    func reportPerItem(
        _ kind: FindingKind, element: CatalogElement, failing: [(item: CatalogItem, arguments: [String: String])],
        defaultsPosition: SourcePosition?, notes: [LocalizedText] = [],
        localizedArguments: (CatalogItem) -> [String: LocalizedText] = { _ in [:] },
        fix: (CatalogItem) -> [TextEdit] = { _ in [] }
    ) -> [LintViolation] {
        var out: [LintViolation] = []
        var inherited: [(item: CatalogItem, arguments: [String: String])] = []
        for entry in failing {
            if entry.item.isInherited(element), defaultsPosition != nil {
                inherited.append(entry)
                continue
            }
            let position = entry.item.position(of: element) ?? entry.item.position
            var item = finding(
                kind, at: position, path: entry.item.path(element), arguments: entry.arguments, notes: notes)
            item.localizedArguments = localizedArguments(entry.item)
            out.append(LintViolation(item, fix: fix(entry.item)))
        }
        if let first = inherited.first, let position = defaultsPosition {
            let ids = inherited.map(\.item.id.value).joined(separator: "、")
            let note = LocalizedText(
                zh:
                    "该值写在「默认」中，适用于所有没有自己填写「\(element.rawValue)」的事项，涉及事项：\(ids)；改「默认」会影响这些事项全部，只改其中一个事项，请在该事项中写上「\(element.rawValue)」",
                en:
                    "the value is set in 默认, which applies to every item that does not set \(element.rawValue) itself; items concerned: \(ids). Changing 默认 changes them all; to change one item only, set \(element.rawValue) in that item"
            )
            var defaults = finding(
                kind, at: position, path: "/默认/\(element.rawValue)", arguments: first.arguments, notes: notes + [note])
            defaults.localizedArguments = localizedArguments(first.item)
            defaults.items = inherited.map(\.item.id.value)
            out.append(LintViolation(defaults))
        }
        return out
    }
}

/// Where a scalar value's characters are in the source.
public struct ValueSpan: Sendable, Hashable {
    /// The first character of the value (exact), or of the node (not exact).
    public var start: SourcePosition
    /// The value's length in characters (exact spans only).
    public var length: Int
    /// Whether each character of the value sits at `start.column + offset` on one line.
    public var exact: Bool

    /// The position of the character at `offset` (the value's start when the span is not exact).
    public func position(_ offset: Int) -> SourcePosition {
        exact ? SourcePosition(line: start.line, column: start.column + offset) : start
    }

    /// The end position (exclusive) of a range of characters, or nil when the span is not exact.
    public func end(_ offset: Int) -> SourcePosition? {
        exact ? SourcePosition(line: start.line, column: start.column + offset) : nil
    }

    /// An edit replacing characters `range` of the value; nil when the span is not exact.
    public func edit(_ range: Range<Int>, _ replacement: String) -> TextEdit? {
        guard exact, range.lowerBound >= 0, range.upperBound <= length else { return nil }
        return TextEdit(
            start: SourcePosition(line: start.line, column: start.column + range.lowerBound),
            end: SourcePosition(line: start.line, column: start.column + range.upperBound),
            replacement: replacement)
    }
}

/// A path in the tree, turned into its identity-keyed text only on demand: positions from the root, so that
/// walking copies no key or node into it (that copying cost more than the rules that read the paths).
public struct TreePath: Sendable {
    enum Component: Sendable {
        /// The pair at this index of a mapping.
        case pair(Int)
        /// The element at this index of a sequence.
        case element(Int)
    }

    /// The node the path starts at (the file's root).
    let root: YAMLNode
    var components: [Component] = []

    init(root: YAMLNode) { self.root = root }

    /// The identity-keyed path, e.g. `/事项/编号=17-02-01/公开依据/0`.
    public var string: String {
        var out = ""
        var node = root
        for component in components {
            switch component {
            case .pair(let index):
                guard let pairs = node.mapping, pairs.indices.contains(index) else { return out }
                out += "/" + pairs[index].key.keyText
                node = pairs[index].value
            case .element(let index):
                guard let items = node.sequence, items.indices.contains(index) else { return out }
                out = LintFile.elementPath(items[index], index: index, in: out)
                node = items[index]
            }
        }
        return out
    }
}

/// One line's characters, kept until another line is asked for (a lock: rules may share a file across threads).
final class LineScalarsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var number = 0
    private var scalars: [Unicode.Scalar] = []

    func scalars(_ line: Int, read: () -> [Unicode.Scalar]) -> [Unicode.Scalar] {
        lock.lock()
        defer { lock.unlock() }
        if line != number {
            scalars = read()
            number = line
        }
        return scalars
    }
}

/// A value computed the first time it is read, then kept (a lock: rules may share a file across threads).
final class OnDemand<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: () -> Value

    init(_ make: @escaping () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
