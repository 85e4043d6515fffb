import Diagnostics
import Testing

@testable import YAMLTree

/// Texts are shared across the files one thread parses (`TextCache`), and a collection's children are moved
/// into their array from one stack (`ChildStack`): neither may change what the tree says.
@Suite struct SharedStorageTests {
    /// A long value written in one file and again in the next is decoded once and shared.
    @Test func aTextFromAnEarlierFileSharesItsString() throws {
        let long = String(repeating: "《政府信息公开条例》第十九条", count: 4) + "\(UInt64.random(in: 0...UInt64.max))"
        var first = try #require(root("依据: \(long)\n")["依据"]?.string)
        var second = try #require(root("- 其他: 甲\n  依据: '\(long)'\n").sequence?.first?["依据"]?.string)
        #expect(first == long && second == long)
        let p1 = first.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        let p2 = second.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        #expect(p1 == p2)
    }

    /// Texts with the same hash but other bytes are different texts.
    @Test func aTextIsFoundByItsBytesNotItsHash() {
        var table = TextTable(capacity: 4, bytes: 16)
        for text in ["甲", "乙", "甲乙", "", "公开依据", "乙"] {
            Array(text.utf8).withUnsafeBufferPointer { p in
                let probe = table.find(p, hash: 7)
                let index =
                    probe.entry
                    ?? table.insert(p, hash: 7, string: String(decoding: p, as: UTF8.self), slot: probe.slot)
                #expect(table.strings[index] == text)
            }
        }
        #expect(table.count == 5)
    }

    /// Past its bounds, the interner keeps only the texts found again since it last swept; every text still
    /// reads right, and ids stay distinct.
    @Test func aFullInternerKeepsTheTextsFoundAgain() {
        var interner = Interner(keptBytes: 1000, keptEntries: 4)
        func look(_ text: String) -> (string: String, id: Int) {
            Array(text.utf8).withUnsafeBufferPointer { interner.intern($0) }
        }
        for text in ["甲", "乙", "丙", "甲", "丁"] { #expect(look(text).string == text) }
        interner.sweepIfFull()
        #expect(interner.count == 4)  // not past its bounds yet
        #expect(look("戊").string == "戊")
        interner.sweepIfFull()
        #expect(interner.count == 1)  // only 甲 was found again
        for (id, text) in ["甲", "己", "戊"].enumerated() {
            let found = look(text)
            #expect(found.string == text && found.id == id)
        }
        interner.sweepIfFull()
        #expect(interner.count == 3)
        var small = Interner(keptBytes: 4, keptEntries: 100)
        #expect(Array("名称".utf8).withUnsafeBufferPointer { small.intern($0).string } == "名称")
        small.sweepIfFull()
        #expect(small.count == 0)  // more bytes than it keeps, and not found again
    }

    /// Children moved out of the stack are the top ones, in order; what is below stays.
    @Test func aStackMovesOutItsTopElementsInOrder() {
        let stack = ChildStack<String>(capacity: 2)
        for i in 0..<100 { stack.push("项\(i)") }
        #expect(stack.moveOut(from: 60) == (60..<100).map { "项\($0)" })
        #expect(stack.count == 60)
        #expect(stack.moveOut(from: 60) == [])
        stack.push("末")
        #expect(stack[59] == "项59" && stack[60] == "末")
        #expect(stack.moveOut(from: 0) == (0..<60).map { "项\($0)" } + ["末"])
        #expect(stack.count == 0)
    }

    /// Nested collections, each with its children on the same stacks as its parent's: every collection gets
    /// exactly its own, and a key is a duplicate only within its own mapping.
    @Test func nestedCollectionsGetTheirOwnChildren() throws {
        let longKey = String(repeating: "长", count: 30)  // 90 bytes: compared by its bytes, not an id
        var text = "\(longKey): 0\nlist:\n"
        for i in 0..<70 {
            text += "  - 名称: 项\(i)\n    \(longKey): \(i)\n    子项: [\(i), [\(i)a, \(i)b], {k: \(i)}]\n"
        }
        text += "after: [1, 2]\n\(longKey): again\n"
        let result = parse(text)
        #expect(result.findings.map(\.code) == ["yaml-duplicate-key"])
        #expect(result.findings.first?.arguments["firstLine"] == "1")
        let r = try #require(result.document?.root)
        #expect(r.mapping?.count == 3)
        let list = try #require(r["list"]?.sequence)
        #expect(list.count == 70)
        for (i, item) in list.enumerated() {
            #expect(item.mapping?.map(\.key.text) == ["名称", longKey, "子项"])
            #expect(item["名称"]?.string == "项\(i)")
            let sub = try #require(item["子项"]?.sequence)
            #expect(sub.count == 3)
            #expect(sub[1].sequence?.map(\.text) == ["\(i)a", "\(i)b"])
            #expect(sub[2]["k"]?.text == "\(i)")
        }
        #expect(r["after"]?.sequence?.map(\.text) == ["1", "2"])
    }
}
