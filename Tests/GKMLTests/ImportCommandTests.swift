import Foundation
import Testing

/// `gkml import` as a user runs it: files written, the report, exit statuses 0/1/2, JSON, English, legacy formats.
@Suite(.serialized) struct ImportCommandTests {
    static let fixtures = GKML.fixtures.appendingPathComponent("import")

    @Test func exitStatusesAndWrittenFiles() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 1: a real table that leaves 发布机构 and 版本 to a person.
        let real = try GKML.run([
            "import", Self.fixtures.appendingPathComponent("gaizhou-social-assistance.xlsx").path,
            "--into", folder.path, "--jurisdiction", "盖州市", "--level", "县级",
        ])
        #expect(real.status == 1, "\(real.all)")
        #expect(real.stdout.contains("已写入 \(folder.path)/盖州市-social-assistance.yaml：盖州市 社会救助，2 个事项"))
        #expect(real.stdout.contains("gaizhou-social-assistance.xlsx!社会救助: 请核对[import-value-missing]"))
        // Never overwritten: the same import again leaves the file and says why.
        let written = try String(
            contentsOf: folder.appendingPathComponent("盖州市-social-assistance.yaml"), encoding: .utf8)
        let again = try GKML.run([
            "import", Self.fixtures.appendingPathComponent("gaizhou-social-assistance.xlsx").path,
            "--into", folder.path, "--jurisdiction", "盖州市", "--level", "县级",
        ])
        #expect(again.status == 2 && again.stdout.contains("文件已存在") && again.stdout.contains("--update"))
        #expect(
            try String(contentsOf: folder.appendingPathComponent("盖州市-social-assistance.yaml"), encoding: .utf8)
                == written)
        // 0: with the missing facts given, nothing is left to a person… except the 编号 matched by similarity.
        let given = try GKML.run([
            "import", Self.fixtures.appendingPathComponent("tonghai-jiulong.html").path, "--into", folder.path,
            "--jurisdiction", "九龙街道", "--level", "乡级", "--publisher", "九龙街道办事处", "--catalog-version", "2024.1",
        ])
        #expect(given.status == 0, "\(given.all)")
        let check = try GKML.run(["validate", folder.appendingPathComponent("九龙街道-compulsory-education.yaml").path])
        #expect(!check.stdout.contains("error["), "\(check.all)")
        // 2: a file that cannot be read.
        let broken = folder.appendingPathComponent("坏.xlsx")
        try Data("not a workbook".utf8).write(to: broken)
        let bad = try GKML.run(["import", broken.path, "--into", folder.path])
        #expect(bad.status == 2 && bad.stdout.contains("错误：坏.xlsx 不是有效的 Office 文件"))
    }

    @Test func jsonReportInEnglish() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GKML.run([
            "import", Self.fixtures.appendingPathComponent("ynfq-elderly-care.docx").path, "--into", folder.path,
            "--jurisdiction", "富宁县某乡", "--domain", "养老服务", "--level", "乡级",
            "--dry-run", "--format", "json", "--lang", "en",
        ])
        #expect(result.status == 1)
        let report = try GKML.json(result)
        let catalogs = try #require(report["catalogs"] as? [[String: Any]])
        #expect(catalogs.count == 1 && catalogs[0]["items"] as? Int == 2 && catalogs[0]["written"] as? Bool == false)
        let notes = try #require(report["notes"] as? [[String: Any]])
        let other = try #require(notes.first { $0["code"] as? String == "import-channel-other" })
        #expect(other["place"] as? String == "ynfq-elderly-care.docx: table 1, row 3, column 8")
        #expect((other["message"] as? String)?.contains("is not a standard box") == true)
        #expect(report["exitStatus"] as? Int == 1)
        // --dry-run writes nothing.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// .xls (and .et, .doc, .wps) go through LibreOffice. The legacy workbook is made from a real fixture by
    /// LibreOffice itself; without LibreOffice on PATH the error says how to get it.
    @Test func legacyWorkbookThroughLibreOffice() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let soffice = try #require(
            ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            },
            "LibreOffice is needed (apt-get install libreoffice-calc; scripts/test installs it)")
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: soffice)
        convert.arguments = [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "xls", "--outdir",
            folder.path,
            Self.fixtures.appendingPathComponent("gaizhou-social-assistance.xlsx").path,
        ]
        convert.standardOutput = FileHandle.nullDevice
        convert.standardError = FileHandle.nullDevice
        try convert.run()
        convert.waitUntilExit()
        let xls = folder.appendingPathComponent("gaizhou-social-assistance.xls")
        try #require(FileManager.default.fileExists(atPath: xls.path))
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try GKML.run(["import", xls.path, "--into", out.path, "--jurisdiction", "盖州市", "--level", "县级"])
        #expect(result.status == 1 && result.stdout.contains("2 个事项"), "\(result.all)")
        let yaml = try String(contentsOf: out.appendingPathComponent("盖州市-social-assistance.yaml"), encoding: .utf8)
        #expect(yaml.contains("名称: 监督 检查") && yaml.contains("《辽宁省人民政府办公厅关于全面实施临时救助制度的通知》(辽政办发(2014)74号"))

        // Without LibreOffice: a clear error, exit 2.
        let process = Process()
        process.executableURL = GKML.executable
        process.arguments = ["import", xls.path, "--into", out.path]
        process.environment = ["PATH": "/nonexistent", "NO_COLOR": "1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("需要 LibreOffice 转换") && text.contains("apt-get install libreoffice-calc"))
    }
}
