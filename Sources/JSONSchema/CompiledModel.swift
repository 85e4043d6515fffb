// The compiled form of a schema: a graph of nodes (one per subschema) whose keywords hold node
// indices, so that `$ref`s are resolved once and evaluation is a walk over arrays.
// Everything here is immutable after compilation and therefore safe to share between threads.
// The types are `@usableFromInline` so that the generic evaluator can be specialized in client modules.

@usableFromInline
struct TypeSet: OptionSet, Sendable {
    @usableFromInline let rawValue: UInt8
    @inlinable init(rawValue: UInt8) { self.rawValue = rawValue }

    // Computed, not stored: a stored static is read through its lazy-initialization check (a call) on every use,
    // and the fast path checks an instance's type at every schema node.
    @inlinable static var null: TypeSet { TypeSet(rawValue: 1) }
    @inlinable static var boolean: TypeSet { TypeSet(rawValue: 2) }
    @inlinable static var object: TypeSet { TypeSet(rawValue: 4) }
    @inlinable static var array: TypeSet { TypeSet(rawValue: 8) }
    @inlinable static var number: TypeSet { TypeSet(rawValue: 16) }
    @inlinable static var string: TypeSet { TypeSet(rawValue: 32) }
    @inlinable static var integer: TypeSet { TypeSet(rawValue: 64) }
    /// Every type: what a schema without `type` allows.
    @inlinable static var any: TypeSet { TypeSet(rawValue: 127) }

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]
}

@usableFromInline
final class TypeSpec: Sendable {
    @usableFromInline let set: TypeSet
    /// The names as the schema wrote them, for error details.
    @usableFromInline let names: [String]

    init(set: TypeSet, names: [String]) {
        self.set = set
        self.names = names
    }
}

@usableFromInline
final class EnumSpec: Sendable {
    @usableFromInline let values: [JSONValue]
    /// The string members, for a hashed lookup.
    @usableFromInline let strings: StringTable
    @usableFromInline let onlyStrings: Bool

    init(values: [JSONValue], strings: StringTable, onlyStrings: Bool) {
        self.values = values
        self.strings = strings
        self.onlyStrings = onlyStrings
    }
}

/// `properties`, `patternProperties` and `additionalProperties` of one schema, evaluated in one pass
/// over the instance's members. When the schema also has `required`, its names are in the same table
/// so that the fast path checks them during that pass.
@usableFromInline
final class PropertiesSpec: Sendable {
    /// Names of `properties` (and of `required`, when merged).
    @usableFromInline let names: StringTable
    /// Per name: the `properties` subschema, or -1 for a name that is only required. On the fast path, a
    /// subschema that is `true` is `alwaysValid`: the member counts as matched and is not evaluated.
    @usableFromInline let nodes: [Int]
    /// Per name: its bit in the required mask, or -1.
    @usableFromInline let requiredBits: [Int]
    /// How many distinct required names (0: `required` is checked separately).
    @usableFromInline let requiredCount: Int
    @usableFromInline let patterns: [(regex: ECMARegex, node: Int)]
    @usableFromInline let additional: Int?
    @usableFromInline let additionalIsFalse: Bool
    /// On the fast path: per schema-wide member name (`SchemaStorage.memberNames`), its index in `names` or -1
    /// (empty when the schema has no such table).
    @usableFromInline let nameIndex: [Int32]

    /// In `nodes` on the fast path: the subschema is `true`.
    @usableFromInline static let alwaysValid = -2

    init(
        names: StringTable, nodes: [Int], requiredBits: [Int], requiredCount: Int,
        patterns: [(regex: ECMARegex, node: Int)], additional: Int?, additionalIsFalse: Bool, nameIndex: [Int32] = []
    ) {
        self.names = names
        self.nodes = nodes
        self.requiredBits = requiredBits
        self.requiredCount = requiredCount
        self.patterns = patterns
        self.additional = additional
        self.additionalIsFalse = additionalIsFalse
        self.nameIndex = nameIndex
    }

