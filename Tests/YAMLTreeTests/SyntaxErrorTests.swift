import Diagnostics
import Testing
@testable import YAMLTree

/// Each bad input gives one finding with an exact line:column and a plain message.
@Suite struct SyntaxErrorTests {
    @Test func tabIndentation() throws {
        let f = try #require(expectSingle(parse("名称: a\n\t编号: b\n"), "yaml-tab-indent", at: "2:1"))
        #expect(f.message(.zh) == "缩进不能使用制表符（Tab），请改用空格")
        #expect(f.arguments["problem"] != nil)
        #expect(f.notes.first?.en.hasPrefix("libyaml: ") == true)
        expectSingle(parse("a:\n\tb: 2\n"), "yaml-tab-indent", at: "2:1")
        expectSingle(parse("a:\n  b: 1\n  \tc: 2\n"), "yaml-tab-indent", at: "3:3")
        expectSingle(parse("\ta: 1\n"), "yaml-tab-indent", at: "1:1")
        expectSingle(parse("a:\r\n  b: 1\r\n\tc: 2\r\n"), "yaml-tab-indent", at: "3:1")
    }

    @Test func tabsInsideFlowCollectionsAreFine() throws {
        let r = root("{\n\t\"a\": [\n\t\t1,\n\t\t2\n\t]\n}\n")
        #expect(r["a"]?.sequence?.count == 2)
        #expect(r["a"]?.sequence?.last?.pos == "4:3")
        // And an error in tab-indented JSON is not blamed on the tabs.
        let result = parse("{\n\t\"a\": [\n\t\t1\n\t\t2\n\t]\n}\n")
        #expect(result.findings.first?.code != "yaml-tab-indent")
    }

    @Test func unclosedQuote() throws {
        let f = try #require(expectSingle(parse("名称: \"就业政策\n编号: b\n"), "yaml-unclosed-quote", at: "1:5"))
        #expect(f.arguments["quote"] == "\"")
        #expect(f.message(.zh).contains("\""))
        expectSingle(parse("a: x\nb: '就业\nc: 2\n"), "yaml-unclosed-quote", at: "2:4")
        expectSingle(parse("- \"a\n---\nb\n"), "yaml-unclosed-quote", at: "1:3")
    }

    @Test func badIndentation() throws {
        // A key less indented than its siblings, as near to them as to the parent: align with the line above.
        let f = try #require(expectSingle(parse("a:\n  b: 1\n c: 2\n"), "yaml-bad-indent", at: "3:2"))
        #expect(f.arguments["siblingLine"] == "2")
        #expect(f.arguments["siblingColumn"] == "3")
        #expect(f.arguments["column"] == "2")
        // Nearer the parent: align with the parent.
        let f2 = try #require(expectSingle(parse("a:\n    b: 1\n c: 2\n"), "yaml-bad-indent", at: "3:2"))
        #expect(f2.arguments["siblingLine"] == "1")
        #expect(f2.arguments["siblingColumn"] == "1")
        // A key more indented than its siblings.
        let g = try #require(expectSingle(parse("a:\n  b: 1\n   c: 2\n"), "yaml-bad-indent", at: "3:4"))
        #expect(g.arguments["siblingLine"] == "2")
        #expect(g.arguments["siblingColumn"] == "3")
        expectSingle(parse("格式: gkml/1\n  领域: 就业\n"), "yaml-bad-indent", at: "2:3")
        // A list item that does not line up with the list.
        let h = try #require(expectSingle(parse("事项:\n  - 甲\n  乙: 1\n"), "yaml-bad-indent", at: "3:3"))
        #expect(h.arguments["siblingLine"] == "2")
        // A key at the dashes' column that the item above does not have: it belongs to that item, whose keys
        // start after its `- ` — never "should start in the column it starts in".
        let k = try #require(expectSingle(parse("事项:\n  - 编号: 1\n  名称: x\n"), "yaml-bad-indent", at: "3:3"))
        #expect(k.arguments["siblingLine"] == "2")
        #expect(k.arguments["siblingColumn"] == "5")
        // A list item where a key is expected.
        expectSingle(parse("a: 1\n- b\n"), "yaml-bad-indent", at: "2:1")
        // Lines after a block scalar.
        expectSingle(parse("a: |\n  x\n y: 1\n"), "yaml-bad-indent", at: "3:2")
        // In a catalog item.
        expectSingle(parse("事项:\n  - 编号: JY-01-01\n    名称: 甲\n   公开方式: 主动\n"), "yaml-bad-indent", at: "4:4")
    }

