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

    /// How a scalar was written; `nil` for collections.
    public enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var value: Value
    /// Position of the node's first character: for a scalar its first character or opening quote, for a block
    /// sequence its first `-`, for a block mapping its first key, for a flow collection its bracket; an
    /// `&anchor` or `!tag` written before the node is part of it. A node yielded by an alias is placed at the
    /// alias.
    public var start: SourcePosition
    /// Position just after the node's last character.
    public var end: SourcePosition
    public var style: ScalarStyle?
    /// An explicit tag, if the source had one (e.g. `!!str`).
    public var tag: String?
    /// The scalar's text as libyaml gave it (before type resolution); empty for collections.
    public var text: String

    public init(
        _ value: Value,
        start: SourcePosition,
        end: SourcePosition,
        style: ScalarStyle? = nil,
        tag: String? = nil,
        text: String = ""
    ) {
        self.value = value
        self.start = start
        self.end = end
        self.style = style
        self.tag = tag
        self.text = text
    }
}

/// One key–value entry of a mapping; the key keeps its own position (unknown keys point at the key).
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

extension YAMLNode {
    public var isNull: Bool { if case .null = value { true } else { false } }

    public var string: String? { if case .string(let s) = value { s } else { nil } }

    public var sequence: [YAMLNode]? { if case .sequence(let items) = value { items } else { nil } }

    public var mapping: [YAMLPair]? { if case .mapping(let pairs) = value { pairs } else { nil } }

    /// The key as JSON sees it: a string key's text, or the scalar text of a non-string key.
    public var keyText: String { string ?? text }

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
