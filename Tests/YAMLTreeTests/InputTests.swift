import Diagnostics
import Foundation
import Testing
@testable import YAMLTree

/// Empty files, documents, encodings, binary input, I/O.
@Suite struct InputTests {
    @Test func emptyFile() throws {
        let f = try #require(expectSingle(parse(""), "yaml-empty", at: "1:1"))
        #expect(f.message(.zh).contains("空"))
        #expect(parse("").document == nil)
    }

    @Test func onlyCommentsOrBlankLines() {
        expectSingle(parse("# 只有注释\n# 第二行\n"), "yaml-empty", at: "1:1")
        expectSingle(parse("\n\n   \n"), "yaml-empty", at: "1:1")
        expectSingle(parse("---\n# 没有内容\n"), "yaml-empty", at: "1:1")
        expectSingle(parse(bytes: [0xEF, 0xBB, 0xBF]), "yaml-empty", at: "1:1")
        expectSingle(parse("# c\r\n\r\n"), "yaml-empty", at: "1:1")
    }

    @Test func explicitNullRootIsNotEmpty() throws {
        let result = parse("~\n")
        #expect(result.findings.isEmpty)
        #expect(result.document?.root.isNull == true)
    }

    @Test func multipleDocuments() throws {
        let result = parse("a: 1\n---\nb: 2\n")
        let f = try #require(expectSingle(result, "yaml-multiple-documents", at: "2:1"))
        #expect(f.arguments["firstLine"] == "1")
        // The first document is still there.
        #expect(result.document?.root["a"]?.value == .int(1))
        expectSingle(parse("---\na: 1\n...\n---\nb: 2\n"), "yaml-multiple-documents", at: "4:1")
        // One explicit document with an end marker is fine.
        #expect(parse("---\na: 1\n...\n").findings.isEmpty)
    }

    // MARK: Encodings

    /// "格式: gkml/1\n名称: 就业\n" in GB18030 (格 B8F1, 式 CABD, 名 C3FB, 称 B3C6, 就 BECD, 业 D2B5).
    static let gbkCatalog: [UInt8] = [
        0xB8, 0xF1, 0xCA, 0xBD, 0x3A, 0x20, 0x67, 0x6B, 0x6D, 0x6C, 0x2F, 0x31, 0x0A,
        0xC3, 0xFB, 0xB3, 0xC6, 0x3A, 0x20, 0xBE, 0xCD, 0xD2, 0xB5, 0x0A,
    ]

    @Test func gbkFile() throws {
        let f = try #require(expectSingle(parse(bytes: Self.gbkCatalog), "yaml-encoding-gbk", at: "1:1"))
        #expect(f.arguments["byte"] == "B8")
        #expect(f.message(.zh).contains("GBK/GB18030"))
        #expect(f.hint(.zh)?.contains("iconv -f GB18030 -t UTF-8") == true)
        #expect(f.hint(.zh)?.contains("另存为") == true)
    }

