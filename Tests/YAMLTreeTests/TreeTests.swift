import Diagnostics
import Testing
@testable import YAMLTree

@Suite struct TreeTests {
    @Test func catalogLikeDocument() throws {
        let text = """
            # yaml-language-server: $schema=../../schemas/catalog.schema.json
            格式: gkml/1
            领域: 就业
            版本: "2024.1"
            生效日期: 2024-06-01
            默认:
              公开主体: [星海镇人民政府]
            事项:
              - 一级事项: 就业创业政策
                二级事项:
                  - 编号: JY-01-01     # stable identity
                    名称: 就业政策法规
                    公开渠道: [政府网站, 两微一端, "其他：县人社局微信公众号"]

            """
        let r = root(text)
        #expect(r.pos == "2:1")
        #expect(r["格式"]?.string == "gkml/1")
        #expect(r["版本"]?.string == "2024.1")
        #expect(r["版本"]?.style == .doubleQuoted)
        #expect(r["生效日期"]?.string == "2024-06-01")
        #expect(r.pair("生效日期")?.key.span == "5:1-5:5")
        #expect(r["生效日期"]?.span == "5:7-5:17")
        let defaults = try #require(r["默认"])
        #expect(defaults.pos == "7:3")
        let bodies = try #require(defaults["公开主体"])
        #expect(bodies.span == "7:9-7:18")
        #expect(bodies.sequence?.first?.span == "7:10-7:17")
        let item = try #require(r["事项"]?.sequence?.first)
        #expect(item.pos == "9:5")
        let second = try #require(item["二级事项"]?.sequence?.first)
        #expect(second.pos == "11:9")
        #expect(second["编号"]?.span == "11:13-11:21")
        #expect(second["名称"]?.span == "12:13-12:19")
        let channels = try #require(second["公开渠道"]?.sequence)
        #expect(channels.map(\.keyText) == ["政府网站", "两微一端", "其他：县人社局微信公众号"])
        #expect(channels[2].span == "13:28-13:42")
        // A block collection ends where its last value ends.
        #expect(second.end == SourcePosition(line: 13, column: 43))
    }

    @Test func columnsCountUnicodeScalarsOnChineseText() throws {
        let r = root("名称: 就业政策法规\n编号: JY-01-01\n")
        let pair = try #require(r.pair("名称"))
        #expect(pair.key.span == "1:1-1:3")
        #expect(pair.value.span == "1:5-1:11")
        #expect(r.pair("编号")?.value.span == "2:5-2:13")
    }

    @Test func columnsCountCharactersOutsideTheBMP() throws {
        // 𠀀 is one Unicode scalar (four UTF-8 bytes, two UTF-16 units).
        let r = root("键: 𠀀𠀁\n下: 一\n")
        #expect(r["键"]?.span == "1:4-1:6")
        #expect(r["下"]?.span == "2:4-2:5")
    }

