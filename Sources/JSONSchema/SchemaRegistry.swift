import Foundation

/// A place in a registered document: the document's number and an (escaped) JSON Pointer into it.
struct SchemaLocation: Hashable, Sendable {
    var doc: Int
    var pointer: String

    func appending(_ token: String) -> SchemaLocation {
        SchemaLocation(doc: doc, pointer: pointer + "/" + JSONPointer.escape(token))
    }
}

/// What scanning learned about a schema location.
struct LocationInfo: Sendable {
    /// The base URI in force (the nearest `$id`, else the document's retrieval URI).
    var base: String
    /// The pointer of the schema resource's root in the document (the subschema holding that `$id`).
    var resourcePointer: String
    /// The `$schema` in force (nil: the default dialect).
    var dialect: String?
}

/// The identifiers found in the registered documents.
struct SchemaIndex: Sendable {
    var documents: [JSONValue] = []
    var documentURIs: [String: Int] = [:]
    /// Schema resource URI (no fragment) → its root.
    var resources: [String: SchemaLocation] = [:]
    /// `uri#anchor` → the subschema that declares it (`$anchor` and `$dynamicAnchor`).
    var anchors: [String: SchemaLocation] = [:]
    /// Resource URI → `$dynamicAnchor` name → subschema.
    var dynamicAnchors: [String: [String: SchemaLocation]] = [:]
    var info: [SchemaLocation: LocationInfo] = [:]

    func value(at loc: SchemaLocation) -> JSONValue? {
        guard loc.doc < documents.count else { return nil }
        if loc.pointer.isEmpty { return documents[loc.doc] }
        guard let p = JSONPointer(parsing: loc.pointer) else { return nil }
        return documents[loc.doc][pointer: p]
    }

    /// Adds a document retrieved from `uri` and indexes its resources and anchors.
    mutating func add(_ document: JSONValue, uri: String) -> Int {
        let key = SchemaIndex.normalize(uri)
        let doc = documents.count
        documents.append(document)
        documentURIs[key] = doc
        let root = SchemaLocation(doc: doc, pointer: "")
        resources[key] = root
        scan(document, at: root, base: key, resourcePointer: "", dialect: nil, isRoot: true)
        return doc
    }

    /// Indexes a location that scanning did not reach (a `$ref` into an unknown keyword): its base is
    /// that of the nearest indexed ancestor.
    mutating func ensureInfo(_ loc: SchemaLocation) -> LocationInfo? {
        if let i = info[loc] { return i }
        guard let value = value(at: loc) else { return nil }
        var tokens = JSONPointer(parsing: loc.pointer)?.tokens ?? []
        var parentInfo: LocationInfo?
        while !tokens.isEmpty {
            tokens.removeLast()
            let p = SchemaLocation(doc: loc.doc, pointer: JSONPointer(tokens: tokens).description)
            if let i = info[p] { parentInfo = i; break }
        }
        let parent =
            parentInfo
            ?? LocationInfo(
                base: documentURIs.first { $0.value == loc.doc }?.key ?? "", resourcePointer: "", dialect: nil)
        scan(
            value, at: loc, base: parent.base, resourcePointer: parent.resourcePointer, dialect: parent.dialect,
            isRoot: false)
        return info[loc]
    }

    private mutating func scan(
        _ value: JSONValue, at loc: SchemaLocation, base: String, resourcePointer: String,
        dialect: String?, isRoot: Bool
    ) {
        guard case .object(let obj) = value else {
            if case .bool = value, info[loc] == nil {
                info[loc] = LocationInfo(base: base, resourcePointer: resourcePointer, dialect: dialect)
            }
            return
        }
        var base = base
        var resourcePointer = resourcePointer
        var dialect = dialect
        var isResourceRoot = isRoot
        if case .string(let id)? = obj["$id"] {
            let resolved = SchemaIndex.resolve(id, against: base)
            base = SchemaIndex.normalize(resolved.withoutFragment.description)
            resourcePointer = loc.pointer
            isResourceRoot = true
            resources[base] = loc
        }
        if isResourceRoot, case .string(let s)? = obj["$schema"] { dialect = s }
        if info[loc] != nil, !isRoot { return }  // already scanned
        info[loc] = LocationInfo(base: base, resourcePointer: resourcePointer, dialect: dialect)
        if case .string(let a)? = obj["$anchor"] { anchors[base + "#" + a] = loc }
        if case .string(let a)? = obj["$dynamicAnchor"] {
            anchors[base + "#" + a] = loc
            dynamicAnchors[base, default: [:]][a] = loc
        }
        for (key, child) in obj {
            switch key {
            case "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
                "unevaluatedItems", "unevaluatedProperties", "additionalItems":
                if case .array(let arr) = child, key == "items" {
                    for (i, c) in arr.enumerated() {
                        scan(
                            c, at: loc.appending(key).appending(String(i)), base: base,
                            resourcePointer: resourcePointer, dialect: dialect, isRoot: false)
                    }
                } else {
                    scan(
                        child, at: loc.appending(key), base: base, resourcePointer: resourcePointer, dialect: dialect,
                        isRoot: false)
                }
            case "allOf", "anyOf", "oneOf", "prefixItems":
                if case .array(let arr) = child {
                    for (i, c) in arr.enumerated() {
                        scan(
                            c, at: loc.appending(key).appending(String(i)), base: base,
                            resourcePointer: resourcePointer, dialect: dialect, isRoot: false)
                    }
                }
            case "$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies":
                if case .object(let members) = child {
                    for (name, c) in members {
                        if key == "dependencies", case .array = c { continue }
                        scan(
                            c, at: loc.appending(key).appending(name), base: base, resourcePointer: resourcePointer,
                            dialect: dialect, isRoot: false)
                    }
                }
            default:
                break
            }
        }
    }

    static func resolve(_ ref: String, against base: String) -> URIReference {
        let r = URIReference(ref)
        if r.isAbsolute { return r.resolved(against: r) }
        return r.resolved(against: URIReference(base))
    }

    /// Strips an empty fragment (`…/schema#` is `…/schema`).
    static func normalize(_ uri: String) -> String {
        var u = URIReference(uri)
        if u.fragment == "" { u.fragment = nil }
        return u.description
    }
}

/// Documents that schemas may refer to by URI, and an optional resolver for the rest.
///
/// The draft 2020-12 metaschemas are always available. Register the documents a schema refers to
/// (for the test suite, the `remotes` folder as `http://localhost:1234/…`), and/or give a resolver that
/// returns the document for a URI (for example from a local folder); the validator never uses the network.
public struct SchemaRegistry: Sendable {
    var index = SchemaIndex()
    /// Called for a URI that no registered document provides; return nil when unknown.
    public var resolver: (@Sendable (URL) -> JSONValue?)?

    public init(resolver: (@Sendable (URL) -> JSONValue?)? = nil) {
        self.resolver = resolver
    }

    /// Registers `document` as retrieved from `uri` (its `$id`s, embedded resources and anchors
    /// become resolvable too).
    public mutating func register(_ document: JSONValue, uri: String) {
        _ = index.add(document, uri: uri)
    }

    /// Parses JSON text and registers it as retrieved from `uri`.
    public mutating func register(jsonText: String, uri: String) throws(SchemaError) {
        do {
            register(try JSONParser.parse(jsonText), uri: uri)
        } catch {
            throw SchemaError.invalidJSON(uri: uri, error: error)
        }
    }

    /// Whether a document or embedded resource with this URI is registered.
    public func contains(uri: String) -> Bool {
        index.resources[SchemaIndex.normalize(uri)] != nil
    }
}
