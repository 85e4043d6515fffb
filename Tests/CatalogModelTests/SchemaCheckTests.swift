import JSONSchema
import Testing

@testable import CatalogModel

/// A run compiles the built-in schemas without checking them against their metaschema: this test does that check.
@Suite struct SchemaCheckTests {
    @Test(arguments: ["schemas/catalog.schema.json", "schemas/workspace.schema.json"])
    func builtInSchemaIsValidAgainstItsMetaschema(path: String) throws {
        let schema = try SchemaCheck.builtInSchema(path)
        #expect(throws: Never.self) { try CompiledSchema.compile(schema) }
    }
}
