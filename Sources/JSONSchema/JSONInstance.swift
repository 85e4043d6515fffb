/// A JSON number as the validator sees it: an exact integer or a double.
public enum JSONNumber: Sendable, Hashable {
    case int(Int)
    case double(Double)
}

/// One level of a JSON value, seen through `JSONInstance`. Arrays and objects keep their order.
public enum JSONInstanceKind<Element>: Sendable where Element: JSONInstance {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([Element])
    /// The members in the tree's own storage: no array of pairs is built per evaluation.
    case object(Element.Members)
}

/// The small value protocol the validator works over, so that any tree (JSON, a YAML tree with source
/// positions) can be validated without converting it first.
public protocol JSONInstance: Sendable {
    /// How this tree stores an object's members.
    associatedtype Members: JSONObjectMembers where Members.Value == Self
    var jsonKind: JSONInstanceKind<Self> { get }
}

/// An object's members read by position, in order, so a tree can lend its own storage to the validator.
public protocol JSONObjectMembers: Sendable {
    associatedtype Value
    var count: Int { get }
    func key(at index: Int) -> String
    func value(at index: Int) -> Value
}

extension JSONObjectMembers {
    /// The position of the first member named `name`.
    @inlinable
    public func firstIndex(ofKey name: String) -> Int? {
        for i in 0..<count where sameString(key(at: i), name) { return i }
        return nil
    }

    /// Whether a member is named `name`.
    @inlinable
    public func containsKey(_ name: String) -> Bool { firstIndex(ofKey: name) != nil }
}

/// Members kept as an array of pairs (the shape of `JSONObject`).
public struct JSONMemberArray<Value: Sendable>: JSONObjectMembers {
    public let members: [(key: String, value: Value)]

    @inlinable
    public init(_ members: [(key: String, value: Value)]) { self.members = members }

    @inlinable public var count: Int { members.count }
    @inlinable public func key(at index: Int) -> String { members[index].key }
    @inlinable public func value(at index: Int) -> Value { members[index].value }
}
