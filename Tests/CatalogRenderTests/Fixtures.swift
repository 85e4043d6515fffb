import CatalogModel
import Diagnostics
import Foundation

/// Catalog values built in code, so that the renderer tests do not depend on the YAML stages.
enum Fixtures {
    static let here = SourcePosition(line: 1, column: 1)

    static func located<T>(_ value: T) -> Located<T> { Located(value, at: here) }
    static func list(_ values: [String]) -> Located<[Located<String>]> { located(values.map { located($0) }) }

    static func item(
        _ id: String, _ name: String, group: String, content: String = "相关内容", basis: [String] = ["《中华人民共和国政府信息公开条例》"],
        timeLimit: String = "自信息形成或者变更之日起20个工作日内", bodies: [String] = ["星海镇人民政府"],
        channels: [String] = ["政府网站", "公开查阅点"], audience: Audience = .everyone, mode: DisclosureMode = .proactive,
        levels: [Level] = [.township], reason: String? = nil, remark: String? = nil
    ) -> CatalogItem {
        CatalogItem(
            id: located(id), name: located(name), group: located(group), content: located(content),
            basis: list(basis), timeLimit: located(timeLimit), bodies: list(bodies),
            channels: located(channels.map { located(Channel($0)!) }), audience: located(audience), mode: located(mode),
            levels: located(levels.map { located($0) }), reasonNotProactive: reason.map { located($0) },
            remark: remark.map { located($0) }, position: here
        )
    }

    static func catalog(region: String = "示例县星海镇", domain: String = "就业", groups: [(String, [CatalogItem])]) -> Catalog
    {
        Catalog(
            file: "fixture.yaml", domain: located(domain), region: located(region), level: located(.township),
            publisher: located("星海镇人民政府"), version: located("2024.1"), effectiveDate: located("2024-06-01"),
            groups: groups.map { ItemGroup(name: located($0.0), items: $0.1) },
            notApplicable: [NotApplicableItem(id: located("17-02-02"), reason: located("由县人社局负责"))],
            adjustments: [Adjustment(date: located("2024-06-01"), version: located("2024.1"), note: located("初始编制"))]
        )
    }

    /// The employment catalog of the example workspace's 星海镇, as the YAML gives it with 默认 applied.
    static var employment: Catalog {
        catalog(groups: [
            (
                "就业创业政策",
                [
                    item(
                        "17-01-01", "就业政策法规", group: "就业创业政策", content: "涉及就业创业的法律、法规、规章及规范性文件",
                        basis: ["《中华人民共和国就业促进法》", "《中华人民共和国政府信息公开条例》（国令第711号）"],
                        channels: ["政府网站", "两微一端", "公开查阅点", "其他：县人社局微信公众号"], levels: [.county, .township])
                ]
            ),
            (
                "就业服务",
                [
                    item(
                        "17-02-01", "招聘会信息", group: "就业服务", content: "本镇举办或承办的招聘会时间、地点、参会单位及岗位信息",
                        basis: ["《就业服务与就业管理规定》"], timeLimit: "招聘会举办5个工作日前",
                        channels: ["政府网站", "便民服务站", "社区/企事业单位/村公示栏(电子屏)"]),
                    item(
                        "17-02-03", "失业登记人员名单", group: "就业服务", content: "本镇登记失业人员汇总情况",
                        basis: ["《就业服务与就业管理规定》"], audience: .specificGroups, mode: .onRequest,
                        reason: "涉及个人信息，仅向本人及利害关系人提供"),
                ]
            ),
        ])
    }

    /// Text that must never become markup, a formula or a path.
    static let script = "<script>alert(1)</script>"
    static let attribute = "\" onmouseover=\"alert(1)"