    @Test func gbkAfterAsciiLines() throws {
        // "a: 1\r\nb: 就业\n": the first non-UTF-8 byte is on line 2, column 4.
        let bytes: [UInt8] = Array("a: 1\r\nb: ".utf8) + [0xBE, 0xCD, 0xD2, 0xB5, 0x0A]
        expectSingle(parse(bytes: bytes), "yaml-encoding-gbk", at: "2:4")
        // Valid UTF-8 Chinese before the GBK bytes (text pasted from two sources) counts as characters.
        let mixed: [UInt8] = Array("名称: 就业\n说明: ".utf8) + [0xBE, 0xCD, 0xD2, 0xB5]
        let result = parse(bytes: mixed)
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.location.position == SourcePosition(line: 2, column: 5))
    }

    @Test func encodingIsReportedBeforeASyntaxErrorEarlierInTheFile() throws {
        // libyaml stops at the syntax error on line 1 before reading the GBK bytes 40 KB later; the encoding
        // is still what gets reported, since it explains everything else.
        var bytes = Array("a: [1\n".utf8)
        for i in 0..<2000 { bytes += Array("k\(i): some text\n".utf8) }
        let line = 2002
        bytes += Array("b: ".utf8) + [0xBE, 0xCD, 0xD2, 0xB5, 0x0A]
        expectSingle(parse(bytes: bytes), "yaml-encoding-gbk", at: "\(line):4")
    }

    @Test func gb18030FourByteSequences() throws {
        // 𠀀 (U+20000) in GB18030 is 95 32 82 36.
        let bytes: [UInt8] = Array("a: ".utf8) + [0x95, 0x32, 0x82, 0x36] + Array("\n".utf8)
        expectSingle(parse(bytes: bytes), "yaml-encoding-gbk", at: "1:4")
    }

    @Test func otherInvalidUTF8() throws {
        // Latin-1 "café" with an ASCII letter after é would pass as GBK; é at the end does not.
        let bytes: [UInt8] = Array("name: caf".utf8) + [0xE9] + Array("\n".utf8)
        let f = try #require(expectSingle(parse(bytes: bytes), "yaml-encoding-invalid", at: "1:10"))
        #expect(f.arguments["byte"] == "E9")
        // A truncated UTF-8 sequence at the end of the file.
        expectSingle(parse(bytes: Array("a: ".utf8) + [0xE5]), "yaml-encoding-invalid", at: "1:4")
        // A UTF-8-encoded surrogate.
        expectSingle(parse(bytes: Array("a: ".utf8) + [0xED, 0xA0, 0x80]), "yaml-encoding-invalid", at: "1:4")
    }

    @Test func utf16ByteOrderMarks() throws {
        let le: [UInt8] = [0xFF, 0xFE] + Array("a: 1\n".utf8).flatMap { [$0, 0] }
        let f = try #require(expectSingle(parse(bytes: le), "yaml-encoding-utf16", at: "1:1"))
        #expect(f.arguments["encoding"] == "UTF-16LE")
        #expect(f.message(.zh) == "文件是 UTF-16LE 编码，不是 UTF-8")
        let be: [UInt8] = [0xFE, 0xFF] + Array("a: 1\n".utf8).flatMap { [0, $0] }
        #expect(expectSingle(parse(bytes: be), "yaml-encoding-utf16", at: "1:1")?.arguments["encoding"] == "UTF-16BE")
        let utf32: [UInt8] = [0xFF, 0xFE, 0, 0, 0x61, 0, 0, 0]
        #expect(
            expectSingle(parse(bytes: utf32), "yaml-encoding-utf16", at: "1:1")?.arguments["encoding"] == "UTF-32LE")
    }

    @Test func utf16WithoutBOM() throws {
        let le: [UInt8] = Array("格式: gkml/1\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(expectSingle(parse(bytes: le), "yaml-encoding-utf16", at: "1:1")?.arguments["encoding"] == "UTF-16LE")
    }

    @Test func randomBinaryBytes() throws {
        var generator = LCG(seed: 42)
        for size in [16, 300, 4096, 100_000] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next() >> 24) }
            // Without any NUL byte too. Always located (at the first byte that is not text).
            for input in [bytes, bytes.map { $0 == 0 ? 1 : $0 }] {
                let findings = parse(bytes: input).findings
                #expect(findings.map(\.code) == ["yaml-binary"])
                #expect(findings.first?.location.position != nil)
            }
        }
        // A PNG header, a ZIP (xlsx/docx) header.
        // At the first byte that is not text: the PNG's 0x89 (not UTF-8), the ZIP's 0x03.
        let png = expectSingle(
            parse(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), "yaml-binary", at: "1:1")
        #expect(png?.arguments["byte"] == "89")
        let zip = expectSingle(
            parse(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0]), "yaml-binary", at: "1:3")
        #expect(zip?.arguments["byte"] == "03")
    }

    @Test func nulBytes() throws {
        // In a short file a NUL means binary, reported at the NUL (issue 15: it had no line).
        let short = expectSingle(
            parse(bytes: Array("a: 1\n".utf8) + [0] + Array("b: 2\n".utf8)), "yaml-binary", at: "2:1")
        #expect(short?.arguments["byte"] == "00")
        expectSingle(parse(bytes: Array("a: 1\nb: \"就业".utf8) + [0] + Array("\"\n".utf8)), "yaml-binary", at: "2:7")
        // A stray NUL in a real catalog is shown where it is.
        var bytes: [UInt8] = []
        for i in 0..<100 { bytes += Array("k\(i): 就业政策法规\n".utf8) }
        bytes += Array("名称: 就".utf8) + [0] + Array("业\n".utf8)
        let f = try #require(expectSingle(parse(bytes: bytes), "yaml-control-char", at: "101:6"))
        #expect(f.arguments["codepoint"] == "U+0000")
        // Several NULs: binary, at the first of them.
        expectSingle(parse(bytes: bytes + [0, 0, 0, 0]), "yaml-binary", at: "101:6")
    }

    @Test func controlCharacters() throws {
        let f = try #require(expectSingle(parse("名称: 就业\u{7}\n"), "yaml-control-char", at: "1:7"))
        #expect(f.arguments["codepoint"] == "U+0007")
        #expect(expectSingle(parse("a: x\u{9B}\n"), "yaml-control-char", at: "1:5")?.arguments["codepoint"] == "U+009B")
        expectSingle(parse("a: 1\nb: \u{FFFE}\n"), "yaml-control-char", at: "2:4")
        // Tab, CR, LF, NEL, U+FEFF inside the text are allowed.
        #expect(parse("a: \"x\ty\"\r\nb: 2\u{85}c: 3\n").findings.isEmpty)
    }

    // MARK: I/O

    @Test func fileThatDoesNotExist() throws {
        let path = TempFiles.directory + "/no-such-file.yaml"
        let result = YAMLParser.parseFile(atPath: path)
        let f = try #require(expectSingle(result, "io-not-found", at: nil))
        #expect(f.location.file == path)
        #expect(f.arguments["path"] == path)
        #expect(result.document == nil)
        #expect(
            YAMLParser.parseFile(atPath: "/nonexistent-dir/x.yaml", file: "x.yaml").findings.first?.location.file
                == "x.yaml")
        #expect(YAMLParser.parseFile(atPath: "").findings.first?.code == "io-not-found")
    }

    @Test func directoryIsNotAFile() throws {
        let result = YAMLParser.parseFile(atPath: TempFiles.directory)
        expectSingle(result, "io-is-directory", at: nil)
    }

    @Test func unreadableFile() throws {
        let path = try TempFiles.write("a: 1\n", name: "unreadable.yaml")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        let result = YAMLParser.parseFile(atPath: path)
        if getuid() == 0 {
            // root reads through chmod 000.
            #expect(result.findings.isEmpty)
        } else {
            expectSingle(result, "io-permission-denied", at: nil)
        }
    }

    @Test func otherIOErrorsAreFindings() throws {
        // A path through a regular file: ENOTDIR, reported as not found.
        let file = try TempFiles.write("a: 1\n", name: "plain.yaml")
        expectSingle(YAMLParser.parseFile(atPath: file + "/x.yaml"), "io-not-found", at: nil)
        let f = FileReader.Failure.other(.ioError).finding(file: "x.yaml", limits: .default)
        #expect(f.code == "io-unreadable")
        #expect(f.message(.zh) == "无法读取文件 x.yaml：读写设备出错")
        #expect(f.message(.en) == "cannot read x.yaml: input/output error")
    }

    @Test func readsPipes() throws {
        #if os(Linux)
            let path = "/proc/self/status"  // not a regular file size-wise: stat says 0 bytes
            let result = YAMLParser.parseFile(atPath: path)
            #expect(result.document?.root["Name"] != nil || !result.findings.isEmpty)
        #endif
    }
}

/// A small deterministic generator for test bytes.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}
