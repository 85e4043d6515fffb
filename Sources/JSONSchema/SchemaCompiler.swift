import Foundation

/// The vocabularies a dialect enables (draft 2020-12 §8.1.2): a metaschema's `$vocabulary` decides
/// which keywords mean something.
struct Vocabularies: OptionSet, Sendable, Hashable {
    let rawValue: UInt16
    static let core = Vocabularies(rawValue: 1)
    static let applicator = Vocabularies(rawValue: 2)
    static let unevaluated = Vocabularies(rawValue: 4)
    static let validation = Vocabularies(rawValue: 8)
    static let formatAnnotation = Vocabularies(rawValue: 16)
    static let formatAssertion = Vocabularies(rawValue: 32)
    static let metaData = Vocabularies(rawValue: 64)
    static let content = Vocabularies(rawValue: 128)

    static let all2020: Vocabularies = [
        .core, .applicator, .unevaluated, .validation, .formatAnnotation, .metaData, .content,
    ]

    static let uris: [String: Vocabularies] = [
        "https://json-schema.org/draft/2020-12/vocab/core": .core,
        "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": .formatAnnotation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": .metaData,
        "https://json-schema.org/draft/2020-12/vocab/content": .content,
    ]
}

/// The built-in draft 2020-12 metaschemas.
enum BuiltinMetaschemas {
    static let draft2020URI = "https://json-schema.org/draft/2020-12/schema"

    /// `$id` → document.
    static let documents: [String: JSONValue] = {
        var docs: [String: JSONValue] = [:]
        for file in EmbeddedMetaschemas.files {
            // The embedded texts are ours and checked by the tests; a parse failure is a build defect.
            guard let value = try? JSONParser.parse(file.text), case .string(let id)? = value["$id"] else {
                preconditionFailure("embedded metaschema \(file.path) is not valid JSON")
            }
            docs[SchemaIndex.normalize(id)] = value
        }
        return docs
    }()

    /// The 2020-12 metaschema, compiled once.
    static let compiled2020: Result<CompiledSchema, SchemaError> = {
        do throws(SchemaError) {
            let schema = try CompiledSchema.compile(
                uri: draft2020URI, registry: SchemaRegistry(),
                options: CompileOptions(validateSchema: false))
            return .success(schema)
        } catch {
            return .failure(error)
        }
    }()
}

/// How a schema is compiled.
public struct CompileOptions: Sendable {
    /// Treat `format` as an assertion (as the format-assertion vocabulary does). Default: annotation only.
    public var formatAssertion: Bool
    /// Check the schema against its metaschema first and throw `SchemaError.invalidSchema` when it fails.
    public var validateSchema: Bool
    /// The retrieval URI of the schema, against which a relative `$id` and `$ref`s resolve.
    public var baseURI: String

    /// The base URI used for a schema given without one.
    public static let defaultBaseURI = "https://gkml.invalid/schema.json"

    public init(formatAssertion: Bool = false, validateSchema: Bool = true, baseURI: String? = nil) {
        self.formatAssertion = formatAssertion
        self.validateSchema = validateSchema
        self.baseURI = baseURI ?? CompileOptions.defaultBaseURI
    }
}

struct SchemaCompiler {
    var index: SchemaIndex
    let resolver: (@Sendable (URL) -> JSONValue?)?
    let options: CompileOptions
    var nodes: [NodeDraft?] = []
    var nodeIDs: [SchemaLocation: Int] = [:]
    var resourceIDs: [String: Int] = [:]
    var dynamicAnchorTables: [[String: Int]] = []
    var tracksScope = false
    var vocabularyCache: [String: Vocabularies] = [:]
    var regexCache: [String: ECMARegex] = [:]

    init(registry: SchemaRegistry, options: CompileOptions) {
        index = registry.index
        resolver = registry.resolver
        self.options = options
    }

    // MARK: Resolution

    /// Finds a schema resource by URI: registered documents and their embedded resources, the built-in
    /// metaschemas, then the resolver.
    mutating func findResource(_ uri: String) -> SchemaLocation? {
        if let r = index.resources[uri] { return r }
        if let doc = BuiltinMetaschemas.documents[uri] {
            _ = index.add(doc, uri: uri)
            return index.resources[uri]
        }
        if let resolver, let url = URL(string: uri), let doc = resolver(url) {
            _ = index.add(doc, uri: uri)
            return index.resources[uri]
        }
        return nil
    }

