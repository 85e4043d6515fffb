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
}
