import Testing

@testable import JSONSchema

private func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

/// The fast path (`isValid`) has its own lookups and shortcuts: property names by fingerprint, `required` by
/// table, `true` subschemas skipped, schema nodes read as flat facts. Each must agree with the full path.
@Suite struct FastPathTests {
    /// `isValid` and `validate` over the same instance, which must agree.
    private func check(_ schema: CompiledSchema, _ instance: JSONValue) -> Bool {
        let fast = schema.isValid(instance)
        #expect(fast == schema.validate(instance).isValid, "paths disagree on \(instance)")
        return fast
    }

    @Test func stringTableFindsNamesOfEveryLength() {
        // Under 8 bytes (packed), 8 to 16 (first and last 8 bytes are the whole name), longer (compared in full).
        let names = [
            "", "a", "名称", "abcdefg", "abcdefgh", "公开依据", "一二三四五", "一二三四五六", "0123456789abcdefX", "0123456789abcdefY",
            "0123456789abcdef-middle-0123456789abcdef",
        ]
        let table = StringTable(names)
        for (i, name) in names.enumerated() {
            #expect(table.index(of: name) == i, "\(name)")
            #expect(table.key(i, is: name))
        }
        // Same length, first and last 8 bytes as a key, different in the middle: not that key.
        #expect(table.index(of: "0123456789abcdef-MIDDLE-0123456789abcdef") == nil)
        #expect(!table.key(10, is: "0123456789abcdef-MIDDLE-0123456789abcdef"))
        #expect(table.index(of: "名") == nil)
        #expect(table.index(of: "abcdefgh ") == nil)
        // Code points, not canonical equivalence.
        let composed = StringTable(["caf\u{E9}"])
        #expect(composed.index(of: "cafe\u{301}") == nil)
        #expect(composed.index(of: "caf\u{E9}") == 0)
    }

