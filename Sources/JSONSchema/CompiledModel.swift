// The compiled form of a schema: a graph of nodes (one per subschema) whose keywords hold node
// indices, so that `$ref`s are resolved once and evaluation is a walk over arrays.
// Everything here is immutable after compilation and therefore safe to share between threads.
// The types are `@usableFromInline` so that the generic evaluator can be specialized in client modules.

@usableFromInline
struct TypeSet: OptionSet, Sendable {
    @usableFromInline let rawValue: UInt8
    @inlinable init(rawValue: UInt8) { self.rawValue = rawValue }

    @usableFromInline static let null = TypeSet(rawValue: 1)
    @usableFromInline static let boolean = TypeSet(rawValue: 2)
    @usableFromInline static let object = TypeSet(rawValue: 4)
    @usableFromInline static let array = TypeSet(rawValue: 8)
    @usableFromInline static let number = TypeSet(rawValue: 16)
    @usableFromInline static let string = TypeSet(rawValue: 32)
    @usableFromInline static let integer = TypeSet(rawValue: 64)

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]
}

@usableFromInline
struct TypeSpec: Sendable {
    @usableFromInline let set: TypeSet
    /// The names as the schema wrote them, for error details.
    @usableFromInline let names: [String]
}

@usableFromInline
struct EnumSpec: Sendable {
    @usableFromInline let values: [JSONValue]
    /// The string members, for a hashed lookup.
    @usableFromInline let strings: Set<StringKey>
    @usableFromInline let onlyStrings: Bool
}

@usableFromInline
struct PropertiesSpec: Sendable {
    @usableFromInline let properties: [StringKey: Int]
    @usableFromInline let patterns: [(regex: ECMARegex, node: Int)]
    @usableFromInline let additional: Int?
    @usableFromInline let additionalIsFalse: Bool
}

@usableFromInline
struct ItemsSpec: Sendable {
    @usableFromInline let prefix: [Int]
    @usableFromInline let items: Int?
    @usableFromInline let itemsIsFalse: Bool
}

@usableFromInline
struct ContainsSpec: Sendable {
    @usableFromInline let node: Int
    @usableFromInline let min: Int
    @usableFromInline let max: Int?
}

@usableFromInline
struct ConditionalSpec: Sendable {
    @usableFromInline let condition: Int
    @usableFromInline let then: Int?
    @usableFromInline let otherwise: Int?
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
    case required([String])
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
    /// The schema resource (index into `SchemaStorage.dynamicAnchors`).
    @usableFromInline let resource: Int
    /// Has `unevaluatedItems`/`unevaluatedProperties`, so it collects its subschemas' annotations.
    @usableFromInline let collectsAnnotations: Bool
    /// The schema value (for `ValidationError.subschema`).
    @usableFromInline let value: JSONValue
    /// Absolute location: resource URI `#` pointer within the resource.
    @usableFromInline let location: String

    init(boolean: Bool?, keywords: [Keyword], resource: Int, collectsAnnotations: Bool, value: JSONValue, location: String) {
        self.boolean = boolean
        self.keywords = keywords
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

    init(nodes: [SchemaNode], root: Int, dynamicAnchors: [[String: Int]], tracksScope: Bool, rootValue: JSONValue, rootURI: String) {
        self.nodes = nodes
        self.root = root
        self.dynamicAnchors = dynamicAnchors
        self.tracksScope = tracksScope
        self.rootValue = rootValue
        self.rootURI = rootURI
    }
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
        if other.allProperties { allProperties = true } else if !other.properties.isEmpty { properties.formUnion(other.properties) }
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
    a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
}

@usableFromInline
struct StringKey: Hashable, Sendable {
    @usableFromInline let string: String

    @inlinable init(_ string: String) { self.string = string }

    @inlinable static func == (lhs: StringKey, rhs: StringKey) -> Bool { sameString(lhs.string, rhs.string) }

    @inlinable func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
