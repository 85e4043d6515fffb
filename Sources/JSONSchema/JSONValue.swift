import SafeOutput

/// A JSON value. Objects keep their members in document order; equality follows JSON Schema:
/// numbers compare by value (`1 == 1.0`) and objects compare regardless of member order.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// The members of a JSON object, in document order. Keys are unique when the object comes from
/// `JSONParser`; lookups are linear, which is the right trade for the small objects of schemas.
public struct JSONObject: Sendable {
    public typealias Member = (key: String, value: JSONValue)

    /// The members, in order.
    public private(set) var members: [Member]

    public init() { members = [] }

    /// Members in order; a later duplicate key replaces the value of the earlier one in place.
    public init(_ members: [Member]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for m in members { self[m.key] = m.value }
    }

    /// Members in order, trusted to have unique keys.
    init(uniqueMembers: [Member]) { members = uniqueMembers }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get {
            for m in members where sameString(m.key, key) { return m.value }
            return nil
        }
        set {
            if let i = members.firstIndex(where: { sameString($0.key, key) }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}

extension JSONObject: Equatable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for m in lhs.members {
            guard let other = rhs[m.key], other == m.value else { return false }
        }
        return true
    }
}

extension JSONObject: Hashable {
    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine the members' hashes commutatively.
        var acc = 0
        for m in members {
            var h = Hasher()
            h.combine(StringKey(m.key))
            h.combine(m.value)
            acc = acc &+ h.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(acc)
    }
}

// MARK: - Equality and hashing with JSON Schema semantics

extension JSONNumber {
    /// The number as a double (exact for doubles, rounded for huge integers).
    public var doubleValue: Double {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    /// Whether the number has no fractional part (`1.0` is an integer in JSON Schema).
    public var isInteger: Bool {
        switch self {
        case .int: return true
        case .double(let d): return d.isFinite && d.rounded(.towardZero) == d
        }
    }

    /// Mathematical equality across representations.
    public func isEqual(to other: JSONNumber) -> Bool { compare(other) == 0 }

    /// -1, 0 or 1 (exact across int/double; NaN compares as unordered = 2).
    public func compare(_ other: JSONNumber) -> Int {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.double(let a), .double(let b)):
            if a < b { return -1 }
            if a > b { return 1 }
            return a == b ? 0 : 2
        case (.int(let a), .double(let b)): return -JSONNumber.compareDouble(b, a)
        case (.double(let a), .int(let b)): return JSONNumber.compareDouble(a, b)
        }
    }

    /// Exact comparison of a double with an integer.
    static func compareDouble(_ d: Double, _ i: Int) -> Int {
        if d.isNaN { return 2 }
        // 2^63 is exactly representable; every double at or above it is greater than any Int.
        if d >= 9223372036854775808.0 { return 1 }
        if d < -9223372036854775808.0 { return -1 }
        let t = d.rounded(.towardZero)
        let ti = Int(t)  // exact: |t| < 2^63 or t == -2^63
        if ti < i { return -1 }
        if ti > i { return 1 }
        let frac = d - t
        return frac > 0 ? 1 : (frac < 0 ? -1 : 0)
    }

    /// The int value when this number is an integer that fits in `Int`.
    public var exactInt: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d):
            guard d.isFinite, d.rounded(.towardZero) == d,
                d >= -9223372036854775808.0, d < 9223372036854775808.0
            else { return nil }
            return Int(d)
        }
    }

    func schemaHash(into hasher: inout Hasher) {
        if let i = exactInt {
            hasher.combine(0 as UInt8); hasher.combine(i)
        } else {
            hasher.combine(1 as UInt8); hasher.combine(doubleValue)
        }
    }
}

extension JSONValue: Equatable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.isEqual(to: b)
        case (.string(let a), .string(let b)): return sameString(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }
}

extension JSONValue: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let b): hasher.combine(1 as UInt8); hasher.combine(b)
        case .number(let n): hasher.combine(2 as UInt8); n.schemaHash(into: &hasher)
        case .string(let s): hasher.combine(3 as UInt8); hasher.combine(StringKey(s))
        case .array(let a): hasher.combine(4 as UInt8); hasher.combine(a)
        case .object(let o): hasher.combine(5 as UInt8); hasher.combine(o)
        }
    }
}

// MARK: - JSONInstance

extension JSONValue: JSONInstance {
    public typealias Members = JSONMemberArray<JSONValue>

    public var jsonKind: JSONInstanceKind<JSONValue> {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a)
        case .object(let o): return .object(JSONMemberArray(o.members))
        }
    }
}

extension JSONValue {
    /// Converts any `JSONInstance` tree into a `JSONValue` tree.
    public init<I: JSONInstance>(_ instance: I) {
        switch instance.jsonKind {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array((0..<a.count).map { JSONValue(a[itemAt: $0]) })
        case .object(let o):
            self = .object(JSONObject((0..<o.count).map { (key: o.key(at: $0), value: JSONValue(o.value(at: $0))) }))
        }
    }
}

// MARK: - Conveniences

extension JSONValue {
    public var isNull: Bool { if case .null = self { return true } else { return false } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var numberValue: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }

    /// The member `key` of an object (nil for anything else).
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The element at `index` of an array (nil when out of range or not an array).
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    /// The value at a JSON Pointer inside this value.
    public subscript(pointer pointer: JSONPointer) -> JSONValue? {
        var v = self
        for token in pointer.tokens {
            switch v {
            case .object(let o):
                guard let next = o[token] else { return nil }
                v = next
            case .array(let a):
                guard let i = JSONPointer.arrayIndex(token), i < a.count else { return nil }
                v = a[i]
            default: return nil
            }
        }
        return v
    }

    /// The JSON type name: null, boolean, integer, number, string, array or object.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return n.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(.int(value)) }
    public init(floatLiteral value: Double) { self = .number(.double(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}

// MARK: - Serialization

extension JSONNumber: CustomStringConvertible {
    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return "\(d)"
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// JSON text; `indent` spaces per level when given, compact otherwise.
    public func jsonText(indent: Int? = nil) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    private func write(to out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.description
        case .string(let s): JSONText.quote(s, into: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                if let indent { out += "\n" + String(repeating: " ", count: indent * (level + 1)) }
                v.write(to: &out, indent: indent, level: level + 1)
            }
            if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
            out += "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            for (i, m) in o.members.enumerated() {
                if i > 0 { out += "," }
                if let indent { out += "\n" + String(repeating: " ", count: indent * (level + 1)) }
                JSONText.quote(m.key, into: &out)
                out += indent == nil ? ":" : ": "
                m.value.write(to: &out, indent: indent, level: level + 1)
            }
            if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
            out += "}"
        }
    }
}