    mutating func locate(_ uri: URIReference, reference: String, at location: String) throws(SchemaError)
        -> SchemaLocation
    {
        let resourceURI = SchemaIndex.normalize(uri.withoutFragment.description)
        let fragment = URIReference.percentDecode(uri.fragment ?? "")
        guard let root = findResource(resourceURI) else {
            throw SchemaError.unresolvedReference(reference: reference, location: location)
        }
        if fragment.isEmpty { return root }
        if fragment.hasPrefix("/") {
            guard let p = JSONPointer(parsing: fragment) else {
                throw SchemaError.unresolvedReference(reference: reference, location: location)
            }
            let loc = SchemaLocation(doc: root.doc, pointer: root.pointer + p.description)
            guard index.value(at: loc) != nil else {
                throw SchemaError.unresolvedReference(reference: reference, location: location)
            }
            return loc
        }
        guard let a = index.anchors[resourceURI + "#" + fragment] else {
            throw SchemaError.unresolvedReference(reference: reference, location: location)
        }
        return a
    }

    /// The vocabularies of a dialect (`$schema` value; nil = the default, draft 2020-12).
    mutating func vocabularies(for dialect: String?) throws(SchemaError) -> Vocabularies {
        // The dialect of nearly every schema, spelled as the metaschema spells it: known without parsing the URI
        // (asked once per subschema, it was a fifth of compiling the catalog schema).
        guard let dialect, dialect != BuiltinMetaschemas.draft2020URI else { return .all2020 }
        let key = SchemaIndex.normalize(dialect)
        if key == BuiltinMetaschemas.draft2020URI { return .all2020 }
        if let v = vocabularyCache[key] { return v }
        if key.hasPrefix("http://json-schema.org/") || key.hasPrefix("https://json-schema.org/") {
            throw SchemaError.unsupportedDialect(uri: dialect)
        }
        guard let loc = findResource(key), case .object(let meta)? = index.value(at: loc) else {
            throw SchemaError.unresolvedReference(reference: dialect, location: "$schema")
        }
        var result: Vocabularies = []
        if case .object(let vocab)? = meta["$vocabulary"] {
            for (uri, required) in vocab {
                if let v = Vocabularies.uris[uri] {
                    result.insert(v)
                } else if required == .bool(true) {
                    throw SchemaError.unsupportedVocabulary(uri: uri, metaschema: dialect)
                }
            }
        } else if case .string(let parent)? = meta["$schema"], SchemaIndex.normalize(parent) != key {
            vocabularyCache[key] = .all2020  // guards against cycles between metaschemas
            result = try vocabularies(for: parent)
        } else {
            result = .all2020
        }
        vocabularyCache[key] = result
        return result
    }

    // MARK: Metaschema check

    mutating func checkAgainstMetaschema(_ value: JSONValue) throws(SchemaError) {
        guard case .object(let obj) = value else { return }
        var dialect: String?
        if case .string(let s)? = obj["$schema"] { dialect = s }
        let meta: CompiledSchema
        let metaURI: String
        if dialect == nil || SchemaIndex.normalize(dialect!) == BuiltinMetaschemas.draft2020URI {
            meta = try BuiltinMetaschemas.compiled2020.get()
            metaURI = BuiltinMetaschemas.draft2020URI
        } else {
            _ = try vocabularies(for: dialect)
            metaURI = SchemaIndex.normalize(dialect!)
            var sub = SchemaCompiler(registry: SchemaRegistry(), options: CompileOptions(validateSchema: false))
            sub.index = index
            sub.vocabularyCache = vocabularyCache
            let loc = try sub.locate(URIReference(metaURI), reference: dialect!, at: "$schema")
            let root = try sub.node(at: loc)
            try sub.checkLoops()
            meta = CompiledSchema(
                storage: sub.finish(root: root, rootValue: sub.index.value(at: loc) ?? .null, rootURI: metaURI))
        }
        let result = meta.validate(value)
        if !result.isValid {
            throw SchemaError.invalidSchema(metaschema: metaURI, errors: result.errors)
        }
    }

