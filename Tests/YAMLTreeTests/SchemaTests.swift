import Testing
@testable import YAMLTree

/// YAML 1.2 core schema resolution of plain scalars.
@Suite struct SchemaTests {
    static let table: [(String, YAMLNode.Value)] = [
        // null
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("nULL", .string("nULL")), ("none", .string("none")),
        // bool: only true/false in three spellings
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("tRUE", .string("tRUE")),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("n", .string("n")), ("Yes", .string("Yes")), ("NO", .string("NO")),
        // int
        ("0", .int(0)), ("12", .int(12)), ("+12", .int(12)), ("-12", .int(-12)), ("-0", .int(0)),
        ("017", .int(17)), ("0o17", .int(15)), ("0x1F", .int(31)), ("0x1f", .int(31)),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("9223372036854775808", .double(9223372036854775808.0)),
        ("0x10000000000000000", .double(18446744073709551616.0)),
        ("0o8", .string("0o8")), ("0xG", .string("0xG")), ("0x", .string("0x")), ("-0x1", .string("-0x1")),
        ("1_000", .string("1_000")), ("1,000", .string("1,000")), ("0b101", .string("0b101")),
        // float
        ("2024.1", .double(2024.1)), ("1.", .double(1.0)), (".5", .double(0.5)), ("-.5", .double(-0.5)),
        ("+1.5e3", .double(1500)), ("1e3", .double(1000)), ("1E-2", .double(0.01)),
        (".inf", .double(.infinity)), (".Inf", .double(.infinity)), ("+.INF", .double(.infinity)),
        ("-.inf", .double(-.infinity)), ("-.Inf", .double(-.infinity)),
        (".iNF", .string(".iNF")), ("inf", .string("inf")), ("1e", .string("1e")), (".", .string(".")),
        ("+", .string("+")), ("1.2.3", .string("1.2.3")), ("e5", .string("e5")),
        // dates and versions stay strings
        ("2024-06-01", .string("2024-06-01")), ("2024-06-01T10:00:00Z", .string("2024-06-01T10:00:00Z")),
        ("12:30", .string("12:30")), ("v1.0", .string("v1.0")), ("JY-01-01", .string("JY-01-01")),
        ("gkml/1", .string("gkml/1")), ("<<", .string("<<")), ("就业", .string("就业")),
    ]

    @Test(arguments: table)
    func plainScalar(_ text: String, _ expected: YAMLNode.Value) throws {
        let r = root("v: \(text)\n")
        let node = try #require(r["v"])
        #expect(node.value == expected, "\(text)")
        #expect(node.text == text)
        #expect(node.style == .plain)
    }

    @Test func nan() throws {
        for text in [".nan", ".NaN", ".NAN"] {
            let node = try #require(root("v: \(text)")["v"])
            guard case .double(let d) = node.value else {
                Issue.record("\(text) is \(node.value)")
                continue
            }
            #expect(d.isNaN)
        }
        #expect(root("v: -.nan")["v"]?.value == .string("-.nan"))
        #expect(root("v: .nAn")["v"]?.value == .string(".nAn"))
    }

    @Test func quotedScalarsAreStrings() throws {
        let r = root("a: \"true\"\nb: '12'\nc: \"~\"\nd: ''\ne: \"2024.1\"\n")
        #expect(r["a"]?.value == "true")
        #expect(r["b"]?.value == "12")
        #expect(r["c"]?.value == "~")
        #expect(r["d"]?.value == "")
        #expect(r["e"]?.value == "2024.1")
        #expect(r["e"]?.style == .doubleQuoted)
        #expect(r["b"]?.style == .singleQuoted)
    }

    @Test func versionKeepsItsText() throws {
        let node = try #require(root("版本: 2024.1")["版本"])
        #expect(node.value == 2024.1)
        #expect(node.text == "2024.1")
        #expect(node.keyText == "2024.1")
        // 2024.10 as a double would be 2024.1: the text keeps what was written.
        #expect(root("版本: 2024.10")["版本"]?.text == "2024.10")
    }

    @Test func nonStringKeysUseTheirText() throws {
        let r = root("1: a\ntrue: b\n~: c\n2024.10: d\n")
        #expect(r.mapping?.map(\.key.keyText) == ["1", "true", "~", "2024.10"])
        #expect(r["2024.10"]?.value == "d")
    }

    @Test func tagMismatchIsAnError() throws {
        let result = parse("a: !!int abc\nb: !!bool yes\n")
        #expect(result.findings.map(\.code) == ["yaml-tag-mismatch", "yaml-tag-mismatch"])
        #expect(result.findings.map { "\($0.location.position!)" } == ["1:4", "2:4"])
        #expect(result.findings[1].message(.zh) == "“yes” 不是有效的 !!bool 值")
        #expect(result.document?.root["a"]?.value == "abc")
    }
}
