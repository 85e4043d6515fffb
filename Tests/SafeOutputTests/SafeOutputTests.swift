import Foundation
import SafeOutput
import Testing

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-safeoutput-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

struct SafeFileWriterTests {
    @Test func neverOverwritesWithoutBeingAsked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/c.yaml").path
        try SafeFileWriter.write("one\n", to: path, overwrite: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
        #expect(throws: SafeFileWriter.Failure.exists(path)) {
            try SafeFileWriter.write("two\n", to: path, overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
        try SafeFileWriter.write("three\n", to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "three\n")
        // No temporary file is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(names == ["c.yaml"])
    }

    @Test func replacingAFileKeepsItsPermissions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("catalog.yaml").path
        try SafeFileWriter.write(bytes: Array("a\n".utf8), to: path, overwrite: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try SafeFileWriter.write(bytes: Array("b\n".utf8), to: path, overwrite: true)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(FileManager.default.contents(atPath: path) == Data("b\n".utf8))
    }

    @Test func aFolderThatCannotBeMadeIsAnIOFailure() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file").path
        try SafeFileWriter.write("x", to: blocker, overwrite: false)
        let failure = #expect(throws: SafeFileWriter.Failure.self) {
            try SafeFileWriter.write("y", to: blocker + "/inside.txt", overwrite: true)
        }
        guard case .io(let path, let reason)? = failure else {
            Issue.record("expected an I/O failure, got \(String(describing: failure))")
            return
        }
        #expect(path.hasPrefix(blocker))
        // The reason is said in Chinese, as gkml's messages are (Foundation and strerror speak English).
        #expect(reason == .notDirectory)
        #expect(reason.zh.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(reason)")
    }

    @Test func reasonsAreChinese() {
        #expect(FileSystemReason.describe(errno: EACCES) == "没有权限")
        #expect(FileSystemReason.describe(errno: ENOENT) == "路径不存在")
        #expect(FileSystemReason.describe(errno: ENOSPC) == "磁盘空间不足（设备已满）")
    }
}

struct MarkdownTextTests {
    @Test func escapesInlineSyntaxAndHTML() {
        #expect(
            MarkdownText.escape("[链接](http://x) *强调* `代码` a|b <b>&")
                == "\\[链接\\](http://x) \\*强调\\* \\`代码\\` a\\|b &lt;b&gt;&amp;")
        #expect(MarkdownText.escape("#1 ~删~ !图 _下_ \\") == "\\#1 \\~删\\~ \\!图 \\_下\\_ \\\\")
    }

    /// Every line break is one `<br>`: LF, CR and CRLF alike (CRLF is one Swift Character, which the diff's
    /// old copy let through raw, breaking the table row).
    @Test func everyKindOfLineBreakIsOneBreak() {
        #expect(MarkdownText.escape("一\r\n二\n三\r四") == "一<br>二<br>三<br>四")
        #expect(!MarkdownText.escape("a\r\nb").contains("\r"))
        #expect(!MarkdownText.escape("a\r\nb").contains("\n"))
    }

    /// The byte writer's copy of text with nothing to escape must agree with `escape` on every text.
    @Test func appendingEscapedBytesIsEscape() {
        let texts = [
            "纯中文，没有要转义的字符。", "", "a", "[链接](x) *强调* <b>&", "一\r\n二\n三\r四", "_\u{301}下 #\u{301}",
            "全角＃号与｜竖线", "\\", "《条例》（国令第711号）第二十条",
            // One character to escape alone, each: the copy must notice every one of them.
            "a&b", "a<b", "a>b", "a\nb", "a\rb", "a\\b", "a`b", "a*b", "a_b", "a[b", "a]b", "a|b", "a~b", "a!b", "a#b",
        ]
        for text in texts {
            var out: [UInt8] = [0x41]
            MarkdownText.appendEscaped(text, to: &out)
            #expect(out == [0x41] + Array(MarkdownText.escape(text).utf8), "\(text)")
        }
    }

    /// Each character `escape` changes, alone in a text: the shortcut for text with nothing to escape must not
    /// skip any of them (the byte test above compares with `escape`, which takes the same shortcut).
    @Test func eachCharacterAloneIsEscaped() {
        for character in ["\\", "`", "*", "_", "[", "]", "|", "~", "!", "#"] {
            #expect(MarkdownText.escape("a\(character)b") == "a\\\(character)b", "\(character)")
        }
        #expect(MarkdownText.escape("a&b") == "a&amp;b")
        #expect(MarkdownText.escape("a<b") == "a&lt;b")
        #expect(MarkdownText.escape("a>b") == "a&gt;b")
        #expect(MarkdownText.escape("a\nb") == "a<br>b")
        #expect(MarkdownText.escape("a\rb") == "a<br>b")
    }

    @Test func paragraphStartCannotMakeAListOrHeading() {
        #expect(MarkdownText.escapeParagraphStart("- 项") == "\\- 项")
        #expect(MarkdownText.escapeParagraphStart("12. 项") == "12\\. 项")
        #expect(MarkdownText.escapeParagraphStart("3) 项") == "3\\) 项")
        #expect(MarkdownText.escapeParagraphStart("第1. 项") == "第1. 项")
        #expect(MarkdownText.escapeParagraphStart("") == "")
    }
}

