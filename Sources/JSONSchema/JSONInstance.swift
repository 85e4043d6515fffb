/// A JSON number as the validator sees it: an exact integer or a double.
public enum JSONNumber: Sendable, Hashable {
    case int(Int)
    case double(Double)
}

/// One level of a JSON value, seen through `JSONInstance`. Arrays and objects keep their order.
public enum JSONInstanceKind<Element>: Sendable where Element: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([Element])
    case object([(key: String, value: Element)])
}

/// The small value protocol the validator works over, so that any tree (JSON, a YAML tree with source
/// positions) can be validated without converting it first.
public protocol JSONInstance: Sendable {
    var jsonKind: JSONInstanceKind<Self> { get }
}
