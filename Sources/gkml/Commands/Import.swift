import ArgumentParser
import CatalogImport
import CatalogModel
import Diagnostics
import Foundation

/// `gkml import FILE…`: published tables in, gkml/1 catalogs out, with a report of every guess (issue 9).
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入已公布的目录表格（xlsx、docx、html、csv；.xls .doc .et .wps 需 LibreOffice），生成目录文件。",
        discussion: """
            例：gkml import 星海镇就业领域标准目录.xlsx --into 示例县
            每个表格生成一个目录文件（工作区中写入辖区文件夹，以领域英文名命名），不覆盖已有文件。
            报告列出每一处推断、未能识别的单元格和拆分，并注明其在原表中的位置（目录.xlsx!Sheet1!E12）。
            退出状态：0 全部读出、没有推断；1 有需要人工核对之处；2 文件无法读取。详见 docs/import.md。
            """)

    @Argument(help: ArgumentHelp("要导入的文件。", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("写入的工作区（含 gkml.yaml 的文件夹）或文件夹（默认当前文件夹）。", valueName: "WORKSPACE"))
    var into: String = "."

    @Option(help: ArgumentHelp("地区（辖区）名称，表格标题没有写明时使用。", valueName: "NAME"))
    var jurisdiction: String?

    @Option(help: ArgumentHelp("领域：名称、别名或代码，表格标题没有写明时使用。", valueName: "NAME"))
    var domain: String?

    @Option(help: "层级：市级、县级、乡级或村级（工作区中取辖区的层级）。")
    var level: String?

    @Option(help: "发布机构（表格没有写明时使用）。")
    var publisher: String?

    @Option(name: .customLong("catalog-version"), help: ArgumentHelp("版本，如 2024.1（表格没有写明时使用）。", valueName: "VERSION"))
    var catalogVersion: String?

    @Flag(name: .customLong("no-defaults"), help: "不生成「默认」：每个事项写出全部取值。")
    var noDefaults = false

    @Flag(help: "合并：按编号把修改过的表格并入已有的目录文件（保留注释、键的顺序和未改动的行），并像 gkml diff 一样列出变更。")
    var update = false

    @Flag(name: .customLong("allow-remove"), help: "与 --update 同用：表格中已删去的事项也从目录文件中删除（默认只报告）。")
    var allowRemove = false

    @Flag(help: "只报告，不写文件。")
    var dryRun = false

    @Option(help: "报告格式：text 或 json。")
    var format: ImportReportFormat = .text

    @Option(help: "消息语言：zh（中文）或 en（English）。")
    var lang: Language = .zh

    func run() throws {
        var request = Importer.Request(files: files, into: into)
        request.jurisdiction = jurisdiction
        request.domain = domain
        if let level {
            guard let parsed = Level(rawValue: level) else { throw ValidationError("层级「\(level)」无效：应为 市级、县级、乡级 或 村级") }
            request.level = parsed
        }
        request.publisher = publisher
        request.version = catalogVersion
        request.useDefaults = !noDefaults
        let importer: Importer
        do {
            importer = try Importer(request)
        } catch {
            Output.error("gkml import: " + error.message[lang])
            throw Status.failure
        }
        var result = importer.run()
        let outcome = ImportCommit(update: update, allowRemove: allowRemove, dryRun: dryRun, language: lang)
            .apply(&result, workspace: importer.workspace)
        let written = outcome.written
        let diffs = outcome.diffText
        if format == .text { Output.print(diffs) }
        Output.print(ImportReport(result: result, written: written, dryRun: dryRun).render(format, lang))
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }
}

extension ImportReportFormat: ExpressibleByArgument {}
