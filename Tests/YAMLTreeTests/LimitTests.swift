import Diagnostics
import Testing
@testable import YAMLTree

@Suite struct LimitTests {
    @Test func fileTooLargeIsRefusedBeforeParsing() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        let bytes = Array("a: ".utf8) + big
        let f = try #require(expectSingle(parse(bytes: bytes), "yaml-too-large", at: nil))
        #expect(f.arguments["size"] == String(bytes.count))
        #expect(f.arguments["limit"] == String(8 << 20))
        #expect(f.message(.zh).contains("10.0 MiB"))
        #expect(f.message(.zh).contains("8.0 MiB"))
        // From a file: refused after fstat, without reading it.
        let path = try TempFiles.write(bytes: bytes, name: "big.yaml")
        let g = try #require(expectSingle(YAMLParser.parseFile(atPath: path), "yaml-too-large", at: nil))
        #expect(g.arguments["size"] == String(bytes.count))
    }

    @Test func tenMegabyteScalar() throws {
        let bytes = Array("名称: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20) + [0x0A]
        let limits = YAMLLimits(maxFileSize: 64 << 20)
        let f = try #require(expectSingle(parse(bytes: bytes, limits: limits), "yaml-scalar-too-long", at: "1:5"))
        #expect(f.arguments["length"] == String(10 << 20))
        #expect(f.arguments["limit"] == String(1 << 20))
        // The same in quotes.
        let quoted = Array("名称: \"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20) + Array("\"\n".utf8)
        expectSingle(parse(bytes: quoted, limits: limits), "yaml-scalar-too-long", at: "1:5")
    }

    @Test func scalarAtTheLimitIsFine() throws {
        let limits = YAMLLimits(maxScalarLength: 10)
        #expect(parse("a: 0123456789", limits: limits).findings.isEmpty)
        expectSingle(parse("a: 0123456789a", limits: limits), "yaml-scalar-too-long", at: "1:4")
    }

    @Test func tenThousandDeepNesting() throws {
        let depth = 10_000
        let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let f = try #require(expectSingle(parse(flow), "yaml-too-deep", at: "1:101"))
        #expect(f.arguments["limit"] == "100")
        let block = String(repeating: "- ", count: depth) + "x\n"
        expectSingle(parse(block), "yaml-too-deep", at: "1:201")
        let mappings = String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
        expectSingle(parse(mappings), "yaml-too-deep", at: "1:401")
        // Without the limit the builder still has no recursion: 10,000 levels build fine.
        let r = parse(flow, limits: YAMLLimits(maxDepth: .max))
        #expect(r.findings.isEmpty)
        var node = try #require(r.document?.root)
        var levels = 1
        while let first = node.sequence?.first { node = first; levels += 1 }
        #expect(levels == depth)
    }

    @Test func depthAtTheLimitIsFine() throws {
        let limits = YAMLLimits(maxDepth: 3)
        #expect(parse("a:\n  b:\n    c: 1\n", limits: limits).findings.isEmpty)
        expectSingle(parse("a:\n  b:\n    c:\n      d: 1\n", limits: limits), "yaml-too-deep", at: "4:7")
    }

    @Test func billionLaughs() throws {
        var text = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for k in 1..<names.count {
            let p = names[k - 1]
            text += "\(names[k]): &\(names[k]) [" + Array(repeating: "*\(p)", count: 9).joined(separator: ", ") + "]\n"
        }
        let result = parse(text)
        let f = try #require(expectSingle(result, "yaml-alias-bomb", at: "7:8"))
        #expect(f.arguments["limit"] == "1000000")
        #expect(Int(f.arguments["count"] ?? "") ?? 0 > 1_000_000)
        #expect(result.document == nil)
    }

    @Test func aliasesUnderTheLimitAreFine() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        #expect(parse(text, limits: YAMLLimits(maxAliasExpansion: 12)).findings.isEmpty)
        expectSingle(parse(text, limits: YAMLLimits(maxAliasExpansion: 11)), "yaml-alias-bomb", at: "2:13")
    }
}
