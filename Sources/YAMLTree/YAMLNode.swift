#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Diagnostics

/// A node of a parsed YAML document. Every node keeps where it starts (and ends) in the source.
public struct YAMLNode: Sendable {
    /// The resolved value (YAML 1.2 core schema for plain scalars; quoted scalars are always strings).
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// How a scalar was written.
    public enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The resolved value. A node whose text is its string value (or empty) keeps no separate text, so
    /// changing `value` keeps the text it had.
    public var value: Value {
        didSet {
            if rare == nil { rare = Self.rare(for: value, tag: nil, text: Self.derivedText(oldValue)) }
        }
    }
    // Positions as 32-bit numbers and the rarely set tag and non-string text behind one optional reference: the
    // node is copied (and destroyed) wherever the tree is read, and a copy now retains the value's storage only,
    // not a tag and a second reference to the same text (docs/benchmark.md, fifth round: the YAML tree).
    @usableFromInline var startLine: UInt32
    @usableFromInline var startColumn: UInt32
    @usableFromInline var endLine: UInt32
    @usableFromInline var endColumn: UInt32
    /// How a scalar was written; `nil` for collections.
    public var style: ScalarStyle?
    /// The tag and the text, when the text is not what `value` gives (`nil` for almost every node).
    @usableFromInline var rare: Rare?

    /// A tag, or a text that is not the node's string value (the text of a number, a bool, a null).
    @usableFromInline final class Rare: Sendable {
        @usableFromInline let tag: String?
        @usableFromInline let text: String

        @usableFromInline init(tag: String?, text: String) {
            self.tag = tag
            self.text = text
        }
    }

    /// Position of the node's first character: for a scalar its first character or opening quote, for a block
    /// sequence its first `-`, for a block mapping its first key, for a flow collection its bracket; an
    /// `&anchor` or `!tag` written before the node is part of it. A node yielded by an alias is placed at the
    /// alias.
    public var start: SourcePosition {
        @inlinable get { SourcePosition(line: Int(startLine), column: Int(startColumn)) }
        set {
            startLine = Self.packed(newValue.line)
            startColumn = Self.packed(newValue.column)
        }
    }
    /// Position just after the node's last character.
    public var end: SourcePosition {
        @inlinable get { SourcePosition(line: Int(endLine), column: Int(endColumn)) }
        set {
            endLine = Self.packed(newValue.line)
            endColumn = Self.packed(newValue.column)
        }
    }
    /// An explicit tag, if the source had one (e.g. `!!str`).
    public var tag: String? {
        @inlinable get { rare?.tag }
        set { rare = Self.rare(for: value, tag: newValue, text: text) }
    }
    /// The scalar's text as libyaml gave it (before type resolution); empty for collections.
    public var text: String {
        @inlinable get {
            if let rare { return rare.text }
            return Self.derivedText(value)
        }
        set { rare = Self.rare(for: value, tag: tag, text: newValue) }
    }

    /// Lines and columns are counted from 1 in files of at most `YAMLLimits.maxFileSize` bytes; out of range
    /// numbers (negative, or past 2³² − 1) are clamped.
    @usableFromInline @inline(__always)
    static func packed(_ n: Int) -> UInt32 { UInt32(clamping: n) }

    /// The text a node without `rare` has: its string value, else nothing.
    @inlinable @inline(__always)
    static func derivedText(_ value: Value) -> String {
        if case .string(let s) = value { return s }
        return ""
    }

    private static func rare(for value: Value, tag: String?, text: String) -> Rare? {
        if tag == nil && sameUTF8(derivedText(value), text) { return nil }
        return Rare(tag: tag, text: text)
    }
}

// The initializers live in an extension so that the type keeps its memberwise initializer (see below).
extension YAMLNode {
    public init(
        _ value: Value,
        start: SourcePosition,
        end: SourcePosition,
        style: ScalarStyle? = nil,
        tag: String? = nil,
        text: String = ""
    ) {
        self.init(value, start: start, end: end, style: style, rare: Self.rare(for: value, tag: tag, text: text))
    }