    // MARK: Nodes

    mutating func resourceID(for info: LocationInfo) throws(SchemaError) -> Int {
        if let r = resourceIDs[info.base] { return r }
        let r = dynamicAnchorTables.count
        resourceIDs[info.base] = r
        dynamicAnchorTables.append([:])
        if let anchors = index.dynamicAnchors[info.base] {
            for (name, loc) in anchors.sorted(by: { $0.key < $1.key }) {
                let n = try node(at: loc)
                dynamicAnchorTables[r][name] = n
            }
        }
        return r
    }

    mutating func node(at loc: SchemaLocation) throws(SchemaError) -> Int {
        if let i = nodeIDs[loc] { return i }
        let id = nodes.count
        nodes.append(nil)
        nodeIDs[loc] = id
        guard let value = index.value(at: loc), let info = index.ensureInfo(loc) else {
            throw SchemaError.unresolvedReference(reference: loc.pointer, location: "document \(loc.doc)")
        }
        let relative =
            loc.pointer.hasPrefix(info.resourcePointer)
            ? String(loc.pointer.dropFirst(info.resourcePointer.count)) : loc.pointer
        let location = info.base + "#" + relative
        let resource = try resourceID(for: info)
        switch value {
        case .bool(let b):
            nodes[id] = NodeDraft(
                boolean: b, keywords: [], resource: resource, collectsAnnotations: false,
                mergedRequired: false, value: value, location: location)
        case .object(let obj):
            let (keywords, collects, merged) = try compileKeywords(obj, at: loc, info: info, location: location)
            nodes[id] = NodeDraft(
                boolean: nil, keywords: keywords, resource: resource, collectsAnnotations: collects,
                mergedRequired: merged, value: value, location: location)
        default:
            throw SchemaError.invalidKeyword(
                keyword: JSONPointer(parsing: loc.pointer)?.tokens.last ?? "(root)", location: location,
                reason: "a schema must be an object or a boolean, not \(value.typeName)")
        }
        return id
    }

    func nonNegativeInteger(_ v: JSONValue) -> Int? {
        guard case .number(let n) = v, n.isInteger else { return nil }
        if let i = n.exactInt { return i >= 0 ? i : nil }
        return n.doubleValue > 0 ? Int.max : nil
    }

    mutating func regex(_ pattern: String, at location: String) throws(SchemaError) -> ECMARegex {
        if let r = regexCache[pattern] { return r }
        do {
            let r = try ECMARegex(pattern)
            regexCache[pattern] = r
            return r
        } catch {
            throw SchemaError.invalidRegex(pattern: pattern, location: location, reason: error.message)
        }
    }

