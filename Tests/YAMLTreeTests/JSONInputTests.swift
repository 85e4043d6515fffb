import Diagnostics
import Testing
@testable import YAMLTree

/// JSON files go through the same parser: JSON is YAML flow style.
@Suite struct JSONInputTests {
    @Test func ordinaryJSON() throws {
        let text = """
            {
              "格式": "gkml/1",
              "版本": "2024.1",
              "n": 12, "x": -1.5e3, "t": true, "f": false, "z": null,
              "escapes": "引号\\"反斜杠\\\\斜杠\\/换行\\n制表\\t\\u4e2d\\ud83d\\ude00",
              "事项": [
                {"编号": "JY-01-01", "公开层级": ["县级", "乡级"], "空": {}, "空列表": []},
                {"nested": {"a": {"b": [1, 2, {"c": [[]]}]}}}
              ]
            }
            """
        let r = root(text)
        #expect(r.pos == "1:1")
        #expect(r["格式"]?.value == "gkml/1")
        #expect(r["格式"]?.span == "2:9-2:17")
        #expect(r["版本"]?.value == "2024.1")
        #expect(r["n"]?.value == 12)
        #expect(r["x"]?.value == -1500.0)
        #expect(r["t"]?.value == true)
        #expect(r["f"]?.value == false)
        #expect(r["z"]?.isNull == true)
        #expect(r["escapes"]?.string == "引号\"反斜杠\\斜杠/换行\n制表\t中😀")
        let items = try #require(r["事项"]?.sequence)
        #expect(items.count == 2)
        #expect(items[0].pos == "7:5")
        #expect(items[0]["公开层级"]?.sequence?.map(\.keyText) == ["县级", "乡级"])
        #expect(items[0]["空"]?.mapping?.isEmpty == true)
        #expect(items[0]["空列表"]?.sequence?.isEmpty == true)
        #expect(r.node(at: ["事项", "1", "nested", "a", "b", "2", "c", "0"])?.sequence?.isEmpty == true)
        #expect(r.node(at: ["事项", "1", "nested", "a", "b", "1"])?.pos == "8:32")
        // Flow collections end after their closing bracket.
        #expect(r.end == SourcePosition(line: 10, column: 2))
    }

    @Test func compactJSON() throws {
        let r = root(#"{"a":1,"b":[true,null,"x"],"c":{"d":"e"}}"#)
        #expect(r["a"]?.value == 1)
        #expect(r["b"]?.sequence?.count == 3)
        #expect(r["c"]?["d"]?.value == "e")
    }

    @Test func jsonDuplicateKeysAndErrors() throws {
        expectSingle(parse("{\"a\": 1, \"a\": 2}"), "yaml-duplicate-key", at: "1:10")
        expectSingle(parse("{\"a\": [1, 2}\n"), "yaml-unclosed-bracket", at: "1:7")
        expectSingle(parse("{\"a\": \"x}\n"), "yaml-unclosed-quote", at: "1:7")
    }
}

extension JSONInputTests {
    @Test func surrogatePairEscapes() throws {
        // What json.dumps writes for 𠀀 (U+20000) and 😀 by default.
        let text =
            "{\"地区\": \"\\ud840\\udc00村\", \"e\": \"\\uD83D\\uDE00\", \"k\": \"x\", \"lit\": \"\\\\ud840\\\\udc00\"}"
        let r = root(text)
        #expect(r["地区"]?.string == "𠀀村")
        #expect(r["e"]?.string == "😀")
        #expect(r["lit"]?.string == "\\ud840\\udc00")
        // Positions refer to the original text.
        #expect(r["k"]?.pos == "1:51")
        #expect(r.pair("lit")?.key.pos == "1:56")
        // An error after a rewritten pair is at its original column.
        expectSingle(parse("{\"a\": \"\\ud840\\udc00\", \"a\": 1}"), "yaml-duplicate-key", at: "1:23")
        // A lone surrogate is an error of its own, at its backslash, naming the code unit (issue 15).
        let lone = expectSingle(parse("{\"a\": \"\\ud840\"}"), "yaml-lone-surrogate", at: "1:8")
        #expect(lone?.arguments["codepoint"] == "U+D840")
        // Reversed (low then high), a high one followed by a letter, and one after a valid pair on line 2.
        expectSingle(parse("{\"a\": \"\\udca9\\ud83d\"}"), "yaml-lone-surrogate", at: "1:8")
        expectSingle(parse("{\"a\": \"\\ud83dx\"}"), "yaml-lone-surrogate", at: "1:8")
        let second = expectSingle(
            parse("{\"a\": \"\\ud83d\\udca9\",\n \"b\": \"就业\\uDE00\"}"), "yaml-lone-surrogate", at: "2:10")
        #expect(second?.arguments["codepoint"] == "U+DE00")
        // In YAML (not JSON) the escape is not rewritten.
        expectSingle(parse("a: \"\\ud840\\udc00\"\n"), "yaml-bad-escape", at: "1:5")
    }
}

extension JSONInputTests {
    /// Issue 15: a `.json` instance may be any JSON value, a top-level string with a surrogate pair included
    /// (what a JSON Schema test-suite instance can be); positions stay those of the original text.
    @Test func jsonFilesThatAreNotObjectsAcceptSurrogatePairs() throws {
        let top = YAMLParser.parse(Array("\"\\ud83d\\udca9\"".utf8), file: "/data/instance.json")
        #expect(top.findings.isEmpty, "\(top.findings.map(\.code))")
        #expect(top.document?.root.string == "💩")
        let list = YAMLParser.parse(Array("\n  [\"\\ud840\\udc00\", 1, \"x\"]".utf8), file: "/data/list.JSON")
        #expect(list.document?.root.sequence?.map(\.keyText) == ["𠀀", "1", "x"])
        #expect(list.document?.root.sequence?[2].start == SourcePosition(line: 2, column: 23))
        // The lone one in a top-level string.
        let lone = YAMLParser.parse(Array("\n\"ab\\udca9\"".utf8), file: "/data/lone.json")
        #expect(lone.findings.map(\.code) == ["yaml-lone-surrogate"])
        #expect(lone.findings.first?.location.position == SourcePosition(line: 2, column: 4))
        // The same text in a .yaml file stays a YAML bad escape (YAML has \U0001F4A9 for this).
        expectSingle(parse("\"\\ud83d\\udca9\"\n"), "yaml-bad-escape", at: "1:2")
    }
}