    /// A scalar as the parser makes it: a string value is always its own text, so nothing is compared.
    init(
        scalar value: Value, start: SourcePosition, end: SourcePosition, style: ScalarStyle, tag: String?, text: String
    ) {
        let textIsDerived: Bool
        if case .string = value { textIsDerived = true } else { textIsDerived = text.isEmpty }
        self.init(
            value, start: start, end: end, style: style,
            rare: tag == nil && textIsDerived ? nil : Rare(tag: tag, text: text))
    }

    /// A sequence or mapping as the parser makes it: its text is empty, so nothing is compared.
    init(collection value: Value, start: SourcePosition, end: SourcePosition, tag: String?) {
        self.init(value, start: start, end: end, style: nil, rare: tag.map { Rare(tag: $0, text: "") })
    }

    @usableFromInline init(
        _ value: Value, start: SourcePosition, end: SourcePosition, style: ScalarStyle?, rare: Rare?
    ) {
        // Through the memberwise initializer, which makes the node as one value: assigned field by field (an
        // initializer in the type's body), the node was built in a slot and handed out as a copy, so every node of
        // every file was retained and released once more (≈ 2 % of a validate run's instructions).
        self.init(
            value: value, startLine: Self.packed(start.line), startColumn: Self.packed(start.column),
            endLine: Self.packed(end.line), endColumn: Self.packed(end.column), style: style, rare: rare)
    }
}

/// One key–value entry of a mapping; the key keeps its own position (unknown keys point at the key).
/// (Made by the parser only, with the memberwise initializer: it makes the pair as one value, where an initializer
/// assigning the fields built it in a slot and copied it out, as `YAMLNode`'s extension explains.)
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
}

extension YAMLNode {
    @inlinable public var isNull: Bool { if case .null = value { true } else { false } }

    @inlinable public var string: String? { if case .string(let s) = value { s } else { nil } }

    @inlinable public var sequence: [YAMLNode]? { if case .sequence(let items) = value { items } else { nil } }

    @inlinable public var mapping: [YAMLPair]? { if case .mapping(let pairs) = value { pairs } else { nil } }

    /// The key as JSON sees it: a string key's text, or the scalar text of a non-string key.
    @inlinable public var keyText: String { string ?? text }

    /// The value under `key` in a mapping (first match), or nil.
    public subscript(key: String) -> YAMLNode? {
        guard let index = pairIndex(key), case .mapping(let pairs) = value else { return nil }
        return pairs[index].value
    }

    /// The pair under `key` in a mapping (for the key's own position).
    public func pair(_ key: String) -> YAMLPair? {
        guard let index = pairIndex(key), case .mapping(let pairs) = value else { return nil }
        return pairs[index]
    }

    /// Where the first pair under `key` is: the keys are read in place, no pair is copied on the way.
    func pairIndex(_ key: String) -> Int? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.indices.first { YAMLNode.sameKey(pairs[$0].key, key) }
    }

    /// Whether a key node spells `key`. Keys are compared as UTF-8 bytes, as YAML and JSON compare them (by code
    /// point): `String ==` would check Chinese keys for canonical equivalence on every comparison, which made
    /// key lookups the largest cost of decoding. Lengths differ for most keys of a catalog, so most
    /// comparisons stop at the length.
    @inline(__always)
    static func sameKey(_ node: YAMLNode, _ key: String) -> Bool {
        switch node.value {
        case .string(let s): sameUTF8(s, key)
        default: sameUTF8(node.text, key)
        }
    }
}

/// Whether two strings have the same UTF-8 bytes (no Unicode normalization).
@inline(__always)
public func sameUTF8(_ a: String, _ b: String) -> Bool {
    let n = a.utf8.count
    guard n == b.utf8.count else { return false }
    if let same = a.utf8.withContiguousStorageIfAvailable({ pa in
        b.utf8.withContiguousStorageIfAvailable { pb in n == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, n) == 0 }
    }), let same {
        return same
    }
    return a.utf8.elementsEqual(b.utf8)
}
