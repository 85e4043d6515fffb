import ArgumentParser
import CatalogLint
import CatalogModel
import CatalogRender
import Diagnostics
import Foundation

/// `gkml render FILE --format F -o OUT`: one catalog in one format.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把一个目录文件生成为一种格式（html、md、csv、xlsx、docx、json）。",
        discussion: """
            OUT 是文件名，或一个已存在的文件夹（以 / 结尾时自动创建），文件名按“地区-领域英文名.扩展名”生成。
            生成的网页是单个自包含文件（样式和脚本内嵌，并以哈希列入内容安全策略）。
            文件所在工作区（上级目录中的 gkml.yaml）的层级名称会用于“公开层级”列。
            退出状态：0 已生成；1 目录有错误；2 用法错误或读写失败。
            """
    )

    @Argument(help: "目录文件（YAML）。")
    var file: String

    @Option(name: .long, help: "格式：html、md、csv、xlsx、docx、json。")
    var format: String

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("输出文件或文件夹（默认当前文件夹）。", valueName: "OUT"))
    var output: String = "."

    @Option(help: ArgumentHelp("自定义模板目录（仅 html）。", valueName: "DIR"))
    var templates: String?

    @Option(help: "公开渠道和载体的印法：checklist（13 项 ■/□ 勾选框）、ticked（只印选用的，各带 ■）或 list（文字列出）；默认按 gkml.yaml「发布: 公开渠道」，未写时为 checklist。")
    var channels: ChannelStyle?

    @Flag(name: .customLong("allow-errors"), help: "即使目录有错误也生成。")
    var allowErrors = false

    func run() throws {
        guard case .success(let formats) = OutputFormat.parseList(format), formats.count == 1, let format = formats.first else {
            Output.error("错误：--format 应为 html、md、csv、xlsx、docx、json 之一，实际为「\(self.format)」")
            throw Status.failure
        }
        let templateSet = try loadTemplates(templates)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            Output.error("错误：找不到目录文件 \(file)")
            throw Status.failure
        }

        let outcome = Validator.run([file])
        if outcome.report.hasErrors || outcome.inputFailure {
            Output.error(Reporter.render(
                outcome.report, format: .text, language: .zh, color: false, kinds: FindingCatalog.all, lines: Output.lineReader()))
        }
        if outcome.inputFailure { throw Status.failure }

        // The enclosing workspace, if any, gives the registry and the level columns.
        let folder = (file as NSString).deletingLastPathComponent
        let workspace = WorkspaceLoader.enclosingWorkspace(of: folder.isEmpty ? "." : folder).map { WorkspaceLoader.load(path: $0) }
        let registry = workspace?.registry ?? .pilot
        let loaded = CatalogLoader.load(path: file, registry: registry)
        guard let catalog = loaded.catalog else {
            Output.error("错误：\(file) 有错误，无法读取为目录。")
            throw Status.findings
        }
        if outcome.report.hasErrors && !allowErrors {
            Output.error("\(file) 有错误，未生成。请修正后重试，或加 --allow-errors 强制生成。")
            throw Status.findings
        }
        var options = TableOptions(channelStyle: channels ?? .checklist)
        if let ws = workspace?.workspace { options = TableOptions(workspace: ws, channelStyle: channels) }

        let target = outputPath(for: catalog, format: format, registry: registry)
        do {
            let bytes = try SiteBuilder.renderOne(catalog, format: format, options: options, templates: templateSet, registry: registry)
            try OutputFolder.writeFile(target, bytes: bytes)
        } catch let error as RenderError {
            Output.error("错误：\(error.message)")
            throw Status.failure
        }
        Output.print("已生成 \(target)\n")
    }

    /// OUT itself, or OUT/<地区>-<领域英文名>.<ext> when OUT is a folder (or ends with /).
    func outputPath(for catalog: Catalog, format: OutputFormat, registry: DomainRegistry) -> String {
        var isDirectory: ObjCBool = false
        let isFolder = output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue)
        guard isFolder else { return output }
        let name = SafeName.catalogBaseName(region: catalog.region.value, domain: catalog.domain.value, registry: registry)
        return (output as NSString).appendingPathComponent("\(name).\(format.fileExtension)")
    }
}
