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
    /// The items in the tree's own storage (an array of instances, or what the tree keeps them in).
    case array(Element.Items)
    /// The members in the tree's own storage: no array of pairs is built per evaluation.
    case object(Element.Members)
}

/// The small value protocol the validator works over, so that any tree (JSON, a YAML tree with source
/// positions) can be validated without converting it first.
public protocol JSONInstance: Sendable {
    /// How this tree stores an object's members.
    associatedtype Members: JSONObjectMembers where Members.Value == Self
    /// How this tree stores an array's items; a plain `[Self]` unless the tree says otherwise.
    associatedtype Items: JSONArrayItems & Sendable = [Self] where Items.Value == Self
    var jsonKind: JSONInstanceKind<Self> { get }
}

/// An array's items read by position, so a tree can lend its own storage (of nodes that hold more than the
/// instance) to the validator.
public protocol JSONArrayItems {
    associatedtype Value
    var count: Int { get }
    subscript(itemAt index: Int) -> Value { get }
}

extension Array: JSONArrayItems {
    public typealias Value = Element
    @inlinable public subscript(itemAt index: Int) -> Element { self[index] }
}

/// An object's members read by position, in order, so a tree can lend its own storage to the validator.
public protocol JSONObjectMembers: Sendable {
    associatedtype Value
    var count: Int { get }
    func key(at index: Int) -> String
    /// Member `index`'s value, lent in place (a `_read` accessor can yield it without copying a struct node).
    subscript(valueAt index: Int) -> Value { get }
    /// Where the tree keeps these members, so that the validator can find their names in its tables once per object
    /// rather than once per keyword. Two objects may give the same address only when they have the same member
    /// names, for as long as the instance being validated lives: storage the tree holds, never made per call (nil,
    /// the default, when the tree cannot promise that).
    var storageAddress: UnsafeRawPointer? { get }
}

extension JSONObjectMembers {
    @inlinable public var storageAddress: UnsafeRawPointer? { nil }

    /// Member `index`'s value, as a copy.
    @inlinable
    public func value(at index: Int) -> Value { self[valueAt: index] }

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
    @inlinable public subscript(valueAt index: Int) -> Value { members[index].value }
    /// The members' array buffer (copies of an object share it, and have the same names).
    @inlinable public var storageAddress: UnsafeRawPointer? {
        members.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }
}