    mutating func compileKeywords(_ obj: JSONObject, at loc: SchemaLocation, info: LocationInfo, location: String)
        throws(SchemaError) -> ([Keyword], Bool, Bool)
    {
        let vocab = try vocabularies(for: info.dialect)
        let assertFormat = options.formatAssertion || vocab.contains(.formatAssertion)
        var list: [Keyword] = []
        var unevaluated: [Keyword] = []
        var didProperties = false, didItems = false, didConditional = false
        var mergedRequired = false

        func bad(_ key: String, _ reason: String) -> SchemaError {
            SchemaError.invalidKeyword(keyword: key, location: location + "/" + JSONPointer.escape(key), reason: reason)
        }
        func schemaArray(_ key: String, _ v: JSONValue, nonEmpty: Bool) throws(SchemaError) -> [Int] {
            guard case .array(let arr) = v, !(nonEmpty && arr.isEmpty) else {
                throw bad(key, nonEmpty ? "must be a non-empty array of schemas" : "must be an array of schemas")
            }
            var out: [Int] = []
            for i in arr.indices { out.append(try node(at: loc.appending(key).appending(String(i)))) }
            return out
        }
        func number(_ key: String, _ v: JSONValue) throws(SchemaError) -> JSONNumber {
            guard case .number(let n) = v else { throw bad(key, "must be a number") }
            return n
        }
        func count(_ key: String, _ v: JSONValue) throws(SchemaError) -> Int {
            guard let n = nonNegativeInteger(v) else { throw bad(key, "must be a non-negative integer") }
            return n
        }
        func isFalse(_ v: JSONValue?) -> Bool { v == .bool(false) }

        for (key, v) in obj {
            switch key {
            // Core
            case "$ref":
                guard case .string(let s) = v else { throw bad(key, "must be a string") }
                let uri = SchemaIndex.resolve(s, against: info.base)
                let target = try locate(uri, reference: s, at: location + "/$ref")
                list.append(.ref(try node(at: target)))
            case "$dynamicRef":
                guard case .string(let s) = v else { throw bad(key, "must be a string") }
                let uri = SchemaIndex.resolve(s, against: info.base)
                let target = try locate(uri, reference: s, at: location + "/$dynamicRef")
                var anchor: String?
                let fragment = URIReference.percentDecode(uri.fragment ?? "")
                if !fragment.isEmpty, !fragment.hasPrefix("/"),
                    index.dynamicAnchors[SchemaIndex.normalize(uri.withoutFragment.description)]?[fragment] == target
                {
                    anchor = fragment
                    tracksScope = true
                }
                list.append(.dynamicRef(try node(at: target), anchor: anchor))

            // Applicator
            case "allOf" where vocab.contains(.applicator):
                list.append(.allOf(try schemaArray(key, v, nonEmpty: true)))
            case "anyOf" where vocab.contains(.applicator):
                list.append(.anyOf(try schemaArray(key, v, nonEmpty: true)))
            case "oneOf" where vocab.contains(.applicator):
                list.append(.oneOf(try schemaArray(key, v, nonEmpty: true)))
            case "not" where vocab.contains(.applicator):
                list.append(.not(try node(at: loc.appending(key))))
            case "if", "then", "else":
                guard vocab.contains(.applicator), !didConditional, obj["if"] != nil else { continue }
                didConditional = true
                let cond = try node(at: loc.appending("if"))
                let then = obj["then"] == nil ? nil : try node(at: loc.appending("then"))
                let otherwise = obj["else"] == nil ? nil : try node(at: loc.appending("else"))
                list.append(.conditional(ConditionalSpec(condition: cond, then: then, otherwise: otherwise)))
            case "dependentSchemas" where vocab.contains(.applicator):
                guard case .object(let members) = v else { throw bad(key, "must be an object of schemas") }
                var deps: [(property: String, node: Int)] = []
                for (name, _) in members { deps.append((name, try node(at: loc.appending(key).appending(name)))) }
                list.append(.dependentSchemas(deps))
            case "prefixItems", "items":
                guard vocab.contains(.applicator), !didItems else { continue }
                didItems = true
                var prefix: [Int] = []
                if let p = obj["prefixItems"] { prefix = try schemaArray("prefixItems", p, nonEmpty: true) }
                var items: Int?
                if let i = obj["items"] {
                    if case .array = i { throw bad("items", "must be a schema (use prefixItems for a tuple)") }
                    items = try node(at: loc.appending("items"))
                }
                list.append(.items(ItemsSpec(prefix: prefix, items: items, itemsIsFalse: isFalse(obj["items"]))))
            case "contains" where vocab.contains(.applicator):
                var minC = 1
                var maxC: Int?
                if vocab.contains(.validation) {
                    if let m = obj["minContains"] { minC = try count("minContains", m) }
                    if let m = obj["maxContains"] { maxC = try count("maxContains", m) }
                }
                list.append(.contains(ContainsSpec(node: try node(at: loc.appending(key)), min: minC, max: maxC)))
            case "properties", "patternProperties", "additionalProperties":
                guard vocab.contains(.applicator), !didProperties else { continue }
                didProperties = true
                var names: [String] = []
                var nodes: [Int] = []
                if let p = obj["properties"] {
                    guard case .object(let members) = p else { throw bad("properties", "must be an object of schemas") }
                    for (name, _) in members {
                        names.append(name)
                        nodes.append(try node(at: loc.appending("properties").appending(name)))
                    }
                }
                // Merge `required` into the same pass for the fast path (up to 64 names).
                var requiredBits = [Int](repeating: -1, count: names.count)
                var requiredCount = 0
                if vocab.contains(.validation), case .array(let req)? = obj["required"],
                    req.allSatisfy({ $0.stringValue != nil })
                {
                    let reqNames = StringTable(req.compactMap(\.stringValue)).keys
                    if !reqNames.isEmpty && reqNames.count <= 64 {
                        for (bit, name) in reqNames.enumerated() {
                            if let i = names.firstIndex(where: { sameString($0, name) }) {
                                requiredBits[i] = bit
                            } else {
                                names.append(name)
                                nodes.append(-1)
                                requiredBits.append(bit)
                            }
                        }
                        requiredCount = reqNames.count
                        mergedRequired = true
                    }
                }
                var patterns: [(regex: ECMARegex, node: Int)] = []
                if let p = obj["patternProperties"] {
                    guard case .object(let members) = p else {
                        throw bad("patternProperties", "must be an object of schemas")
                    }
                    for (pattern, _) in members {
                        let re = try regex(pattern, at: location + "/patternProperties")
                        patterns.append((re, try node(at: loc.appending("patternProperties").appending(pattern))))
                    }
                }
                var additional: Int?
                if obj["additionalProperties"] != nil {
                    additional = try node(at: loc.appending("additionalProperties"))
                }
                list.append(
                    .properties(
                        PropertiesSpec(
                            names: StringTable(names), nodes: nodes, requiredBits: requiredBits,
                            requiredCount: requiredCount,
                            patterns: patterns, additional: additional,
                            additionalIsFalse: isFalse(obj["additionalProperties"]))))
            case "propertyNames" where vocab.contains(.applicator):
                list.append(.propertyNames(try node(at: loc.appending(key))))

            // Unevaluated
            case "unevaluatedItems" where vocab.contains(.unevaluated):
                unevaluated.append(.unevaluatedItems(try node(at: loc.appending(key)), isFalse: isFalse(v)))
            case "unevaluatedProperties" where vocab.contains(.unevaluated):
                unevaluated.append(.unevaluatedProperties(try node(at: loc.appending(key)), isFalse: isFalse(v)))

            // Validation
            case "type" where vocab.contains(.validation):
                var names: [String] = []
                switch v {
                case .string(let s): names = [s]
                case .array(let arr):
                    for t in arr {
                        guard case .string(let s) = t else { throw bad(key, "must be a type name or an array of them") }
                        names.append(s)
                    }
                default: throw bad(key, "must be a type name or an array of them")
                }
                var set: TypeSet = []
                for n in names {
                    guard let t = TypeSet.names.first(where: { $0.0 == n }) else {
                        throw bad(key, "unknown type \"\(n)\"")
                    }
                    set.insert(t.1)
                }
                list.append(.type(TypeSpec(set: set, names: names)))
            case "enum" where vocab.contains(.validation):
                guard case .array(let values) = v else { throw bad(key, "must be an array") }
                var strings: [String] = []
                var onlyStrings = true
                for x in values { if case .string(let s) = x { strings.append(s) } else { onlyStrings = false } }
                list.append(
                    .enumeration(EnumSpec(values: values, strings: StringTable(strings), onlyStrings: onlyStrings)))
            case "const" where vocab.contains(.validation):
                list.append(.const(v))
            case "multipleOf" where vocab.contains(.validation):
                let n = try number(key, v)
                guard n.doubleValue > 0 else { throw bad(key, "must be greater than 0") }
                list.append(.multipleOf(n))
            case "maximum" where vocab.contains(.validation): list.append(.maximum(try number(key, v)))
            case "exclusiveMaximum" where vocab.contains(.validation):
                list.append(.exclusiveMaximum(try number(key, v)))
            case "minimum" where vocab.contains(.validation): list.append(.minimum(try number(key, v)))
            case "exclusiveMinimum" where vocab.contains(.validation):
                list.append(.exclusiveMinimum(try number(key, v)))
            case "maxLength" where vocab.contains(.validation): list.append(.maxLength(try count(key, v)))
            case "minLength" where vocab.contains(.validation): list.append(.minLength(try count(key, v)))
            case "pattern" where vocab.contains(.validation):
                guard case .string(let s) = v else { throw bad(key, "must be a string") }
                list.append(.pattern(try regex(s, at: location + "/pattern")))
            case "maxItems" where vocab.contains(.validation): list.append(.maxItems(try count(key, v)))
            case "minItems" where vocab.contains(.validation): list.append(.minItems(try count(key, v)))
            case "uniqueItems" where vocab.contains(.validation):
                guard case .bool(let b) = v else { throw bad(key, "must be a boolean") }
                if b { list.append(.uniqueItems) }
            case "maxProperties" where vocab.contains(.validation): list.append(.maxProperties(try count(key, v)))
            case "minProperties" where vocab.contains(.validation): list.append(.minProperties(try count(key, v)))
            case "required" where vocab.contains(.validation):
                guard case .array(let arr) = v else { throw bad(key, "must be an array of strings") }
                var names: [String] = []
                for x in arr {
                    guard case .string(let s) = x else { throw bad(key, "must be an array of strings") }
                    names.append(s)
                }
                if !names.isEmpty { list.append(.required(RequiredSpec(names: names))) }
            case "dependentRequired" where vocab.contains(.validation):
                guard case .object(let members) = v else { throw bad(key, "must be an object of string arrays") }
                var deps: [(property: String, required: [String])] = []
                for (name, arr) in members {
                    guard case .array(let xs) = arr else { throw bad(key, "must be an object of string arrays") }
                    var names: [String] = []
                    for x in xs {
                        guard case .string(let s) = x else { throw bad(key, "must be an object of string arrays") }
                        names.append(s)
                    }
                    deps.append((name, names))
                }
                list.append(.dependentRequired(deps))

            // Format
            case "format":
                guard assertFormat, case .string(let s) = v, let f = FormatChecker(rawValue: s) else { continue }
                list.append(.format(f))

            default:
                continue
            }
        }
        return (list + unevaluated, !unevaluated.isEmpty, mergedRequired)
    }

