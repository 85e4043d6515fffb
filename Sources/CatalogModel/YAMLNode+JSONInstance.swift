import JSONSchema
import YAMLTree

/// The YAML tree is validated in place: no conversion to JSON before the schema sees it. The instance is a
/// node's `value`, not the node: the evaluator copies each child it descends into, and a value is one
/// reference (or none), where a whole node (positions, tag, source text) is three or four.
extension YAMLNode.Value: JSONInstance {
    public typealias Members = YAMLMembers
    public typealias Items = YAMLItems

    public var jsonKind: JSONInstanceKind<YAMLNode.Value> {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .number(.int(i))
        case .double(let d): .number(.double(d))
        case .string(let s): .string(s)
        case .sequence(let items): .array(YAMLItems(nodes: items))
        case .mapping(let pairs): .object(YAMLMembers(pairs: pairs))
        }
    }
}

/// A sequence's nodes lent to the validator as they are; an item is read as its value.
public struct YAMLItems: JSONArrayItems, Sendable {
    @usableFromInline let nodes: [YAMLNode]

    @inlinable init(nodes: [YAMLNode]) { self.nodes = nodes }

    @inlinable public var count: Int { nodes.count }
    @inlinable public subscript(itemAt index: Int) -> YAMLNode.Value { nodes[index].value }
}

/// A mapping's pairs lent to the validator as they are (no array of key–value copies per evaluation).
public struct YAMLMembers: JSONObjectMembers {
    @usableFromInline let pairs: [YAMLPair]

    @inlinable init(pairs: [YAMLPair]) { self.pairs = pairs }

    @inlinable public var count: Int { pairs.count }
    @inlinable public func key(at index: Int) -> String { pairs[index].key.keyText }
    @inlinable public subscript(valueAt index: Int) -> YAMLNode.Value { pairs[index].value.value }
    /// The pairs' array buffer: the tree holds it while it is validated.
    @inlinable public var storageAddress: UnsafeRawPointer? {
        pairs.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }
}