    /// The same spec with `nameIndex` made for these schema-wide names.
    func indexed(by memberNames: StringTable) -> PropertiesSpec {
        PropertiesSpec(
            names: names, nodes: nodes, requiredBits: requiredBits, requiredCount: requiredCount, patterns: patterns,
            additional: additional, additionalIsFalse: additionalIsFalse,
            nameIndex: memberNames.keys.map { Int32(names.index(of: $0) ?? -1) })
    }
}

/// `required`: the names as written (errors list them so) and as a table for the fast path.
@usableFromInline
final class RequiredSpec: Sendable {
    @usableFromInline let names: [String]
    @usableFromInline let table: StringTable
    /// On the fast path: per schema-wide member name (`SchemaStorage.memberNames`), its index in `table` or -1
    /// (empty when the schema has no such table).
    @usableFromInline let nameIndex: [Int32]

    init(names: [String], nameIndex: [Int32] = []) {
        self.names = names
        table = StringTable(names)
        self.nameIndex = nameIndex
    }

    /// The same spec with `nameIndex` made for these schema-wide names.
    func indexed(by memberNames: StringTable) -> RequiredSpec {
        RequiredSpec(names: names, nameIndex: memberNames.keys.map { Int32(table.index(of: $0) ?? -1) })
    }
}

@usableFromInline
final class ItemsSpec: Sendable {
    @usableFromInline let prefix: [Int]
    @usableFromInline let items: Int?
    @usableFromInline let itemsIsFalse: Bool

    init(prefix: [Int], items: Int?, itemsIsFalse: Bool) {
        self.prefix = prefix
        self.items = items
        self.itemsIsFalse = itemsIsFalse
    }
}

@usableFromInline
final class ContainsSpec: Sendable {
    @usableFromInline let node: Int
    @usableFromInline let min: Int
    @usableFromInline let max: Int?

    init(node: Int, min: Int, max: Int?) {
        self.node = node
        self.min = min
        self.max = max
    }
}

@usableFromInline
final class ConditionalSpec: Sendable {
    @usableFromInline let condition: Int
    @usableFromInline let then: Int?
    @usableFromInline let otherwise: Int?

    init(condition: Int, then: Int?, otherwise: Int?) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
    }
}

@usableFromInline
enum Keyword: Sendable {
    case ref(Int)
    /// `$dynamicRef`: the statically resolved target, and the anchor name to look up in the dynamic
    /// scope (nil when the reference does not resolve to a `$dynamicAnchor`, so that it acts as `$ref`).
    case dynamicRef(Int, anchor: String?)
    case type(TypeSpec)
    case enumeration(EnumSpec)
    case const(JSONValue)
    case multipleOf(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maxLength(Int)
    case minLength(Int)
    case pattern(ECMARegex)
    case format(FormatChecker)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case contains(ContainsSpec)
    case maxProperties(Int)
    case minProperties(Int)
    case required(RequiredSpec)
    case dependentRequired([(property: String, required: [String])])
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(ConditionalSpec)
    case dependentSchemas([(property: String, node: Int)])
    case items(ItemsSpec)
    case properties(PropertiesSpec)
    case propertyNames(Int)
    case unevaluatedItems(Int, isFalse: Bool)
    case unevaluatedProperties(Int, isFalse: Bool)
}

@usableFromInline
final class SchemaNode: Sendable {
    /// For boolean schemas.
    @usableFromInline let boolean: Bool?
    @usableFromInline let keywords: [Keyword]
    /// The same keywords arranged for the fast path (`isValid`): cheap checks first, `$ref`s to
    /// schemas that only hold a `$ref` followed through, `required` merged into `properties`.
    @usableFromInline let fastKeywords: [Keyword]
    /// The schema resource (index into `SchemaStorage.dynamicAnchors`).
    @usableFromInline let resource: Int
    /// Has `unevaluatedItems`/`unevaluatedProperties`, so it collects its subschemas' annotations.
    @usableFromInline let collectsAnnotations: Bool
    /// The schema value (for `ValidationError.subschema`).
    @usableFromInline let value: JSONValue
    /// Absolute location: resource URI `#` pointer within the resource.
    @usableFromInline let location: String

