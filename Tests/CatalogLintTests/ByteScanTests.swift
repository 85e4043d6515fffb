@testable import CatalogLint
import Testing

/// The whole-file byte searches the rules run on every file (memchr), and the keys of quiet lists.
@Suite struct ByteScanTests {
    @Test func findsBytesAnywhere() {
        let bytes: [UInt8] = Array("ab\\c".utf8)
        #expect(ByteSearch.contains(bytes, 0x5C))
        #expect(ByteSearch.contains(bytes, UInt8(ascii: "a")))
        #expect(!ByteSearch.contains(bytes, UInt8(ascii: "d")))
        #expect(!ByteSearch.contains([], 0x5C))
        bytes.withUnsafeBufferPointer { p in
            #expect(ByteSearch.index(of: UInt8(ascii: "b"), in: p, from: 0) == 1)
            #expect(ByteSearch.index(of: UInt8(ascii: "b"), in: p, from: 2) == nil)
            #expect(ByteSearch.index(of: UInt8(ascii: "c"), in: p, from: 4) == nil)
        }
    }

    /// Line starts with LF only (found by memchr) and with CR and CRLF (read byte by byte), a BOM not counted.
    @Test func lineIndexFindsEveryLineEnding() {
        #expect(LineIndex(Array("a\nbc\n\nd".utf8)).starts == [0, 2, 5, 6])
        #expect(LineIndex(Array("a\nbc\n".utf8)).starts == [0, 2, 5])
        #expect(LineIndex([0xEF, 0xBB, 0xBF] + Array("a\nb".utf8)).starts == [3, 5])
        #expect(LineIndex(Array("a\r\nb\rc\nd".utf8)).starts == [0, 3, 5, 7])
        #expect(LineIndex(Array("".utf8)).starts == [0])
    }

    @Test func ignoreCommentNeedsGkmlAndAColon() {
        #expect(IgnoreComment.mayContainComment(Array("# gkml: 忽略 x 理由".utf8)))
        #expect(IgnoreComment.mayContainComment(Array("# gkml：忽略".utf8)))
        #expect(!IgnoreComment.mayContainComment(Array("gkml is a tool".utf8)))
        #expect(!IgnoreComment.mayContainComment(Array("ggkm gkml".utf8)))
        #expect(IgnoreComment.mayContainComment(Array("ggkml:".utf8)))
    }

    @Test func bidiControlsAreFoundAfterOtherLeadBytes() {
        // “ and — share the lead byte 0xE2 with U+202E; the control comes after them.
        #expect(TextBidiControlRule.hasControl(Array("“引号”—\u{202E}x".utf8)))
        #expect(TextBidiControlRule.hasControl(Array("x\u{061C}".utf8)))
        #expect(!TextBidiControlRule.hasControl(Array("“引号”—".utf8)))
    }

    /// Each text is prefixed with its length: lists that join to the same bytes are different keys.
    @Test func quietListKeysTellListsApart() {
        #expect(QuietLists.Key(["ab", "c"]) != QuietLists.Key(["a", "bc"]))
        #expect(QuietLists.Key(["公开渠道", "政府网站"]) == QuietLists.Key(["公开渠道", "政府网站"]))
        #expect(QuietLists.Key(["", "a"]) != QuietLists.Key(["a", ""]))
        let quiet = QuietLists()
        quiet.insert(QuietLists.Key(["ab", "c"]))
        #expect(quiet.contains(QuietLists.Key(["ab", "c"])))
        #expect(!quiet.contains(QuietLists.Key(["a", "bc"])))
    }

    /// The byte reading of an ASCII 编号 agrees with the character reading it stands in for.
    @Test func idPrefixFromBytes() {
        #expect(IDPrefixRule.prefixAgrees("17-02-01", code: "17") == true)
        #expect(IDPrefixRule.prefixAgrees("19-02-01", code: "17") == false)
        #expect(IDPrefixRule.prefixAgrees("--19-02", code: "17") == false)
        #expect(IDPrefixRule.prefixAgrees("JY-09-01", code: "17") == true)
        #expect(IDPrefixRule.prefixAgrees("170-01", code: "17") == true)
        #expect(IDPrefixRule.prefixAgrees("---", code: "17") == true)
        #expect(IDPrefixRule.prefixAgrees("一七-01", code: "17") == nil)
    }
}
