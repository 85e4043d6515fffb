import CatalogImport
import CatalogModel
import Foundation
import Testing

enum Support {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/import")

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gkml-import-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Imports one fixture into an empty folder (nothing is written: the outputs are returned).
    static func importFixture(_ name: String, jurisdiction: String? = nil, domain: String? = nil, level: Level? = nil)
        throws -> Importer.Result
    {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = Importer.Request(files: [fixtures.appendingPathComponent(name).path], into: folder.path)
        request.jurisdiction = jurisdiction
        request.domain = domain
        request.level = level
        return try Importer(request).run()
    }
}

/// What one imported row must read as.
struct ExpectedRow {
    var id: String
    var group: String
    var name: String
    var content: String
    var basis: [String]
    var timeLimit: String
    var bodies: [String]
    var channels: [String]
    var audience: Audience = .everyone
    var mode: DisclosureMode = .proactive
    var levels: [Level]

    func check(_ item: ImportedItem, _ label: String) {
        #expect(item.id == id, "\(label): 编号")
        #expect(item.group == group, "\(label): 一级事项")
        #expect(item.name == name, "\(label): 名称")
        #expect(item.content == content, "\(label): 公开内容")
        #expect(item.basis == basis, "\(label): 公开依据")
        #expect(item.timeLimit == timeLimit, "\(label): 公开时限")
        #expect(item.bodies == bodies, "\(label): 公开主体")
        #expect(item.channels?.map(\.text) == channels, "\(label): 公开渠道")
        #expect(item.audience == audience, "\(label): 公开对象")
        #expect(item.mode == mode, "\(label): 公开方式")
        #expect(item.levels == levels, "\(label): 公开层级")
    }
}

extension Support {
    /// Runs a Python script with `<repo>/.venv/bin/python3` (made by scripts/test, with python-docx and openpyxl)
    /// or python3 on PATH; a failure is a thrown error with its stderr, never a skip.
    static func python(_ script: String, _ arguments: [String]) throws {
        let venv = root.appendingPathComponent(".venv/bin/python3")
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: venv.path) {
            process.executableURL = venv
            process.arguments = ["-c", script] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script] + arguments
        }
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        struct PythonFailed: Error, CustomStringConvertible { var description: String }
        guard process.terminationStatus == 0 else {
            throw PythonFailed(description: "python (run scripts/test to install python-docx): \(message)")
        }
    }
}