    init(
        boolean: Bool?, keywords: [Keyword], fastKeywords: [Keyword], resource: Int, collectsAnnotations: Bool,
        value: JSONValue, location: String
    ) {
        self.boolean = boolean
        self.keywords = keywords
        self.fastKeywords = fastKeywords
        self.resource = resource
        self.collectsAnnotations = collectsAnnotations
        self.value = value
        self.location = location
    }
}

@usableFromInline
final class SchemaStorage: Sendable {
    @usableFromInline let nodes: [SchemaNode]
    @usableFromInline let root: Int
    /// Per schema resource: `$dynamicAnchor` name → node.
    @usableFromInline let dynamicAnchors: [[String: Int]]
    /// Whether any `$dynamicRef` needs the dynamic scope.
    @usableFromInline let tracksScope: Bool
    let rootValue: JSONValue
    let rootURI: String
    /// Per node, what the fast path reads of it (`SchemaNode.fastKeywords` are in `fastKeywords`).
    @usableFromInline let fastNodes: [FastNode]
    /// Every node's fast-path keywords, back to back.
    @usableFromInline let fastKeywords: [Keyword]
    /// Every name that a fast-path `properties` or `required` looks for, once. The fast path finds an object's
    /// member names in this table once (`Evaluator.findMemberNames`), and each such keyword then reads its own
    /// index of a name from its `nameIndex`, instead of looking every member up again in its own table.
    @usableFromInline let memberNames: StringTable

    init(
        nodes: [SchemaNode], root: Int, dynamicAnchors: [[String: Int]], tracksScope: Bool, rootValue: JSONValue,
        rootURI: String
    ) {
        self.nodes = nodes
        self.root = root
        self.dynamicAnchors = dynamicAnchors
        self.tracksScope = tracksScope
        self.rootValue = rootValue
        self.rootURI = rootURI
        var fastKeywords: [Keyword] = []
        fastNodes = nodes.map { node in
            let start = fastKeywords.count
            // `type` becomes plain bits on the node, checked before any keyword is read (the fast path checks
            // it first anyway: `Keyword.fastRank`).
            var types = TypeSet.any
            for keyword in node.fastKeywords {
                if case .type(let spec) = keyword {
                    types = types.intersection(spec.set)
                } else {
                    fastKeywords.append(keyword)
                }
            }
            return FastNode(
                boolean: node.boolean.map { $0 ? FastNode.isTrue : FastNode.isFalse } ?? FastNode.notBoolean,
                collectsAnnotations: node.collectsAnnotations, resource: node.resource, types: types,
                keywords: start..<fastKeywords.count)
        }
        let indexed = Self.indexingMemberNames(fastKeywords)
        self.fastKeywords = indexed.keywords
        memberNames = indexed.names
    }

    /// The keywords with `properties` and `required` indexed by the names they all look for, and those names.
    /// Left as they are (and the table empty) when the indices would take much memory: a schema of thousands of
    /// names in hundreds of tables (every table holds an index per name).
    static func indexingMemberNames(_ keywords: [Keyword]) -> (keywords: [Keyword], names: StringTable) {
        var names: [String] = []
        var seen = Set<StringKey>()
        var tables = 0
        for keyword in keywords {
            let keys: [String]
            switch keyword {
            case .properties(let spec): keys = spec.names.keys
            case .required(let spec): keys = spec.table.keys
            default: continue
            }
            tables += 1
            for key in keys where seen.insert(StringKey(key)).inserted { names.append(key) }
        }
        guard !names.isEmpty, names.count <= 4096, names.count * tables <= 1 << 20 else {
            return (keywords, StringTable([]))
        }
        let table = StringTable(names)
        let indexed = keywords.map { keyword -> Keyword in
            switch keyword {
            case .properties(let spec): .properties(spec.indexed(by: table))
            case .required(let spec): .required(spec.indexed(by: table))
            default: keyword
            }
        }
        return (indexed, table)
    }
}

/// A schema node as the fast path (`isValid`) reads it: plain values, nothing to retain.
@usableFromInline
struct FastNode: Sendable {
    @usableFromInline static let notBoolean: Int8 = -1
    @usableFromInline static let isFalse: Int8 = 0
    @usableFromInline static let isTrue: Int8 = 1