    @Test func utf8BOMIsAcceptedAndNotCounted() throws {
        let result = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("名称: 就业政策法规\n编号: x\n".utf8))
        #expect(result.findings.isEmpty)
        let document = try #require(result.document)
        #expect(document.hasBOM)
        #expect(document.root.pair("名称")?.key.pos == "1:1")
        #expect(document.root["名称"]?.pos == "1:5")
        #expect(document.root["编号"]?.pos == "2:5")
        #expect(document.line(1) == "名称: 就业政策法规")
    }

    @Test func crlfLineEndings() throws {
        let result = parse("a: 1\r\n名称: 就业\r\nc:\r\n  - x\r\n")
        #expect(result.findings.isEmpty)
        let document = try #require(result.document)
        #expect(document.lineEnding == .crlf)
        #expect(document.root["名称"]?.span == "2:5-2:7")
        #expect(document.root["c"]?.sequence?.first?.span == "4:5-4:6")
        #expect(document.line(2) == "名称: 就业")
        #expect(document.line(4) == "  - x")
        // A literal block keeps LF inside the value.
        let block = root("a: |\r\n  x\r\n  y\r\n")
        #expect(block["a"]?.string == "x\ny\n")
        #expect(block["a"]?.style == .literal)
    }

    @Test func lineEndingKinds() {
        #expect(parse("a: 1\nb: 2\n").document?.lineEnding == .lf)
        #expect(parse("a: 1\r\nb: 2\n").document?.lineEnding == .mixed)
        #expect(parse("a: 1").document?.lineEnding == YAMLDocument.LineEnding.none)
    }

    @Test func unicodeLineSeparatorsDoNotShiftPositions() throws {
        // libyaml (YAML 1.1) breaks lines at U+2028 and U+0085; editors and YAML 1.2 do not.
        let r = root("a: 1\u{2028}b: 2\nc: \u{85} d\ne: 5\n")
        #expect(r.pair("b")?.key.pos == "1:6")
        #expect(r.pair("c")?.key.pos == "2:1")
        #expect(r["c"]?.pos == "2:6")
        #expect(r.pair("e")?.key.pos == "3:1")
    }

    @Test func listRootAndScalarRoot() throws {
        let list = root("- 甲\n- 乙\n")
        #expect(list.span == "1:1-2:4")
        #expect(list.sequence?.map(\.pos) == ["1:3", "2:3"])
        let scalar = root("你好\n")
        #expect(scalar.string == "你好")
        #expect(scalar.span == "1:1-1:3")
        let flow = root("[1, 2]")
        #expect(flow.span == "1:1-1:7")
    }

    @Test func anchorsAndAliasesResolve() throws {
        let r = root("base: &b\n  x: 1\nuse: *b\nlist: [&s 甲, *s]\n")
        let use = try #require(r["use"])
        #expect(use["x"]?.value == 1)
        // The alias yields the anchored node placed at the alias; its contents keep their own positions.
        #expect(use.span == "3:6-3:8")
        #expect(use.pair("x")?.key.pos == "2:3")
        #expect(r["list"]?.sequence?.map(\.keyText) == ["甲", "甲"])
        #expect(r["list"]?.sequence?.map(\.pos) == ["4:8", "4:14"])
    }

    @Test func mergeKeyIsAnOrdinaryKey() throws {
        let r = root("base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n")
        let use = try #require(r["use"]?.mapping)
        #expect(use.map(\.key.keyText) == ["<<", "y"])
        #expect(use[0].value["x"]?.value == 1)
        #expect(r["use"]?["x"] == nil)
    }

    @Test func explicitTagsAreKept() throws {
        let r = root(
            "a: !!str 12\nb: !!int \"12\"\nc: !local 3\nd: !!float 1\ne: !!null \"\"\nf: !!bool \"true\"\ng: ! 12\n")
        #expect(r["a"]?.value == "12")
        #expect(r["a"]?.tag == "!!str")
        #expect(r["b"]?.value == 12)
        #expect(r["c"]?.value == "3")
        #expect(r["c"]?.tag == "!local")
        #expect(r["d"]?.value == 1.0)
        #expect(r["e"]?.isNull == true)
        #expect(r["f"]?.value == true)
        #expect(r["g"]?.value == "12")
    }

    @Test func blockScalarsAreStrings() throws {
        let r = root("a: |\n  123\nb: >-\n  true\n  false\n")
        #expect(r["a"]?.value == "123\n")
        #expect(r["b"]?.value == "true false")
        #expect(r["b"]?.style == .folded)
    }

    @Test func emptyValueIsNull() throws {
        let r = root("a:\nb: [1, {c: }]\n")
        #expect(r["a"]?.isNull == true)
        #expect(r["a"]?.pos == "1:3")
        #expect(r["b"]?.sequence?[1]["c"]?.isNull == true)
    }

    @Test func nodeCount() throws {
        let document = try #require(parse("a: [1, 2]\nb: *x\n").document)
        // The root, a, the sequence, 1, 2, b, and the alias.
        #expect(document.nodeCount == 7)
    }

    @Test func parsesConcurrently() async throws {
        let texts = (0..<16).map { "编号: JY-\($0)\n名称: 就业\n列表: [\($0), b]\n" }
        let roots = await withTaskGroup(of: (Int, String?).self) { group in
            for (i, text) in texts.enumerated() {
                group.addTask { (i, YAMLParser.parse(text, file: "f\(i)").document?.root["编号"]?.string) }
            }
            var out: [Int: String?] = [:]
            for await (i, value) in group { out[i] = value }
            return out
        }
        for i in 0..<16 { #expect(roots[i] == "JY-\(i)") }
    }

    @Test func parseFromFile() throws {
        let path = try TempFiles.write("名称: 就业\n", name: "ok.yaml")
        let result = YAMLParser.parseFile(atPath: path, file: "catalogs/ok.yaml")
        #expect(result.findings.isEmpty)
        #expect(result.document?.file == "catalogs/ok.yaml")
        #expect(result.document?.root["名称"]?.pos == "1:5")
    }

    /// A small collection keeps no spare room: a province's gkml.yaml holds tens of thousands of two-key
    /// mappings, and their empty slots (8 are reserved per mapping) made its tree three times its size.
    @Test func smallCollectionsKeepNoSpareRoom() throws {
        let text = (0..<50).map { "- 领域: 领域\($0)\n  说明: 不涉及\n" }.joined()
        let r = root(text)
        let items = try #require(r.sequence)
        #expect(items.count == 50)
        for item in items {
            let pairs = try #require(item.mapping)
            #expect(pairs.count == 2)
            #expect(pairs.capacity < 4, "a two-key mapping keeps room for \(pairs.capacity) pairs")
        }
    }
}

// Test-only conveniences: compare values (not positions) and write them as literals.
extension YAMLNode.Value: Equatable {
    public static func == (a: YAMLNode.Value, b: YAMLNode.Value) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x == y || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): x == y
        case (.sequence(let x), .sequence(let y)): x.map(\.value) == y.map(\.value)
        case (.mapping(let x), .mapping(let y)):
            x.map(\.key.value) == y.map(\.key.value) && x.map(\.value.value) == y.map(\.value.value)
        default: false
        }
    }
}

extension YAMLNode.Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByStringLiteral
{
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(stringLiteral value: String) { self = .string(value) }
}