    // MARK: Finishing

    /// Rejects `$ref` cycles that never move into the instance: evaluating them could not end.
    func checkLoops() throws(SchemaError) {
        let all = nodes.compactMap { $0 }
        guard all.count == nodes.count else { return }
        func edges(_ n: NodeDraft) -> [Int] {
            var out: [Int] = []
            for k in n.keywords {
                switch k {
                case .ref(let t), .dynamicRef(let t, _), .not(let t): out.append(t)
                case .allOf(let ts), .anyOf(let ts), .oneOf(let ts): out += ts
                case .conditional(let c):
                    out.append(c.condition)
                    if let t = c.then { out.append(t) }
                    if let e = c.otherwise { out.append(e) }
                case .dependentSchemas(let d): out += d.map(\.node)
                default: break
                }
            }
            return out
        }
        var state = [UInt8](repeating: 0, count: all.count)
        for start in all.indices where state[start] == 0 {
            var stack: [(node: Int, edges: [Int], next: Int)] = [(start, edges(all[start]), 0)]
            state[start] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].next < stack[top].edges.count {
                    let t = stack[top].edges[stack[top].next]
                    stack[top].next += 1
                    if state[t] == 1 { throw SchemaError.infiniteLoop(location: all[t].location) }
                    if state[t] == 0 {
                        state[t] = 1
                        stack.append((t, edges(all[t]), 0))
                    }
                } else {
                    state[stack[top].node] = 2
                    stack.removeLast()
                }
            }
        }
    }

    func finish(root: Int, rootValue: JSONValue, rootURI: String) -> SchemaStorage {
        let drafts = nodes.map { $0! }
        // A schema that holds nothing but a `$ref` can be skipped on the fast path (unless the
        // dynamic scope is tracked, where entering its resource matters).
        func alias(_ n: Int) -> Int {
            var n = n
            var hops = 0
            while !tracksScope, hops < drafts.count, drafts[n].boolean == nil, !drafts[n].collectsAnnotations,
                drafts[n].keywords.count == 1, case .ref(let t) = drafts[n].keywords[0]
            {
                n = t
                hops += 1
            }
            return n
        }
        let built = drafts.map { d -> SchemaNode in
            var fast = d.keywords.map { $0.mappingNodes(alias).markingAlwaysValid { drafts[$0].boolean == true } }
            if d.mergedRequired {
                fast.removeAll { if case .required = $0 { return true } else { return false } }
            }
            let ranked = fast.enumerated().sorted { a, b in
                let (ra, rb) = (a.element.fastRank, b.element.fastRank)
                return ra != rb ? ra < rb : a.offset < b.offset
            }
            return SchemaNode(
                boolean: d.boolean, keywords: d.keywords, fastKeywords: ranked.map(\.element),
                resource: d.resource, collectsAnnotations: d.collectsAnnotations, value: d.value,
                location: d.location)
        }
        return SchemaStorage(
            nodes: built, root: root, dynamicAnchors: dynamicAnchorTables,
            tracksScope: tracksScope, rootValue: rootValue, rootURI: rootURI)
    }
}