    /// `notBoolean`, or the boolean schema's value.
    @usableFromInline let boolean: Int8
    @usableFromInline let collectsAnnotations: Bool
    @usableFromInline let resource: Int
    /// The types its `type` allows (`TypeSet.any` without one); `type` is not among its keywords.
    @usableFromInline let types: TypeSet
    /// The node's other keywords in `SchemaStorage.fastKeywords`.
    @usableFromInline let keywords: Range<Int>
}

/// Annotations collected for `unevaluatedProperties`/`unevaluatedItems`: which properties and items of
/// the current instance some subschema evaluated.
@usableFromInline
final class Annotations {
    @usableFromInline var allProperties = false
    @usableFromInline var properties: Set<StringKey> = []
    @usableFromInline var allItems = false
    /// Items `0..<itemPrefix` were evaluated.
    @usableFromInline var itemPrefix = 0
    @usableFromInline var items: Set<Int> = []

    @inlinable init() {}

    @inlinable
    func merge(_ other: Annotations) {
        if other.allProperties {
            allProperties = true
        } else if !other.properties.isEmpty {
            properties.formUnion(other.properties)
        }
        if other.allItems { allItems = true }
        if other.itemPrefix > itemPrefix { itemPrefix = other.itemPrefix }
        if !other.items.isEmpty { items.formUnion(other.items) }
    }
}

/// JSON Schema compares strings code point by code point, while Swift's `String ==` uses canonical
/// equivalence (`"é" == "e\u{301}"`). These compare and hash the UTF-8 bytes instead, which is also
/// faster for non-ASCII text.
@inlinable
func sameString(_ a: String, _ b: String) -> Bool {
    let n = a.utf8.count
    guard n == b.utf8.count else { return false }
    if n == 0 { return true }
    return withUTF8Bytes(a) { pa in withUTF8Bytes(b) { pb in sameBytes(pa.baseAddress!, pb.baseAddress!, n) } }
}

/// Calls `body` with the string's UTF-8 bytes, in place when the string is contiguous (native strings are).
@inlinable @inline(__always)
func withUTF8Bytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
    var copy = s
    copy.makeContiguousUTF8()
    return copy.utf8.withContiguousStorageIfAvailable(body)!
}

/// Whether `n` bytes at `a` and `b` are equal. Short runs (property names) compare in one or two words.
@inlinable
func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    if n >= 8 && n <= 16 {
        return ra.loadUnaligned(as: UInt64.self) == rb.loadUnaligned(as: UInt64.self)
            && ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    if n < 8 {
        for i in 0..<n where a[i] != b[i] { return false }
        return true
    }
    var i = 0
    while i + 8 <= n {
        if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        {
            return false
        }
        i += 8
    }
    return ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
}

@usableFromInline
struct StringKey: Hashable, Sendable {
    @usableFromInline let string: String

    @inlinable init(_ string: String) { self.string = string }

    @inlinable static func == (lhs: StringKey, rhs: StringKey) -> Bool { sameString(lhs.string, rhs.string) }

    @inlinable func hash(into hasher: inout Hasher) {
        hasher.combine(StringTable.hash(string))
    }
}