struct HTMLTextTests {
    @Test func escapesTheFiveCharactersAndBreaksLines() {
        #expect(
            HTMLText.escape("<script>alert('x')</script> & \"q\"")
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(HTMLText.escape("一\r\n二\n三\r四") == "一<br>二<br>三<br>四")
    }
}

struct CSVTextTests {
    @Test func quotesWhenNeededAndNeutralisesFormulas() {
        #expect(CSVText.field("政府网站") == "政府网站")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("说\"明\"") == "\"说\"\"明\"\"\"")
        #expect(CSVText.field("一\r\n二") == "\"一\r\n二\"")
        #expect(CSVText.field("=1+1") == "'=1+1")
        #expect(CSVText.field("-1,2") == "\"'-1,2\"")
        #expect(CSVText.record(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
    }

    /// The byte writer's copy of fields with nothing to change must agree with `record` on every field.
    @Test func appendingARecordIsRecord() {
        let records = [
            ["政府网站", "", "a,b", "说\"明\"", "一\r\n二", "=1+1", "-1,2", "\t制表", "\r回车", "@x", "+1"],
            ["中文，全角逗号", "＝全角", ",\u{301}组合", "\"\u{301}", "\r\n开头", "x-1", "末尾="],
            [],
        ]
        for fields in records {
            var out: [UInt8] = [0xEF, 0xBB, 0xBF]
            CSVText.appendRecord(fields, to: &out)
            #expect(out == [0xEF, 0xBB, 0xBF] + Array(CSVText.record(fields).utf8), "\(fields)")
        }
    }

    @Test func everyFormulaTriggerIsNeutralised() {
        for text in ["=A1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            #expect(SpreadsheetText.neutralised(text) == "'" + text)
        }
        #expect(SpreadsheetText.neutralised("1-2") == "1-2")
    }
}

struct TerminalStyleTests {
    @Test func paintsOnlyWhenEnabled() {
        #expect(TerminalStyle.boldRed.paint("错误", enabled: true) == "\u{1B}[1;31m错误\u{1B}[0m")
        #expect(TerminalStyle.boldRed.paint("错误", enabled: false) == "错误")
    }
}

struct JSONTextTests {
    @Test func escapesWhatJSONAndJavaScriptNeed() {
        #expect(JSONText.quoted("说\"明\"\\\n\r\t") == "\"说\\\"明\\\"\\\\\\n\\r\\t\"")
        #expect(JSONText.quoted("\u{0}\u{8}\u{1F}") == "\"\\u0000\\u0008\\u001f\"")
        #expect(JSONText.quoted("a\u{2028}b\u{2029}") == "\"a\\u2028b\\u2029\"")
        #expect(JSONText.quoted("公开目录") == "\"公开目录\"")
    }

    /// Runs are copied whole and only escapes are written one by one: the result must equal escaping scalar by
    /// scalar, whatever mixes with what (a quote before a combining mark, “” whose UTF-8 starts like U+2028, DEL).
    @Test func copiesRunsExactlyAsScalarByScalar() {
        func reference(_ text: String, extra: ((Unicode.Scalar) -> Bool)?) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 || extra?(scalar) == true {
                        let hex = String(scalar.value, radix: 16, uppercase: true)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        let pieces = [
            "公开", "“依据”", "\"", "\u{301}", "\\", "\n", "\u{7F}", "\u{85}", "\u{2028}", "\u{2027}", "a", "😀",
            "\u{FEFF}", "\u{1}", "——", "e\u{301}",
        ]
        let extra: (Unicode.Scalar) -> Bool = {
            $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0 == "\u{FEFF}"
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int(state % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            #expect(JSONText.quoted(text, uppercaseHex: true) == reference(text, extra: nil))
            #expect(JSONText.quoted(text, alsoEscaping: extra, uppercaseHex: true) == reference(text, extra: extra))
            // The byte writer (the json catalog, JSONOutput) gives the same bytes, text with escapes or without.
            for escaping in [nil, extra] {
                var bytes: [UInt8] = [0x5B]
                JSONText.quote(text, into: &bytes, alsoEscaping: escaping, uppercaseHex: true)
                #expect(bytes == [0x5B] + Array(reference(text, extra: escaping).utf8))
            }
        }
    }
}
