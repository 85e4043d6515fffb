import ArgumentParser
import CatalogLint
import CatalogModel
import CatalogRender
import Diagnostics
import Foundation

extension ChannelStyle: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// `gkml build [WORKSPACE] --out DIR`: the county office's job — validate, then publish every catalog of the
/// workspace as web pages, Excel, Word, Markdown, CSV and JSON, with an index.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成发布文件：网页、Excel、Word、Markdown、CSV、JSON。",
        discussion: """
            先校验工作区；有错误的目录不发布（列出这些目录，退出状态 1），除非加 --allow-errors。
            输出目录整体替换：先写入旁边的临时目录，全部成功后一次改名换入，中断时原有输出保持完整。
            同样的输入生成逐字节相同的文件。
            退出状态：0 已生成；1 目录有错误；2 用法错误或读写失败。
            """
    )

    @Argument(help: "工作区（含 gkml.yaml 的文件夹，或 gkml.yaml 本身；默认当前文件夹）。")
    var workspace: String = "."

    @Option(name: .long, help: ArgumentHelp("输出目录（整体替换；必须是新目录、空目录或以前由 gkml build 生成的目录）。", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("要生成的格式，逗号分隔：html,md,csv,xlsx,docx,json（默认全部）。", valueName: "LIST"))
    var formats: String = OutputFormat.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: ArgumentHelp("自定义模板目录：其中与默认模板同名的文件（catalog.mustache、index.mustache、table.mustache、head.mustache、site-header.mustache、site-footer.mustache、gkml.css、gkml.js）替换默认模板。", valueName: "DIR"))
    var templates: String?

    @Option(help: "公开渠道和载体的印法：checklist（13 项 ■/□ 勾选框）、ticked（只印选用的，各带 ■）或 list（文字列出）；默认按 gkml.yaml「发布: 公开渠道」，未写时为 checklist。")
    var channels: ChannelStyle?

    @Flag(name: .customLong("allow-errors"), help: "即使目录有错误也生成（无法读取的目录仍会跳过）。")
    var allowErrors = false

    func run() throws {
        let started = Date()
        let formatList: [OutputFormat]
        switch OutputFormat.parseList(formats) {
        case .success(let list): formatList = list
        case .failure(let error):
            Output.error("错误：\(error.message)")
            throw Status.failure
        }
        let templateSet = try loadTemplates(templates)

        // The workspace file.
        let workspaceFile = workspace.hasSuffix(WorkspaceLoader.fileName) ? workspace : (workspace as NSString).appendingPathComponent(WorkspaceLoader.fileName)
        guard FileManager.default.fileExists(atPath: workspaceFile) else {
            Output.error("错误：\(workspace) 不是工作区：找不到 \(WorkspaceLoader.fileName)。请指定含 gkml.yaml 的文件夹。")
            throw Status.failure
        }

        // Validate first, with the whole pipeline.
        let workspaceFolder = (workspaceFile as NSString).deletingLastPathComponent
        let outcome = Validator.run([workspaceFolder.isEmpty ? "." : workspaceFolder], options: ValidationOptions(keepCatalogs: true))
        // Render what was validated: the catalogs decoded once, by file.
        var validated: [String: Catalog] = [:]
        for (file, catalog) in outcome.catalogs { validated[standard(file)] = catalog }
        let report = outcome.report
        if report.hasErrors || outcome.inputFailure {
            Output.error(Reporter.render(
                report, format: .text, language: .zh, color: false, kinds: FindingCatalog.all, lines: Output.lineReader()))
        }
        if outcome.inputFailure { throw Status.failure }

        let loadedWorkspace = WorkspaceLoader.load(path: workspaceFile)
        guard let ws = loadedWorkspace.workspace else {
            Output.error("错误：工作区文件 \(workspaceFile) 有错误，无法生成。")
            throw Status.findings
        }
        let registry = loadedWorkspace.registry
        let errorsByFile = Dictionary(grouping: report.files.flatMap { file in
            file.findings.filter { $0.severity == .error }.map { (path: standard(file.path), finding: $0) }
        }, by: \.path)

        // Each jurisdiction's catalogs.
        var jurisdictions: [SiteJurisdiction] = []
        var blocked: [(file: String, errors: Int)] = []
        var skipped: [String] = []
        let workspaceErrors = (errorsByFile[standard(workspaceFile)]?.count ?? 0) + report.general.filter { $0.severity == .error }.count
        if workspaceErrors > 0 { blocked.append((workspaceFile, workspaceErrors)) }
        for jurisdiction in ws.jurisdictions {
            let folder = (ws.root as NSString).appendingPathComponent(jurisdiction.folder.value)
            var catalogs: [Catalog] = []
            for file in catalogFiles(in: folder) {
                let errors = errorsByFile[standard(file)]?.count ?? 0
                guard let catalog = validated[standard(file)] else {
                    blocked.append((file, max(errors, 1)))
                    skipped.append(file)
                    continue
                }
                if errors > 0 {
                    blocked.append((file, errors))
                    if !allowErrors { continue }
                }
                catalogs.append(catalog)
            }
            var notApplicable: [String: String] = [:]
            for (domain, reason) in jurisdiction.domainsNotApplicable { notApplicable[domain.value] = reason }
            jurisdictions.append(SiteJurisdiction(
                name: jurisdiction.name.value, level: jurisdiction.level.value, catalogs: catalogs, domainsNotApplicable: notApplicable))
        }

        if !blocked.isEmpty {
            var message = allowErrors ? "警告：以下目录有错误，仍按 --allow-errors 生成（无法解读为目录的除外）：\n" : "以下目录有错误，未生成任何文件：\n"
            for entry in blocked {
                message += "  \(entry.file)（\(entry.errors) 个错误）\(skipped.contains(entry.file) ? "：无法解读为目录，不能生成" : "")\n"
            }
            if !allowErrors {
                message += "请修正后重新生成（gkml validate \(workspace) 查看详情），或加 --allow-errors 强制生成。"
                Output.error(message)
                throw Status.findings
            }
            Output.error(message)
        }

        let source = SiteSource(workspace: ws, jurisdictions: jurisdictions, channelStyle: channels, registry: registry)
        let site: SiteOutput
        do {
            site = try SiteBuilder.build(source, formats: formatList, templates: templateSet)
            try OutputFolder.replace(out, with: site.files)
        } catch let error as RenderError {
            Output.error("错误：\(error.message)")
            throw Status.failure
        }

        let seconds = Date().timeIntervalSince(started)
        let warnings = report.count(.warning)
        var summary = "已生成 \(out)：\(jurisdictions.count) 个辖区，\(site.catalogCount) 个目录，\(site.itemCount) 个事项，"
        summary += "\(site.files.count) 个文件（\(formatList.map(\.rawValue).joined(separator: "、"))），用时 \(String(format: "%.1f", seconds)) 秒。\n"
        if warnings > 0 { summary += "校验发现 \(warnings) 个警告，可运行 gkml validate \(workspace) 查看。\n" }
        Output.print(summary)
    }

    /// The YAML files of a jurisdiction's folder, recursively, in name order (hidden entries skipped).
    func catalogFiles(in folder: String) -> [String] {
        let inputs = InputDiscovery.discover([folder])
        return inputs.groups.flatMap(\.files).filter { ($0 as NSString).lastPathComponent != WorkspaceLoader.fileName }
    }

    func standard(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}

/// The templates: the built-in ones, or those of `--templates DIR` laid over them.
func loadTemplates(_ folder: String?) throws -> HTMLTemplates {
    guard let folder else { return .builtIn }
    do {
        return try HTMLTemplates(overridesIn: folder)
    } catch let error as RenderError {
        Output.error("错误：\(error.message)")
        throw Status.failure
    }
}
