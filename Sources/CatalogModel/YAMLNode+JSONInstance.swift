import JSONSchema
import YAMLTree

/// The YAML tree is validated in place: no conversion to JSON before the schema sees it.
extension YAMLNode: JSONInstance {
    public typealias Members = YAMLMembers

    public var jsonKind: JSONInstanceKind<YAMLNode> {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .number(.int(i))
        case .double(let d): .number(.double(d))
        case .string(let s): .string(s)
        case .sequence(let items): .array(items)
        case .mapping(let pairs): .object(YAMLMembers(pairs: pairs))
        }
    }
}

/// A mapping's pairs lent to the validator as they are (no array of key–value copies per evaluation).
public struct YAMLMembers: JSONObjectMembers {
    @usableFromInline let pairs: [YAMLPair]

    @inlinable init(pairs: [YAMLPair]) { self.pairs = pairs }

    @inlinable public var count: Int { pairs.count }
    @inlinable public func key(at index: Int) -> String { pairs[index].key.keyText }
    @inlinable public func value(at index: Int) -> YAMLNode { pairs[index].value }
}
