/// A JSON Schema (draft 2020-12), compiled once and then used to validate any number of instances,
/// from any number of threads at once.
///
/// ```swift
/// let schema = try CompiledSchema.compile(try JSONParser.parse(text))
/// if !schema.isValid(instance) {
///     for error in schema.validate(instance).errors { print(error) }
/// }
/// ```
public struct CompiledSchema: Sendable {
    @usableFromInline let storage: SchemaStorage

    init(storage: SchemaStorage) { self.storage = storage }

    /// Compiles a schema: checks it against its metaschema (unless `options.validateSchema` is off),
    /// resolves every `$ref` and `$dynamicRef` target (through `registry`), and compiles its regexes.
    ///
    /// - Throws: `SchemaError` when the schema is invalid, a reference cannot be resolved, a pattern is
    ///   not an ECMA-262 regex, or `$ref`s form a loop that would never end.
    public static func compile(
        _ schema: JSONValue, registry: SchemaRegistry = SchemaRegistry(),
        options: CompileOptions = CompileOptions()
    ) throws(SchemaError) -> CompiledSchema {
        var compiler = SchemaCompiler(registry: registry, options: options)
        if options.validateSchema { try compiler.checkAgainstMetaschema(schema) }
        let doc = compiler.index.add(schema, uri: options.baseURI)
        let root = try compiler.node(at: SchemaLocation(doc: doc, pointer: ""))
        try compiler.checkLoops()
        return CompiledSchema(storage: compiler.finish(root: root, rootValue: schema, rootURI: options.baseURI))
    }

    /// Compiles the registered schema (or embedded resource, or built-in metaschema) with this URI.
    public static func compile(
        uri: String, registry: SchemaRegistry,
        options: CompileOptions = CompileOptions()
    ) throws(SchemaError) -> CompiledSchema {
        var compiler = SchemaCompiler(registry: registry, options: options)
        let loc = try compiler.locate(URIReference(uri), reference: uri, at: "(compile)")
        let value = compiler.index.value(at: loc) ?? .null
        if options.validateSchema { try compiler.checkAgainstMetaschema(value) }
        let root = try compiler.node(at: loc)
        try compiler.checkLoops()
        return CompiledSchema(storage: compiler.finish(root: root, rootValue: value, rootURI: uri))
    }

    /// The draft 2020-12 metaschema, compiled: `CompiledSchema.metaschema.validate(someSchema)`.
    public static var metaschema: CompiledSchema {
        get throws(SchemaError) { try BuiltinMetaschemas.compiled2020.get() }
    }

    /// Checks a schema against the 2020-12 metaschema (or the metaschema its `$schema` names) without
    /// compiling it. Returns the metaschema's errors; empty when the schema is valid.
    public static func metaschemaErrors(of schema: JSONValue, registry: SchemaRegistry = SchemaRegistry())
        throws(SchemaError) -> [ValidationError]
    {
        var compiler = SchemaCompiler(registry: registry, options: CompileOptions())
        do {
            try compiler.checkAgainstMetaschema(schema)
            return []
        } catch {
            if case .invalidSchema(_, let errors) = error { return errors }
            throw error
        }
    }

    /// The schema as given.
    public var schema: JSONValue { storage.rootValue }

    /// The base URI of the schema.
    public var baseURI: String { storage.rootURI }

    /// Whether `instance` is valid. Builds no error objects: use it on the hot path.
    @inlinable
    public func isValid<I: JSONInstance>(_ instance: I) -> Bool {
        var evaluator = Evaluator<I>(storage: storage, collecting: false)
        return evaluator.eval(storage.root, instance, nil)
    }

    /// Validates `instance` and returns every error, in a deterministic order. Valid instances take
    /// the fast path (`isValid`); errors are only built for invalid ones.
    @inlinable
    public func validate<I: JSONInstance>(_ instance: I) -> ValidationResult {
        if isValid(instance) { return .valid }
        var evaluator = Evaluator<I>(storage: storage, collecting: true)
        let ok = evaluator.eval(storage.root, instance, nil)
        if ok || evaluator.errors.isEmpty {
            // Cannot happen for a deterministic schema; never report an invalid instance as valid.
            let node = storage.nodes[storage.root]
            return ValidationResult(errors: [
                ValidationError(
                    instanceLocation: .root, keywordLocation: .root, absoluteKeywordLocation: node.location,
                    keyword: "", detail: .falseSchema, subschema: node.value)
            ])
        }
        return ValidationResult(errors: evaluator.errors)
    }
}
