import CatalogImport
import Foundation
import Testing

/// Hostile or broken files get a clear error (exit status 2), never a crash or a hang (issue 9, item 7).
struct HostileFileTests {
    /// Writes an xlsx package whose parts are given as text (or as a repeated filler for the sheet), with Python's zipfile.
    static func package(_ name: String, in folder: URL, sheet: String, fillerMegabytes: Int = 0) throws -> URL {
        let url = folder.appendingPathComponent(name)
        let script = """
            import sys, zipfile
            path, sheet, filler = sys.argv[1], sys.argv[2], int(sys.argv[3])
            wb = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
            rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("xl/workbook.xml", wb)
                z.writestr("xl/_rels/workbook.xml.rels", rels)
                if filler:
                    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
                        f.write(sheet.encode())
                        chunk = b" " * (1 << 20)
                        for _ in range(filler):
                            f.write(chunk)
                else:
                    z.writestr("xl/worksheets/sheet1.xml", sheet)
            """
        let python = try #require(
            ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "python3 is needed to write the hostile packages")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, url.path, sheet, String(fillerMegabytes)]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return url
    }

    static func failure(_ file: URL, limits: ImportLimits = ImportLimits()) throws -> String {
        var request = Importer.Request(files: [file.path], into: file.deletingLastPathComponent().path)
        request.limits = limits
        let result = try Importer(request).run()
        #expect(result.exitStatus == 2)
        return try #require(
            result.failures.first?.error.message.zh, "\(file.lastPathComponent) was read without an error")
    }

    static let sheetStart =
        #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#

    @Test func zipBombStopsAtTheLimit() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 200 MiB of spaces, a few hundred KiB compressed: refused while inflating, at the default 128 MiB limit.
        let bomb = try Self.package("bomb.xlsx", in: folder, sheet: Self.sheetStart, fillerMegabytes: 200)
        let size = try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as! Int
        #expect(size < 2 << 20)
        let message = try Self.failure(bomb)
        #expect(message.contains("xl/worksheets/sheet1.xml") && message.contains("压缩炸弹"))
    }

    @Test func tenThousandColumnsAreRefused() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet =
            Self.sheetStart
            + #"<row r="1"><c r="A1" t="inlineStr"><is><t>公开内容</t></is></c><c r="NTP1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#
        let message = try Self.failure(try Self.package("wide.xlsx", in: folder, sheet: sheet))
        #expect(message.contains("10000 列以上") && message.contains("上限 200 列"))
    }

    @Test func brokenXMLNamesThePartAndLine() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = Self.sheetStart + "<row r=\"1\">\n<c r=\"A1\" t=\"inlineStr\"><is><t>公开内容</t></is>\n</row>"
        let message = try Self.failure(try Self.package("broken.xlsx", in: folder, sheet: sheet))
        #expect(message.contains("xl/worksheets/sheet1.xml 不是格式正确的 XML") && message.contains("第 3 行"))
    }

    @Test func passwordProtectedWorkbookSaysSo() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // An encrypted Office file is an OLE compound file (the EncryptedPackage inside it), whatever its extension.
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += Array(repeating: 0, count: 4096)
        let file = folder.appendingPathComponent("加密.xlsx")
        try Data(bytes).write(to: file)
        let message = try Self.failure(file)
        #expect(message.contains("设有密码") && message.contains("取消密码"))
    }

    @Test func hugeFileIsRefusedBeforeReading() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("huge.csv")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 200 << 20)  // sparse: 200 MiB without writing them
        try handle.close()
        let message = try Self.failure(file)
        #expect(message.contains("200 MiB") && message.contains("拒绝读取"))
    }

    @Test func notAZipAndUnknownTypesAreClear() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("目录.docx")
        try Data("这不是 Word 文档".utf8).write(to: fake)
        #expect(try Self.failure(fake).contains("不是有效的 Office 文件"))
        let pdf = folder.appendingPathComponent("目录.pdf")
        try Data("%PDF-1.4".utf8).write(to: pdf)
        #expect(try Self.failure(pdf).contains("不支持的文件类型 .pdf"))
        #expect(try Self.failure(folder.appendingPathComponent("没有.xlsx")).contains("找不到文件"))
    }
}
