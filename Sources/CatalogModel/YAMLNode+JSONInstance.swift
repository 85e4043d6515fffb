import JSONSchema
import YAMLTree

/// The YAML tree is validated in place: no conversion to JSON before the schema sees it.
extension YAMLNode: JSONInstance {
    public var jsonKind: JSONInstanceKind<YAMLNode> {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .number(.int(i))
        case .double(let d): .number(.double(d))
        case .string(let s): .string(s)
        case .sequence(let items): .array(items)
        case .mapping(let pairs): .object(pairs.map { (key: $0.key.keyText, value: $0.value) })
        }
    }
}
