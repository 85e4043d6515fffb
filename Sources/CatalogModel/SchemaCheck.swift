import Diagnostics
import JSONSchema
import YAMLTree

/// Validates YAML trees against a compiled JSON Schema and turns the errors into findings. The built-in
/// catalog and workspace schemas are compiled once, on first use, from the copies embedded in the binary.
public struct SchemaCheck: Sendable {
    public let schema: CompiledSchema
    /// What the checked files are called in messages.
    let documentName: LocalizedText

    public init(schema: CompiledSchema, documentName: LocalizedText = LocalizedText(zh: "文件", en: "file")) {
        self.schema = schema
        self.documentName = documentName
    }

    public static let catalog = builtIn(
        "schemas/catalog.schema.json", name: LocalizedText(zh: "目录文件", en: "catalog file"))
    public static let workspace = builtIn(
        "schemas/workspace.schema.json", name: LocalizedText(zh: "工作区文件 gkml.yaml", en: "workspace file gkml.yaml"))

    /// The built-in schemas are tested to compile and to be valid against their metaschema
    /// (`SchemaCheckTests`); failing here would mean a broken build, not bad input. So every run does not check
    /// them against the metaschema again (a fixed cost at start-up, before any file is read in parallel).
    static func builtIn(_ path: String, name: LocalizedText) -> SchemaCheck {
        do {
            let value = try builtInSchema(path)
            return SchemaCheck(
                schema: try CompiledSchema.compile(value, options: CompileOptions(validateSchema: false)),
                documentName: name)
        } catch {
            preconditionFailure("built-in schema \(path) does not compile: \(error)")
        }
    }

    /// A built-in schema's JSON, as embedded.
    static func builtInSchema(_ path: String) throws -> JSONValue {
        try JSONParser.parse(EmbeddedResources.files[path] ?? "")
    }

    public func check(_ document: YAMLDocument) -> [Finding] {
        // validate() takes the fast path itself and builds errors only for an invalid tree.
        let errors = schema.validate(document.root.value).errors
        guard !errors.isEmpty else { return [] }
        return SchemaErrorTranslator(document: document, documentName: documentName).findings(errors)
    }
}