/// A node while the graph is being compiled.
struct NodeDraft {
    var boolean: Bool?
    var keywords: [Keyword]
    var resource: Int
    var collectsAnnotations: Bool
    var mergedRequired: Bool
    var value: JSONValue
    var location: String
}

extension Keyword {
    /// Evaluation order on the fast path: cheap checks first; `unevaluated*` stay last.
    var fastRank: Int {
        switch self {
        case .type: return 0
        case .const, .enumeration, .multipleOf, .maximum, .exclusiveMaximum, .minimum, .exclusiveMinimum,
            .maxLength, .minLength, .maxItems, .minItems, .maxProperties, .minProperties, .required,
            .dependentRequired:
            return 1
        case .pattern, .format, .uniqueItems: return 2
        case .ref, .dynamicRef, .contains, .allOf, .anyOf, .oneOf, .not, .conditional, .dependentSchemas, .items,
            .properties, .propertyNames:
            return 3
        case .unevaluatedItems, .unevaluatedProperties: return 4
        }
    }

    /// `properties` with each subschema that is `true` marked `alwaysValid`, for the fast path: no member
    /// value is fetched or evaluated for it. Other keywords are returned as they are.
    func markingAlwaysValid(_ isTrue: (Int) -> Bool) -> Keyword {
        guard case .properties(let p) = self, p.nodes.contains(where: { $0 >= 0 && isTrue($0) }) else { return self }
        return .properties(
            PropertiesSpec(
                names: p.names, nodes: p.nodes.map { $0 >= 0 && isTrue($0) ? PropertiesSpec.alwaysValid : $0 },
                requiredBits: p.requiredBits, requiredCount: p.requiredCount, patterns: p.patterns,
                additional: p.additional, additionalIsFalse: p.additionalIsFalse))
    }