    @Test func missingSpaceAfterColon() throws {
        let f = try #require(expectSingle(parse("a: 1\n名称:就业政策法规\n"), "yaml-missing-space-after-colon", at: "2:3"))
        #expect(f.message(.zh) == "冒号后面缺少空格：“键: 值”的冒号后必须有一个空格，应写成“名称: 就业政策法规”")
        expectSingle(parse("- 编号: x\n  名称:就业\n"), "yaml-missing-space-after-colon", at: "2:5")
        // On the first line, where YAML reads it as the start of a multi-line value.
        let g = try #require(expectSingle(parse("格式:gkml/1\n领域: 就业\n"), "yaml-missing-space-after-colon", at: "1:3"))
        #expect(g.arguments["key"] == "格式")
        #expect(g.arguments["value"] == "gkml/1")
    }

    @Test func fullWidthColon() throws {
        expectSingle(parse("格式: gkml/1\n领域：就业\n层级: 乡级\n"), "yaml-fullwidth-colon", at: "2:3")
        expectSingle(parse("格式：gkml/1\n领域: 就业\n"), "yaml-fullwidth-colon", at: "1:3")
        // In a value it is just a character.
        #expect(root("说明: 依据：县人社局")["说明"]?.string == "依据：县人社局")
    }

    @Test func missingColon() throws {
        expectSingle(parse("a: 1\nfoo\nb: 2\n"), "yaml-missing-colon", at: "2:1")
        expectSingle(parse("说明: 本镇\n无职业介绍机构\n"), "yaml-missing-colon", at: "2:1")
        // On the first line, where YAML reads it as the start of a multi-line value.
        expectSingle(parse("格式 gkml/1\n领域: 就业\n"), "yaml-missing-colon", at: "1:1")
    }

    @Test func colonInPlainValue() throws {
        let f = try #require(expectSingle(parse("名称: x\n说明: 依据: 县人社局\n"), "yaml-colon-in-value", at: "2:7"))
        #expect(f.hint(.zh)?.contains("引号") == true)
        expectSingle(parse("- a: b: c\n"), "yaml-colon-in-value", at: "1:7")
        // Quoted, or with the colon not followed by a space, it is fine.
        #expect(root("说明: \"依据: 县人社局\"")["说明"]?.string == "依据: 县人社局")
        #expect(root("网址: http://example.gov.cn")["网址"]?.string == "http://example.gov.cn")
    }

    @Test func backslashInDoubleQuotes() throws {
        expectSingle(parse("路径: \"C:\\Users\\a\"\n"), "yaml-bad-escape", at: "1:8")
        expectSingle(parse("a: \"x \\q\"\n"), "yaml-bad-escape", at: "1:7")
        #expect(root("路径: 'C:\\Users'")["路径"]?.string == "C:\\Users")
    }

    @Test func listItemOnKeyLine() throws {
        expectSingle(parse("公开依据: - 甲\n"), "yaml-list-item-not-allowed", at: "1:7")
    }

    @Test func unclosedBrackets() throws {
        let f = try #require(expectSingle(parse("公开渠道: [政府网站, 公开查阅点\n名称: x\n"), "yaml-unclosed-bracket", at: "1:7"))
        #expect(f.arguments["bracket"] == "[")
        #expect(f.arguments["closing"] == "]")
        let g = try #require(expectSingle(parse("a: {b: 1\n"), "yaml-unclosed-bracket", at: "1:4"))
        #expect(g.arguments["closing"] == "}")
    }

    @Test func reservedCharacters() throws {
        let f = try #require(expectSingle(parse("a: @某某\n"), "yaml-reserved-char", at: "1:4"))
        #expect(f.arguments["char"] == "@")
        expectSingle(parse("a: `x`\n"), "yaml-reserved-char", at: "1:4")
    }

    @Test func otherSyntaxErrorsKeepLibyamlsText() throws {
        let f = try #require(expectSingle(parse("a: !x!y 1\n"), "yaml-syntax", at: "1:4"))
        #expect(f.message(.en).hasPrefix("YAML syntax error: found undefined tag handle"))
        #expect(f.message(.zh).contains("found undefined tag handle"))
        expectSingle(parse("%YAML 1.3\n---\na\n"), "yaml-syntax", at: "1:1")
    }

