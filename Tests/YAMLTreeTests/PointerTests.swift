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
        #expect(r.node(atPointer: "")?.pos == "1:1")
        #expect(r.node(atPointer: "/事项/0/名称")?.span == "3:9-3:15")
        #expect(r.node(atPointer: "/事项/1/公开依据/1")?.pos == "5:15")
        #expect(r.node(at: ["事项", "1", "编号"])?.string == "JY-02-03")
        #expect(r.node(atPointer: "/a~1b")?.string == "slash")
        #expect(r.node(atPointer: "/m~0n")?.string == "tilde")
        #expect(r.node(atPointer: "/~0~11")?.string == "both")
        #expect(r.node(atPointer: "/")?.string == "empty")
        #expect(r.node(atPointer: "#/a~1b")?.string == "slash")
        #expect(r.node(atPointer: "#/%E4%BA%8B%E9%A1%B9/0/%E7%BC%96%E5%8F%B7")?.string == "JY-01-01")
    }

    @Test func missingAndMalformed() throws {
        let r = root(Self.text)
        #expect(r.node(atPointer: "/事项/2") == nil)
        #expect(r.node(atPointer: "/事项/-") == nil)
        #expect(r.node(atPointer: "/事项/01") == nil)
        #expect(r.node(atPointer: "/事项/0/没有") == nil)
        #expect(r.node(atPointer: "/a/b") == nil)
        #expect(r.node(atPointer: "事项") == nil)
        #expect(r.node(atPointer: "/m~2n") == nil)
        #expect(r.node(atPointer: "/事项/0/编号/x") == nil)
    }

    @Test func nearestAndKeyNodes() throws {
        let r = root(Self.text)
        let (node, matched) = r.nearestNode(at: ["事项", "0", "公开方式"])
        #expect(matched == 2)
        #expect(node.pos == "2:5")
        #expect(r.nearestNode(atPointer: "/事项/9").pos == "2:3")
        #expect(r.keyNode(atPointer: "/事项/0/名称")?.span == "3:5-3:7")
        #expect(r.keyNode(atPointer: "/事项/0") == nil)
        let document = try #require(parse(Self.text).document)
        #expect(document.location(ofPointer: "/事项/1/公开依据") == SourceLocation(file: "test.yaml", line: 5, column: 11))
    }

    @Test func escaping() {
        #expect(YAMLNode.escapePointerToken("a/b~c") == "a~1b~0c")
        #expect(YAMLNode.pointer(["事项", "a/b", "0"]) == "/事项/a~1b/0")
        #expect(YAMLNode.pointerTokens("/a~1b/~0") == ["a/b", "~"])
        #expect(YAMLNode.pointerTokens("") == [])
        #expect(YAMLNode.pointerTokens("x") == nil)
    }
}