    /// The keyword with every subschema index passed through `f`.
    func mappingNodes(_ f: (Int) -> Int) -> Keyword {
        switch self {
        case .ref(let t): return .ref(f(t))
        case .dynamicRef(let t, let anchor): return .dynamicRef(f(t), anchor: anchor)
        case .contains(let c): return .contains(ContainsSpec(node: f(c.node), min: c.min, max: c.max))
        case .allOf(let ts): return .allOf(ts.map(f))
        case .anyOf(let ts): return .anyOf(ts.map(f))
        case .oneOf(let ts): return .oneOf(ts.map(f))
        case .not(let t): return .not(f(t))
        case .conditional(let c):
            return .conditional(
                ConditionalSpec(condition: f(c.condition), then: c.then.map(f), otherwise: c.otherwise.map(f)))
        case .dependentSchemas(let d): return .dependentSchemas(d.map { ($0.property, f($0.node)) })
        case .items(let i):
            return .items(ItemsSpec(prefix: i.prefix.map(f), items: i.items.map(f), itemsIsFalse: i.itemsIsFalse))
        case .properties(let p):
            return .properties(
                PropertiesSpec(
                    names: p.names, nodes: p.nodes.map { $0 >= 0 ? f($0) : $0 }, requiredBits: p.requiredBits,
                    requiredCount: p.requiredCount, patterns: p.patterns.map { ($0.regex, f($0.node)) },
                    additional: p.additional.map(f), additionalIsFalse: p.additionalIsFalse))
        case .propertyNames(let t): return .propertyNames(f(t))
        case .unevaluatedItems(let t, let isFalse): return .unevaluatedItems(f(t), isFalse: isFalse)
        case .unevaluatedProperties(let t, let isFalse): return .unevaluatedProperties(f(t), isFalse: isFalse)
        default: return self
        }
    }
}