/// An immutable string → index table with a cheap hash and byte-wise equality, for the property names of
/// `properties`/`required` and the strings of `enum`. Each key is also kept as its `Fingerprint`, which is the
/// whole key when it has at most 16 UTF-8 bytes (a property name of up to five Chinese characters): a lookup
/// reads the instance's key once and compares three integers per candidate.
@usableFromInline
struct StringTable: Sendable {
    @usableFromInline let keys: [String]
    @usableFromInline let fingerprints: [Fingerprint]
    @usableFromInline let slots: [Int32]
    @usableFromInline let mask: Int

    /// Keys keep their first position; duplicates are dropped.
    init(_ names: [String]) {
        var unique: [String] = []
        var seen = Set<StringKey>()
        for n in names where seen.insert(StringKey(n)).inserted { unique.append(n) }
        keys = unique
        fingerprints = unique.map { k in withUTF8Bytes(k) { Fingerprint($0) } }
        var size = 4
        while size < unique.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (i, f) in fingerprints.enumerated() {
            var h = f.hash & (size - 1)
            while slots[h] != 0 { h = (h + 1) & (size - 1) }
            slots[h] = Int32(i + 1)
        }
        self.slots = slots
        mask = size - 1
    }

    /// A string's UTF-8 length and its first and last 8 bytes (names in a schema differ there). Up to 16 bytes,
    /// two strings with equal fingerprints are equal; longer ones are then compared in full.
    @usableFromInline
    struct Fingerprint: Equatable, Sendable {
        @usableFromInline let count: Int
        @usableFromInline let head: UInt64
        @usableFromInline let tail: UInt64

        @inlinable
        init(_ buf: UnsafeBufferPointer<UInt8>) {
            let n = buf.count
            count = n
            guard let base = buf.baseAddress, n > 0 else {
                head = 0
                tail = 0
                return
            }
            if n >= 8 {
                head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
                tail = UnsafeRawPointer(base + (n - 8)).loadUnaligned(as: UInt64.self)
            } else {
                var a: UInt64 = 0
                for i in 0..<n { a = a << 8 | UInt64(base[i]) }
                head = a
                tail = 0
            }
        }

        @inlinable
        var hash: Int {
            var h = (head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            return Int(truncatingIfNeeded: h)
        }
    }

    @inlinable
    static func hash(_ s: String) -> Int { withUTF8Bytes(s) { Fingerprint($0).hash } }

    @inlinable
    func index(of s: String) -> Int? {
        if keys.isEmpty { return nil }
        return withUTF8Bytes(s) { index(ofUTF8: $0) }
    }

    /// The index of the key spelled by these UTF-8 bytes.
    @inlinable
    func index(ofUTF8 key: UnsafeBufferPointer<UInt8>) -> Int? {
        let f = Fingerprint(key)
        var i = f.hash & mask
        return slots.withUnsafeBufferPointer { slots in
            fingerprints.withUnsafeBufferPointer { fingerprints in
                while true {
                    let slot = Int(slots[i])
                    if slot == 0 { return nil }
                    if fingerprints[slot - 1] == f && (f.count <= 16 || sameString(keys[slot - 1], key)) {
                        return slot - 1
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// Whether key `k` is `s`, byte for byte; the length is compared before any byte is read.
    @inlinable
    func key(_ k: Int, is s: String) -> Bool {
        let n = s.utf8.count
        guard fingerprints[k].count == n else { return false }
        return withUTF8Bytes(s) { key in
            fingerprints[k] == Fingerprint(key) && (n <= 16 || sameString(keys[k], key))
        }
    }

    @inlinable
    func contains(_ s: String) -> Bool { index(of: s) != nil }
}

/// Whether a string is spelled by these UTF-8 bytes.
@inlinable
func sameString(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = bytes.count
    guard s.utf8.count == n else { return false }
    if n == 0 { return true }
    return withUTF8Bytes(s) { sameBytes($0.baseAddress!, bytes.baseAddress!, n) }
}
