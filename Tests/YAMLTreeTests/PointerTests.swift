import Diagnostics
import Testing
@testable import YAMLTree

@Suite struct PointerTests {
    static let text = """
        事项:
          - 编号: JY-01-01
            名称: 就业政策法规
          - 编号: JY-02-03
            公开依据: [甲, 乙]
        a/b: slash
        m~n: tilde
        "": empty
        ~/1: both

        """

    @Test func lookups() throws {
        let r = root(Self.text)
        #expect(r.node(at: [])?.pos == "1:1")
        #expect(r.node(at: ["事项", "0", "名称"])?.span == "3:9-3:15")
        #expect(r.node(at: ["事项", "1", "公开依据", "1"])?.pos == "5:15")
        #expect(r.node(at: ["事项", "1", "编号"])?.string == "JY-02-03")
        // Tokens are unescaped: a key with `/` or `~` is one token.
        #expect(r.node(at: ["a/b"])?.string == "slash")
        #expect(r.node(at: ["m~n"])?.string == "tilde")
        #expect(r.node(at: ["~/1"])?.string == "both")
        #expect(r.node(at: [""])?.string == "empty")
    }

    @Test func missing() throws {
        let r = root(Self.text)
        #expect(r.node(at: ["事项", "2"]) == nil)
        #expect(r.node(at: ["事项", "-"]) == nil)
        #expect(r.node(at: ["事项", "01"]) == nil)
        #expect(r.node(at: ["事项", "0", "没有"]) == nil)
        #expect(r.node(at: ["a", "b"]) == nil)
        #expect(r.node(at: ["事项", "0", "编号", "x"]) == nil)
    }

    @Test func nearestNode() throws {
        let r = root(Self.text)
        let (node, matched) = r.nearestNode(at: ["事项", "0", "公开方式"])
        #expect(matched == 2)
        #expect(node.pos == "2:5")
        #expect(r.nearestNode(at: ["事项", "9"]).node.pos == "2:3")
        #expect(r.nearestNode(at: ["没有"]).matched == 0)
    }
}