    @Test func longPropertyNamesAreComparedInFull() throws {
        let long = "0123456789abcdef-middle-0123456789abcdef"
        let schema = try CompiledSchema.compile(
            try json(#"{"properties": {"\#(long)": {"type": "string"}}, "additionalProperties": false}"#))
        #expect(check(schema, try json(#"{"\#(long)": "x"}"#)))
        #expect(!check(schema, try json(#"{"\#(long)": 1}"#)))
        #expect(!check(schema, try json(#"{"0123456789abcdef-MIDDLE-0123456789abcdef": "x"}"#)))
    }

    @Test func requiredNamesAreAllNeeded() throws {
        let one = try CompiledSchema.compile(try json(#"{"required": ["公开依据"]}"#))
        #expect(check(one, try json(#"{"名称": 1, "公开依据": 2}"#)))
        #expect(!check(one, try json(#"{"名称": 1, "公开时限": 2}"#)))
        #expect(check(one, try json(#"[1]"#)))
        // Repeated names count once; a member named twice does not make up for a missing one.
        // (The metaschema forbids repeats; a schema compiled without that check may still have them.)
        let three = try CompiledSchema.compile(
            try json(#"{"required": ["a", "b", "a", "c"]}"#), options: CompileOptions(validateSchema: false))
        #expect(check(three, try json(#"{"c": 1, "b": 2, "a": 3}"#)))
        let repeated = JSONObject([(key: "a", value: .null), (key: "b", value: .null), (key: "a", value: .null)])
        #expect(!check(three, .object(repeated)))
        #expect(!check(three, try json(#"{"a": 1, "b": 2, "d": 3}"#)))
        // More names than the bit mask holds.
        let names = (0..<70).map { "k\($0)" }
        let many = try CompiledSchema.compile(
            .object(JSONObject([(key: "required", value: .array(names.map { .string($0) }))])))
        let all = JSONValue.object(JSONObject(names.map { (key: $0, value: .null) }))
        #expect(check(many, all))
        #expect(!check(many, .object(JSONObject(names.dropLast().map { (key: $0, value: .null) }))))
    }

    @Test func trueSubschemasMatchWithoutEvaluation() throws {
        let schema = try CompiledSchema.compile(
            try json(
                #"{"properties": {"a": true, "b": false, "c": {"type": "string"}}, "additionalProperties": false}"#))
        #expect(check(schema, try json(#"{"a": [1, {"x": null}], "c": "x"}"#)))
        // `a` counts as matched: not reported by additionalProperties.
        #expect(schema.validate(try json(#"{"a": 1, "z": 2}"#)).errors.map(\.keyword) == ["additionalProperties"])
        #expect(!check(schema, try json(#"{"a": 1, "b": 2}"#)))
        #expect(!check(schema, try json(#"{"a": 1, "z": 2}"#)))
        // Merged with `required`: a required name whose subschema is `true` is still required.
        let required = try CompiledSchema.compile(try json(#"{"properties": {"a": true}, "required": ["a"]}"#))
        #expect(check(required, try json(#"{"a": null}"#)))
        #expect(!check(required, try json(#"{"b": null}"#)))
    }

    /// The fast path finds an object's member names once (`findMemberNames`) and every `properties` and `required` of
    /// the object reads them from there; a member's value that is itself an object replaces the memo mid-loop.
    @Test func memberNamesAreFoundOncePerObject() throws {
        let schema = try CompiledSchema.compile(
            try json(
                #"""
                {"properties": {"inner": {"properties": {"x": {"type": "integer"}, "y": true},
                                          "additionalProperties": false},
                                "名称": {"type": "string"}, "n": {"type": "integer"}},
                 "required": ["n"], "additionalProperties": false,
                 "allOf": [{"properties": {"n": {"minimum": 1}}},
                           {"if": {"required": ["名称"]}, "then": {"required": ["n", "inner"]}}]}
                """#))
        // `n` comes after `inner`, whose names replaced the memo: it must still be found as `n`.
        #expect(check(schema, try json(#"{"inner": {"x": 1, "y": 2}, "n": 3}"#)))
        #expect(check(schema, try json(#"{"inner": {"y": "a"}, "名称": "a", "n": 1}"#)))
        #expect(!check(schema, try json(#"{"inner": {"x": "a"}, "n": 3}"#)))
        #expect(!check(schema, try json(#"{"inner": {"z": 1}, "n": 3}"#)))
        #expect(!check(schema, try json(#"{"inner": {}, "n": 0}"#)))
        #expect(!check(schema, try json(#"{"inner": {}, "m": 1}"#)))
        // `then: required` reads the memo `properties` left for this object.
        #expect(!check(schema, try json(#"{"名称": "a", "n": 1}"#)))
        #expect(check(schema, try json(#"{"n": 1}"#)))
        // Copies of one object share their storage (and names); equal names in different storage are found again.
        let item = try json(#"{"inner": {"x": 1}, "n": 2}"#)
        let list = try CompiledSchema.compile(
            try json(##"{"items": {"$ref": "#/$defs/o"}, "$defs": {"o": \##(schema.schema)}}"##))
        #expect(check(list, .array([item, item, try json(#"{"inner": {"x": 1}, "n": 2}"#)])))
        #expect(!check(list, .array([item, item, try json(#"{"inner": {"x": 1}, "n": -2}"#)])))
    }

    /// `patternProperties` and `additionalProperties` see the member's name on the memo's path too.
    @Test func patternsAndAdditionalMembersByName() throws {
        let schema = try CompiledSchema.compile(
            try json(
                #"{"properties": {"a": {"type": "integer"}}, "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": {"type": "boolean"}, "required": ["a"]}"#
            ))
        #expect(check(schema, try json(#"{"a": 1, "x-b": "s", "c": true}"#)))
        #expect(!check(schema, try json(#"{"a": 1, "x-b": 2}"#)))
        #expect(!check(schema, try json(#"{"a": 1, "c": 2}"#)))
        #expect(!check(schema, try json(#"{"x-b": "s"}"#)))
    }

    @Test func booleanAndNestedSchemasOnTheFastPath() throws {
        #expect(!check(try CompiledSchema.compile(.bool(false)), .null))
        #expect(check(try CompiledSchema.compile(.bool(true)), .null))
        let schema = try CompiledSchema.compile(
            try json(
                ##"{"allOf": [{"$ref": "#/$defs/n"}, true], "$defs": {"n": {"type": "array", "items": {"allOf": [{"minimum": 1}, {"not": false}]}}}}"##
            ))
        #expect(check(schema, try json("[1, 2, 3]")))
        #expect(!check(schema, try json("[1, 0, 3]")))
        #expect(!check(schema, try json(#"{"a": 1}"#)))
    }
}
