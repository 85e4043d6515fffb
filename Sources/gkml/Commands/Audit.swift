import ArgumentParser
import CatalogAudit
import Diagnostics
import Foundation
import SafeOutput

extension AuditFormat: ExpressibleByArgument {}

/// `gkml audit [WORKSPACE]`: 电子督查 — is every item published on the website, on time, where the catalog says.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "电子督查：按目录的公开栏目检查政府网站是否发布、是否按时更新。",
        discussion: """
            读取各事项的「公开栏目」，抓取栏目列表页（遵守 robots.txt，每个网站同时最多 2 个请求并有间隔），
            检查：audit-no-column 缺公开栏目、audit-unreachable 无法访问、audit-empty 空栏目、
            audit-stale 未按周期更新、audit-late 文件超过时限发布（按国务院办公厅节假日安排计算工作日）。
            --mirror 读取网站的本地镜像（wget -m 的目录结构），用于内网和可重复的检查。
            退出状态：0 没有问题；1 发现问题；2 用法错误或工作区无法读取（网站无法访问是问题，不是 2）。
            """
    )

    @Argument(help: "工作区（含 gkml.yaml 的文件夹，或 gkml.yaml 本身；默认当前文件夹）。")
    var workspace: String = "."

    @Option(name: .customLong("as-of"), help: ArgumentHelp("检查日期 YYYY-MM-DD（默认今天，北京时间）。", valueName: "DATE"))
    var asOf: String?

    @Option(help: ArgumentHelp("读取网站镜像而不联网：wget -m 保存的文件夹（其中是以网站域名命名的子文件夹）。", valueName: "DIR"))
    var mirror: String?

    @Option(help: "输出格式：text、json、html、xlsx。")
    var format: AuditFormat = .text

    @Option(help: ArgumentHelp("写入文件（xlsx 必须指定）；默认输出到标准输出。", valueName: "FILE"))
    var out: String?

    @Option(help: "消息语言：zh（中文）或 en（English）。")
    var lang: Language = .zh

    @Option(name: .customLong("page-limit"), help: ArgumentHelp("每个栏目最多读取的列表页数（含第一页）。", valueName: "N"))
    var pageLimit: Int = 5

    @Option(help: ArgumentHelp("同一网站两次请求之间的间隔秒数。", valueName: "SECONDS"))
    var delay: Double = 0.5

    @Option(name: .customLong("max-requests"), help: ArgumentHelp("整个检查最多发出的请求数。", valueName: "N"))
    var maxRequests: Int = 2000

    func validate() throws {
        if let asOf, CivilDate(asOf) == nil { throw ValidationError("--as-of 应写作 YYYY-MM-DD，实际为「\(asOf)」") }
        if format == .xlsx, out == nil { throw ValidationError("--format xlsx 须用 --out 指定输出文件") }
        if pageLimit < 1 { throw ValidationError("--page-limit 至少为 1") }
        if delay < 0 { throw ValidationError("--delay 不能为负数") }
        if let mirror {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: mirror, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw ValidationError("--mirror \(mirror) 不是文件夹")
            }
        }
    }

    func run() throws {
        let date = asOf.flatMap(CivilDate.init) ?? CivilDate.todayInChina(now: Date().timeIntervalSince1970)
        let loaded: AuditWorkspace
        do {
            loaded = try AuditWorkspace.load(path: workspace)
        } catch let error as AuditError {
            Output.error((lang == .en ? "error: " : "错误：") + error.message(lang))
            throw Status.failure
        }
        var policy = FetchPolicy()
        policy.delay = delay
        policy.pageLimit = pageLimit - 1
        policy.maxRequests = maxRequests
        let source: PageSource =
            mirror.map { MirrorSource(root: URL(fileURLWithPath: $0)) } ?? HTTPSource(policy: policy)
        var options = AuditOptions(asOf: date, pageLimit: pageLimit - 1)
        options.language = lang
        // A progress line only on a terminal.
        let showProgress = Output.useStderrColor
        var progress: (@Sendable (String) -> Void)?
        if showProgress {
            progress = { line in FileHandle.standardError.write(Data(("\r\u{1B}[K" + String(line.prefix(100))).utf8)) }
        }
        let settled = options, reporter = progress
        let result = blockingWait {
            try await Auditor.run(loaded, source: source, options: settled, progress: reporter)
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let report: AuditReport
        switch result {
        case .success(let r): report = r
        case .failure(let error as AuditError):
            Output.error((lang == .en ? "error: " : "错误：") + error.message(lang))
            throw Status.failure
        case .failure(let error):
            Output.error((lang == .en ? "error: " : "错误：") + String(describing: error))
            throw Status.failure
        }
        let bytes: Data
        do {
            bytes = try AuditRendering.render(report, format: format, language: lang)
        } catch {
            Output.error((lang == .en ? "error: " : "错误：") + String(describing: error))
            throw Status.failure
        }
        if let out {
            do {
                try SafeFileWriter.write(bytes: Array(bytes), to: out, overwrite: true)
            } catch {
                Output.error(lang == .en ? "error: " + error.englishMessage : "错误：" + error.message)
                throw Status.failure
            }
        } else {
            FileHandle.standardOutput.write(bytes)
        }
        if !report.findings.isEmpty { throw Status.findings }
    }
}

/// Runs async work from the synchronous command and waits for it.
func blockingWait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, Error> {
    let box = ResultBox<T>()
    let semaphore = DispatchSemaphore(value: 0)
    Task {
        do { box.value = .success(try await work()) } catch { box.value = .failure(error) }
        semaphore.signal()
    }
    semaphore.wait()
    return box.value!
}

final class ResultBox<T>: @unchecked Sendable {
    var value: Result<T, Error>?
}
