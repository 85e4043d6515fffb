import JSONSchema
import YAMLTree
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

/// A YAML tree is validated through its nodes' values (`YAMLNode.Value` as the instance, sequences and mappings
/// lent in place): the result must be the one for the same text read as JSON (JSON is YAML's flow style), which
/// does not go through the YAML tree at all.
@Suite struct YAMLInstanceTests {
    static let schema = #"""
        {"type": "object", "required": ["名称", "渠道"], "additionalProperties": false,
         "properties": {
           "名称": {"type": "string", "minLength": 2},
           "渠道": {"type": "array", "uniqueItems": true, "items": {"enum": ["政府网站", "公开查阅点", 1]}},
           "层级": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}},
           "备注": true}}
        """#

    @Test(arguments: [
        #"{"名称": "就业", "渠道": ["政府网站", "公开查阅点"], "层级": [[1, 2], []], "备注": {"a": [1]}}"#,
        #"{"名称": "就业", "渠道": ["政府网站", "政府网站"]}"#,
        #"{"名称": "就业", "渠道": [1, 1.0]}"#,
        #"{"名称": "就业", "渠道": ["政府网站", "其他"]}"#,
        #"{"名称": "就", "渠道": []}"#,
        #"{"名称": "就业", "渠道": [], "层级": [[1], [2, "x"]]}"#,
        #"{"名称": "就业", "渠道": [], "多余": 1}"#,
        #"{"渠道": []}"#,
        #"[1]"#,
    ])
    func yamlAndJSONAgree(text: String) throws {
        let schema = try CompiledSchema.compile(try JSONParser.parse(Self.schema))
        let document = try #require(YAMLParser.parse(text, file: "t.yaml").document)
        let json = try JSONParser.parse(text)
        #expect(schema.isValid(document.root.value) == schema.isValid(json))
        #expect(schema.validate(document.root.value) == schema.validate(json))
        #expect(JSONValue(document.root.value) == json)
    }
}
