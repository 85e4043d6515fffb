import ArgumentParser
import CatalogLint
import CatalogModel
import Diagnostics

extension ReportFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// `gkml validate [PATH…]`: schema and rules over files, folders or a workspace.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "校验目录文件：格式（JSON Schema）与规则。",
        discussion: """
            PATH 可以是文件、文件夹（递归查找 *.yaml / *.yml）或工作区（含 gkml.yaml 的文件夹）。
            退出状态：0 无错误；1 发现错误；2 用法错误或文件无法读取。
            """
    )

    @Argument(help: "要校验的文件或文件夹（默认当前文件夹）。")
    var paths: [String] = []

    @Option(help: "输出格式：text、json、sarif、github。")
    var format: ReportFormat = .text

    @Option(help: "消息语言：zh（中文）或 en（English）。")
    var lang: Language = .zh

    @Option(help: ArgumentHelp("用此 JSON Schema 校验任意 YAML/JSON 文件（不做目录规则检查）。", valueName: "FILE"))
    var schema: String?

    @Option(name: .customLong("schema-map"),
            help: ArgumentHelp("把 $ref 的网址前缀映射到本地文件夹（可重复）：网址前缀=文件夹。", valueName: "URI-PREFIX=DIR"))
    var schemaMaps: [String] = []

    func validate() throws {
        for map in schemaMaps where ExternalSchema.Mapping(map) == nil {
            throw ValidationError("--schema-map 应写作「网址前缀=文件夹」，实际为「\(map)」")
        }
        if !schemaMaps.isEmpty && schema == nil {
            throw ValidationError("--schema-map 只能与 --schema 一起使用")
        }
    }

    func run() throws {
        let inputs = paths.isEmpty ? ["."] : paths
        let outcome: ValidationOutcome
        if let schema {
            outcome = Validator.run(inputs, schema: schema, mappings: schemaMaps.compactMap(ExternalSchema.Mapping.init))
        } else {
            outcome = Validator.run(inputs)
        }
        Output.print(Reporter.render(
            outcome.report, format: format, language: lang, color: format == .text && Output.useColor,
            kinds: FindingCatalog.all, lines: Output.lineReader()))
        if outcome.inputFailure { throw Status.failure }
        if outcome.report.hasErrors { throw Status.findings }
    }
}