    @Test func syntaxErrorAfterUnicodeLineSeparator() throws {
        // U+2028 is not a line break for editors: the position is on line 1.
        expectSingle(parse("a: x\u{2028}b: \"c\n"), "yaml-unclosed-quote", at: "1:9")
    }

    @Test func duplicateKeys() throws {
        let result = parse("名称: 甲\n编号: JY-01-01\n名称: 乙\n")
        let f = try #require(expectSingle(result, "yaml-duplicate-key", at: "3:1"))
        #expect(f.arguments["key"] == "名称")
        #expect(f.arguments["firstLine"] == "1")
        #expect(f.arguments["firstColumn"] == "1")
        #expect(f.location.end == SourcePosition(line: 3, column: 3))
        #expect(f.message(.zh) == "键“名称”重复：第 1 行第 1 列已经有这个键")
        #expect(f.message(.en) == "duplicate key \"名称\": it is already at line 1, column 1")
        // The tree is still built, keeping the first value.
        let r = try #require(result.document?.root)
        #expect(r.mapping?.count == 2)
        #expect(r["名称"]?.string == "甲")
        #expect(result.hasErrors)
        #expect(result.cleanDocument == nil)
    }

    @Test func duplicateKeysNested() throws {
        let text = "事项:\n  - 编号: a\n    名称: x\n    编号: b\n  - {编号: c, 编号: d}\n"
        let result = parse(text)
        // In a block list item, a repeated key is a new item without its dash; in a flow mapping, a duplicate.
        #expect(result.findings.map(\.code) == ["yaml-missing-list-dash", "yaml-duplicate-key"])
        #expect(result.findings.map { "\($0.location.position!)" } == ["4:5", "5:13"])
        #expect(result.findings[0].arguments["itemLine"] == "2")
        #expect(result.findings[0].arguments["suggested"] == "  - 编号: b")
        #expect(
            result.findings[1].arguments["firstLine"]! + ":" + result.findings[1].arguments["firstColumn"]! == "5:6")
    }

    @Test func duplicateKeysInLargeMappings() throws {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k7: again\n"
        let f = try #require(expectSingle(parse(text), "yaml-duplicate-key", at: "41:1"))
        #expect(f.arguments["firstLine"] == "8")
    }

    @Test func duplicateKeysPastTheFirstSixteen() throws {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k20: again\nk39: again\n"
        let result = parse(text)
        #expect(result.findings.map { "\($0.location.position!)" } == ["41:1", "42:1"])
        #expect(result.findings.map { $0.arguments["firstLine"]! } == ["21", "40"])
        #expect(result.document?.root.mapping?.count == 40)
    }

    @Test func duplicateLongKeys() throws {
        let long = String(repeating: "很长的键", count: 10)  // 120 bytes: not interned
        let result = parse("\(long): 1\n\(long)x: 2\n\(long): 3\n")
        let f = try #require(expectSingle(result, "yaml-duplicate-key", at: "3:1"))
        #expect(f.arguments["key"] == long)
        #expect(result.document?.root.mapping?.count == 2)
    }

    @Test func duplicateKeyThroughAnAlias() throws {
        expectSingle(parse("a: &k 名称\nm:\n  名称: 1\n  *k : 2\n"), "yaml-duplicate-key", at: "4:3")
    }

    @Test func keysCompareByCodePointsNotCanonicalEquivalence() throws {
        // "é" precomposed and "e" + combining acute are different keys in YAML and JSON.
        let r = root("\u{E9}: 1\ne\u{301}: 2\n")
        #expect(r.mapping?.count == 2)
    }

    @Test func duplicateKeysCompareTheJSONView() throws {
        // `1` and "1" are different YAML nodes, but the same JSON property.
        expectSingle(parse("1: a\n\"1\": b\n"), "yaml-duplicate-key", at: "2:1")
    }

    @Test func complexKey() throws {
        expectSingle(parse("? [a, b]\n: 1\nc: 2\n"), "yaml-complex-key", at: "1:3")
    }

    @Test func unknownAlias() throws {
        let f = try #require(expectSingle(parse("a: 1\nb: *nothing\n"), "yaml-unknown-alias", at: "2:4"))
        #expect(f.arguments["anchor"] == "nothing")
        // An alias inside its own anchor cannot be built.
        expectSingle(parse("a: &x [1, *x]\n"), "yaml-unknown-alias", at: "1:11")
    }
}
