import Foundation
import Testing

@testable import JSONSchema

private func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

@Suite struct ErrorReportingTests {
    static let catalogSchema = #"""
        {
          "$id": "https://example.com/catalog.json",
          "type": "object",
          "required": ["格式", "事项"],
          "properties": {
            "格式": {"title": "格式", "enum": ["gkml/1"]},
            "事项": {"type": "array", "items": {"$ref": "#/$defs/item"}},
            "版本": {"type": "string"}
          },
          "additionalProperties": false,
          "$defs": {
            "item": {
              "title": "事项",
              "type": "object",
              "required": ["编号", "名称"],
              "properties": {
                "编号": {"title": "编号", "type": "string", "pattern": "^[A-Z]{2}-[0-9]{2}$"},
                "名称": {"title": "名称", "type": "string", "minLength": 1}
              }
            }
          }
        }
        """#

    @Test func locationsAndDetails() throws {
        let schema = try CompiledSchema.compile(try json(Self.catalogSchema))
        let instance = try json(
            #"{"格式": "gkml/2", "事项": [{"编号": "JY-1"}, {"编号": "JY-01", "名称": ""}], "版本": 2024, "多余": 1}"#)
        #expect(!schema.isValid(instance))
        let errors = schema.validate(instance).errors
        try #require(errors.count == 6)

        #expect(errors[0].instanceLocation.description == "/格式")
        #expect(errors[0].keywordLocation.description == "/properties/格式/enum")
        #expect(errors[0].detail == .enumeration(allowed: ["gkml/1"]))
        #expect(errors[0].subschema["title"] == "格式")

        let required = errors[1]
        #expect(required.instanceLocation.tokens == ["事项", "0"])
        #expect(required.instancePath == ["事项", "0"])
        #expect(required.keyword == "required")
        #expect(required.keywordLocation.description == "/properties/事项/items/$ref/required")
        #expect(required.absoluteKeywordLocation == "https://example.com/catalog.json#/$defs/item/required")
        #expect(required.detail == .required(missing: ["名称"]))
        #expect(required.subschema["title"] == "事项")
        #expect(required.subschema["properties"]?["名称"]?["title"] == "名称")

        #expect(errors[2].instanceLocation.description == "/事项/0/编号")
        #expect(errors[2].detail == .pattern(pattern: "^[A-Z]{2}-[0-9]{2}$", actual: "JY-1"))
        #expect(
            errors[2].absoluteKeywordLocation == "https://example.com/catalog.json#/$defs/item/properties/编号/pattern")

        #expect(errors[3].instanceLocation.description == "/事项/1/名称")
        #expect(errors[3].detail == .minLength(limit: 1, actual: 0))

        #expect(errors[4].instanceLocation.description == "/版本")
        #expect(errors[4].detail == .type(expected: ["string"], actual: "integer"))

        #expect(errors[5].instanceLocation.isEmpty)
        #expect(errors[5].keywordLocation.description == "/additionalProperties")
        #expect(errors[5].detail == .additionalProperties(unexpected: ["多余"]))

        // Deterministic: the same instance gives the same errors.
        #expect(schema.validate(instance).errors == errors)
    }

    @Test func validInstanceHasNoErrors() throws {
        let schema = try CompiledSchema.compile(try json(Self.catalogSchema))
        let instance = try json(#"{"格式": "gkml/1", "事项": [{"编号": "JY-01", "名称": "就业"}]}"#)
        #expect(schema.isValid(instance))
        #expect(schema.validate(instance) == .valid)
    }

    @Test func anyOfKeepsBranches() throws {
        let schema = try CompiledSchema.compile(
            try json(
                #"""
                {"anyOf": [{"type": "string"}, {"properties": {"a": {"properties": {"b": {"type": "string"}}}}}]}
                """#))
        let errors = schema.validate(try json(#"{"a": {"b": 1}}"#)).errors
        #expect(errors.count == 1)
        let e = try #require(errors.first)
        #expect(e.detail == .anyOf)
        #expect(e.keywordLocation.description == "/anyOf")
        #expect(e.branches.count == 2)
        #expect(e.branches[0].first?.keywordLocation.description == "/anyOf/0/type")
        #expect(e.branches[1].first?.instanceLocation.description == "/a/b")
        #expect(e.branches[1].first?.keywordLocation.description == "/anyOf/1/properties/a/properties/b/type")
        #expect(e.closestBranch?.index == 1)
    }

    @Test func oneOfReportsWhichBranchesMatched() throws {
        let schema = try CompiledSchema.compile(try json(#"{"oneOf": [{"type": "integer"}, {"minimum": 0}]}"#))
        let e = try #require(schema.validate(JSONValue(5)).errors.first)
        #expect(e.detail == .oneOf(matching: [0, 1]))
        #expect(e.branches.isEmpty)
        let none = try #require(schema.validate(JSONValue(-1.5)).errors.first)
        #expect(none.detail == .oneOf(matching: []))
        #expect(none.branches.count == 2)
    }

    @Test func ifThenElseReportsTheBranchErrors() throws {
        let schema = try CompiledSchema.compile(
            try json(
                #"""
                {"if": {"properties": {"公开方式": {"const": "依申请"}}, "required": ["公开方式"]},
                 "then": {"required": ["不主动公开理由"]},
                 "else": {"properties": {"公开方式": {"const": "主动"}}}}
                """#))
        let thenError = try #require(schema.validate(try json(#"{"公开方式": "依申请"}"#)).errors.first)
        #expect(thenError.keywordLocation.description == "/then/required")
        #expect(thenError.detail == .required(missing: ["不主动公开理由"]))
        let elseError = try #require(schema.validate(try json(#"{"公开方式": "其他"}"#)).errors.first)
        #expect(elseError.keywordLocation.description == "/else/properties/公开方式/const")
        #expect(elseError.detail == .const(expected: "主动"))
    }

    @Test func otherDetails() throws {
        func firstError(_ schema: String, _ instance: String) throws -> ValidationError? {
            try CompiledSchema.compile(try json(schema)).validate(try json(instance)).errors.first
        }
        #expect(try firstError(#"{"maxItems": 1}"#, "[1, 2]")?.detail == .maxItems(limit: 1, actual: 2))
        #expect(try firstError(#"{"uniqueItems": true}"#, "[1, 2, 1.0]")?.detail == .uniqueItems(duplicates: [0, 2]))
        #expect(
            try firstError(#"{"contains": {"type": "string"}, "minContains": 2}"#, #"["a", 1]"#)?.detail
                == .contains(minContains: 2, maxContains: nil, matches: 1))
        #expect(try firstError(#"{"contains": {"type": "string"}}"#, "[1]")?.keyword == "contains")
        #expect(
            try firstError(#"{"contains": {"type": "string"}, "maxContains": 1}"#, #"["a", "b"]"#)?.keyword
                == "maxContains")
        #expect(
            try firstError(#"{"multipleOf": 0.5}"#, "1.25")?.detail
                == .multipleOf(divisor: .double(0.5), actual: .double(1.25)))
        #expect(
            try firstError(#"{"exclusiveMinimum": 0}"#, "0")?.detail
                == .exclusiveMinimum(limit: .int(0), actual: .int(0)))
        #expect(
            try firstError(#"{"dependentRequired": {"a": ["b", "c"]}}"#, #"{"a": 1, "c": 2}"#)?.detail
                == .dependentRequired(property: "a", missing: ["b"]))
        #expect(try firstError(#"{"not": {"type": "string"}}"#, #""x""#)?.detail == .not)
        #expect(try firstError(#"{"properties": {"a": false}}"#, #"{"a": 1}"#)?.detail == .falseSchema)
        #expect(
            try firstError(#"{"properties": {"a": false}}"#, #"{"a": 1}"#)?.keywordLocation.description
                == "/properties/a")
        #expect(
            try firstError(#"{"prefixItems": [{}], "items": false}"#, "[1, 2, 3]")?.detail
                == .additionalItems(unexpected: [1, 2]))
        #expect(
            try firstError(#"{"unevaluatedProperties": false, "properties": {"a": {}}}"#, #"{"a": 1, "b": 2}"#)?.detail
                == .unevaluatedProperties(unexpected: ["b"]))
        let nameError = try firstError(#"{"propertyNames": {"maxLength": 2}}"#, #"{"abc": 1}"#)
        #expect(nameError?.detail == .propertyName(name: "abc"))
        #expect(nameError?.branches.first?.first?.detail == .maxLength(limit: 2, actual: 3))
        #expect(try firstError(#"{"minLength": 2}"#, #""🐲""#)?.detail == .minLength(limit: 2, actual: 1))
    }

    @Test func formatIsAnAnnotationUnlessAsserted() throws {
        let schema = try json(#"{"format": "date"}"#)
        #expect(try CompiledSchema.compile(schema).isValid(JSONValue("2024-13-01")))
        let asserting = try CompiledSchema.compile(schema, options: CompileOptions(formatAssertion: true))
        #expect(!asserting.isValid(JSONValue("2024-13-01")))
        #expect(asserting.isValid(JSONValue("2024-02-29")))
        #expect(
            asserting.validate(JSONValue("2023-02-29")).errors.first?.detail
                == .format(format: "date", actual: "2023-02-29"))
    }

    @Test func stringsCompareByCodePoint() throws {
        let schema = try CompiledSchema.compile(try json(#"{"enum": ["\u00e9"]}"#))
        #expect(schema.isValid(JSONValue("\u{e9}")))
        #expect(!schema.isValid(JSONValue("e\u{301}")))
        let required = try CompiledSchema.compile(try json(#"{"required": ["\u00e9"]}"#))
        #expect(!required.isValid(JSONValue.object(["e\u{301}": 1])))
    }
}

@Suite struct SchemaCheckingTests {
    @Test func invalidSchemaAgainstTheMetaschema() throws {
        #expect {
            try CompiledSchema.compile(try json(#"{"type": "strin"}"#))
        } throws: { error in
            guard case SchemaError.invalidSchema(let meta, let errors) = error else { return false }
            return meta == "https://json-schema.org/draft/2020-12/schema"
                && errors.contains { $0.instanceLocation.description == "/type" }
        }
        let errors = try CompiledSchema.metaschemaErrors(of: try json(#"{"properties": {"a": {"minLength": -1}}}"#))
        #expect(errors.contains { $0.instanceLocation.description == "/properties/a/minLength" })
        #expect(try CompiledSchema.metaschemaErrors(of: try json(#"{"type": "string"}"#)).isEmpty)
        // The metaschema itself is a compiled schema.
        #expect(try CompiledSchema.metaschema.isValid(try json(#"{"$defs": {"x": true}}"#)))
    }

    @Test func otherCompileErrors() throws {
        #expect(
            throws: SchemaError.unresolvedReference(
                reference: "#/$defs/missing", location: "https://gkml.invalid/schema.json#/$ref")
        ) {
            try CompiledSchema.compile(try json(##"{"$ref": "#/$defs/missing"}"##))
        }
        #expect {
            try CompiledSchema.compile(try json(#"{"pattern": "(?i)x"}"#))
        } throws: { error in
            if case SchemaError.invalidRegex(let p, _, _) = error { return p == "(?i)x" }
            return false
        }
        #expect {
            try CompiledSchema.compile(
                try json(
                    ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##
                ))
        } throws: { error in
            if case SchemaError.infiniteLoop = error { return true }
            return false
        }
        #expect(throws: SchemaError.unsupportedDialect(uri: "http://json-schema.org/draft-07/schema#")) {
            try CompiledSchema.compile(try json(#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#))
        }
        // Without the metaschema check, a bad keyword value is still a clear error, not a crash.
        #expect {
            try CompiledSchema.compile(try json(#"{"minLength": "x"}"#), options: CompileOptions(validateSchema: false))
        } throws: { error in
            if case SchemaError.invalidKeyword(let k, _, _) = error { return k == "minLength" }
            return false
        }
    }

    @Test func embeddedMetaschemasMatchTheResourceFiles() throws {
        let folder = try #require(Bundle.module.url(forResource: "Metaschemas", withExtension: nil))
        #expect(EmbeddedMetaschemas.files.count == 9)
        for file in EmbeddedMetaschemas.files {
            let text = try String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(try JSONParser.parse(text) == JSONParser.parse(file.text), "\(file.path) differs from the resource")
        }
    }
}

@Suite struct CompileOnceTests {
    @Test func validateManyFromManyThreads() throws {
        let schema = try CompiledSchema.compile(try json(ErrorReportingTests.catalogSchema))
        let good = try json(#"{"格式": "gkml/1", "事项": [{"编号": "JY-01", "名称": "就业"}]}"#)
        let bad = try json(#"{"格式": "gkml/1", "事项": [{"编号": "JY-1", "名称": "就业"}]}"#)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 400) { i in
            let instance = i % 2 == 0 ? good : bad
            let valid = schema.isValid(instance)
            let errors = schema.validate(instance).errors
            results.add(valid: valid, errorCount: errors.count)
        }
        #expect(results.valid == 200)
        #expect(results.errors == 200)
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var valid = 0
        private(set) var errors = 0
        func add(valid: Bool, errorCount: Int) {
            lock.lock()
            if valid { self.valid += 1 }
            errors += errorCount
            lock.unlock()
        }
    }

    /// A tree type of another shape than `JSONValue`, as the YAML module's nodes are.
    final class Tree: JSONInstance, @unchecked Sendable {
        typealias Members = JSONMemberArray<Tree>
        let kind: JSONInstanceKind<Tree>
        init(_ v: JSONValue) {
            switch v {
            case .null: kind = .null
            case .bool(let b): kind = .bool(b)
            case .number(let n): kind = .number(n)
            case .string(let s): kind = .string(s)
            case .array(let a): kind = .array(a.map(Tree.init))
            case .object(let o): kind = .object(JSONMemberArray(o.members.map { (key: $0.key, value: Tree($0.value)) }))
            }
        }
        var jsonKind: JSONInstanceKind<Tree> { kind }
    }

    @Test func genericInstances() throws {
        let schema = try CompiledSchema.compile(try json(ErrorReportingTests.catalogSchema))
        let instance = try json(
            #"{"格式": "gkml/2", "事项": [{"编号": "JY-1"}, {"编号": "JY-01", "名称": ""}], "版本": 2024, "多余": 1}"#)
        #expect(schema.validate(Tree(instance)) == schema.validate(instance))
        #expect(JSONValue(Tree(instance)) == instance)
    }

    @Test func deepRecursionIsAnErrorNotACrash() throws {
        let schema = try CompiledSchema.compile(try json(##"{"items": {"$ref": "#"}}"##))
        var deep: JSONValue = []
        for _ in 0..<1000 { deep = [deep] }
        #expect(!schema.isValid(deep))
        #expect(schema.validate(deep).errors.first?.detail == .depthLimitExceeded)
        var shallow: JSONValue = []
        for _ in 0..<100 { shallow = [shallow] }
        #expect(schema.isValid(shallow))
    }
}

@Suite struct RemoteReferenceTests {
    @Test func resolverClosure() throws {
        let calls = Counter()
        let registry = SchemaRegistry(resolver: { url in
            calls.increment()
            switch url.absoluteString {
            case "https://example.org/schemas/item.json": return ["type": "integer"]
            case "https://example.org/schemas/defs.json":
                return ["$defs": ["name": ["type": "string", "minLength": 1]]]
            default: return nil
            }
        })
        let schema = try CompiledSchema.compile(
            try json(
                #"""
                {"$id": "https://example.org/schemas/root.json",
                 "properties": {"n": {"$ref": "item.json"}, "name": {"$ref": "defs.json#/$defs/name"}}}
                """#), registry: registry)
        #expect(schema.isValid(try json(#"{"n": 1, "name": "x"}"#)))
        #expect(!schema.isValid(try json(#"{"n": "1"}"#)))
        let error = try #require(schema.validate(try json(#"{"name": ""}"#)).errors.first)
        #expect(error.absoluteKeywordLocation == "https://example.org/schemas/defs.json#/$defs/name/minLength")
        #expect(error.keywordLocation.description == "/properties/name/$ref/minLength")
        #expect(calls.value == 2)

        #expect(
            throws: SchemaError.unresolvedReference(
                reference: "other.json", location: "https://example.org/schemas/root.json#/$ref")
        ) {
            try CompiledSchema.compile(
                try json(#"{"$id": "https://example.org/schemas/root.json", "$ref": "other.json"}"#), registry: registry
            )
        }
    }

    @Test func registeredDocuments() throws {
        var registry = SchemaRegistry()
        try registry.register(jsonText: #"{"$defs": {"level": {"enum": ["县级", "乡级"]}}}"#, uri: "urn:gkml:common")
        #expect(registry.contains(uri: "urn:gkml:common"))
        let schema = try CompiledSchema.compile(
            try json(#"{"items": {"$ref": "urn:gkml:common#/$defs/level"}}"#), registry: registry)
        #expect(schema.isValid(try json(#"["县级"]"#)))
        #expect(!schema.isValid(try json(#"["省级"]"#)))
        // Compile a registered document by its URI.
        let byURI = try CompiledSchema.compile(uri: "urn:gkml:common#/$defs/level", registry: registry)
        #expect(byURI.isValid(JSONValue("乡级")))
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
        func increment() { lock.lock(); count += 1; lock.unlock() }
    }
}

@Suite struct JSONValueTests {
    @Test func parsing() throws {
        let v = try json(
            #"{"b": 1, "a": 1.0, "c": [true, null, "x\u00e9\ud83d\ude00"], "big": 123456789012345678901234567890}"#)
        #expect(v.objectValue?.keys == ["b", "a", "c", "big"])
        #expect(v["b"]?.numberValue == .int(1))
        #expect(v["a"]?.numberValue == .double(1.0))
        #expect(v["c"]?[2] == "xé😀")
        #expect(v["big"]?.numberValue?.isInteger == true)
        #expect(v["b"] == v["a"])  // 1 == 1.0
        #expect(try json(#"{"x": 1, "y": 2}"#) == json(#"{"y": 2, "x": 1.0}"#))
        #expect(
            Set([try json("1"), try json("1.0"), try json(#"{"a":1,"b":2}"#), try json(#"{"b":2,"a":1}"#)]).count == 2)
        #expect(try json("\u{FEFF}[1]") == [1])
        #expect(v.description == #"{"b":1,"a":1.0,"c":[true,null,"xé😀"],"big":1.2345678901234568e+29}"#)
    }

    @Test func parseErrorsHaveLineAndColumn() {
        func error(_ text: String) -> JSONParseError? {
            do { _ = try JSONParser.parse(text); return nil } catch { return error }
        }
        let e1 = error("{\n  \"a\": 1,\n  \"b\": tru\n}")
        #expect(e1?.line == 3)
        #expect(e1?.column == 8)
        let e2 = error("{\"名称\": 1, \"名称\": 2}")
        #expect(e2?.message.contains("duplicate") == true)
        #expect(e2?.column == 11)
        #expect(error("[1,]") != nil)
        #expect(error("01") != nil)
        #expect(error("\"a\tb\"") != nil)
        #expect(error("[1] x") != nil)
        #expect(error("1e400") != nil)
        var deep = ""
        for _ in 0..<600 { deep += "[" }
        #expect(error(deep)?.message.contains("nesting") == true)
    }
}
