import Diagnostics
import Testing

/// A long JSON value written in pieces (the summary of a province-scale run: its coverage lists 2,000
/// jurisdictions) gives the same bytes as written whole, and no piece holds much more than the size asked for.
struct JSONPiecesTests {
    @Test func thePiecesJoinToTheWholeAndStaySmall() {
        let coverage = (0..<500).map { number in
            JSONOutput.object([
                ("jurisdiction", .string("第\(number)镇")), ("catalogs", .int(number)),
                ("notApplicable", .array([.string("就业"), .string("救灾")])), ("missing", .array([])),
            ])
        }
        let value = JSONOutput.object([("files", .int(3)), ("coverage", .array(coverage)), ("end", .object([]))])
        var pieces: [String] = []
        value.serialized(indentLevel: 1, inPiecesOf: 1024) { pieces.append($0) }
        #expect(Array(pieces.joined().utf8) == Array(value.serialized(indentLevel: 1).utf8))
        #expect(pieces.count > 20)
        #expect(pieces.allSatisfy { $0.utf8.count < 1024 + 256 })
    }
}