    static var hostile: Catalog {
        catalog(
            region: "../../etc/恶意\u{0}镇", domain: "就业",
            groups: [
                (
                    script,
                    [
                        item(
                            "17-01-01", "=HYPERLINK(\"http://evil.example\",\"点我\")", group: script,
                            content: attribute + " x",
                            basis: ["+SUM(1,2)", "@cmd"], timeLimit: "-1+1", bodies: ["\t=1+1"],
                            channels: ["政府网站", "其他：<img src=x onerror=alert(1)>"], remark: "'; DROP TABLE; -- <b>粗体</b>"
                        ),
                        item("17-01-02", "正常事项 | 竖线 *星号*", group: script, content: "第一行\n第二行，含逗号,和\"引号\""),
                    ]
                )
            ])
    }
}

/// Locating tools and the repository from tests.
enum TestSupport {
    /// The repository root (…/Tests/CatalogRenderTests/X.swift → …).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gkml-render-tests-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The full path of a program on PATH, or nil.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program and waits; stdout and stderr are collected through files (no pipe deadlocks).
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
        let folder = try temporaryFolder("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        )
    }

    /// A Python-side tool (python3, check-jsonschema): `<repo>/.venv/bin/<name>` (made by scripts/test) when it
    /// exists, else `<name>` on PATH; missing, it is an error, never a skip.
    static func pythonTool(_ name: String) throws -> String {
        let venv = repositoryRoot.appendingPathComponent(".venv/bin/\(name)").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        guard let path = which(name) else { throw ToolMissing(tool: name) }
        return path
    }

    /// Runs a Python script with the given arguments (python3 must be installed: the tests fail otherwise).
    static func python(_ script: String, _ arguments: [String]) throws -> Run {
        try run(try pythonTool("python3"), ["-c", script] + arguments)
    }

    struct ToolMissing: Error, CustomStringConvertible {
        var tool: String
        var description: String {
            "\(tool) is not installed: the render tests read the outputs back with it; run scripts/test, which installs it"
        }
    }
}

extension Fixtures {
    /// A catalog long enough to print on several pages (for the print layout and the header repeat).
    static var long: Catalog {
        var groups: [(String, [CatalogItem])] = []
        for g in 1...8 {
            let name = "第\(g)类事项"
            groups.append(
                (
                    name,
                    (1...6).map { i in
                        item(
                            String(format: "17-%02d-%02d", g, i), "事项\(g)-\(i)", group: name,
                            content: "本事项的公开内容，包括政策文件、办事指南、办理结果等要素，第\(g)组第\(i)项。",
                            basis: ["《中华人民共和国政府信息公开条例》（国令第711号）", "《就业服务与就业管理规定》"],
                            channels: ["政府网站", "两微一端", "便民服务站", "社区/企事业单位/村公示栏(电子屏)"],
                            mode: i == 6 ? .onRequest : .proactive, reason: i == 6 ? "涉及个人隐私" : nil)
                    }
                ))
        }
        return catalog(groups: groups)
    }
}

extension TestSupport {
    /// The Chromium binary (Debian: chromium). Tests fail when it is missing: scripts/test installs it.
    static func chromium() throws -> String {
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            if let path = which(name) { return path }
        }
        throw ToolMissing(tool: "chromium")
    }

    /// Runs headless Chromium on a file URL with the given extra arguments; a throwaway profile each time.
    static func chromium(_ url: URL, query: String = "", _ arguments: [String]) throws -> Run {
        let profile = try temporaryFolder("chromium-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        var target = url.absoluteString
        if !query.isEmpty { target += "?" + query }
        return try run(
            try chromium(),
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--user-data-dir=\(profile.path)",
            ] + arguments + [target], timeout: 120)
    }

    /// The console messages Chromium logged for the page (uncaught errors, CSP violations, failed loads).
    static func consoleMessages(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter {
            $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("Content Security Policy")
                || $0.contains("Refused to")
                || $0.contains("net::ERR_")
        }
    }

    /// Asserts that python3 can import a module (the readers the tests use); throws a clear error otherwise.
    static func requirePython(_ module: String) throws {
        let result = try python("import \(module)", [])
        if result.status != 0 { throw ToolMissing(tool: "python3 module \(module) (listed in .ci/requirements.txt)") }
    }
}
