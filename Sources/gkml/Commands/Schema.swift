import Foundation
import ArgumentParser
import CatalogModel

/// `gkml schema`: the built-in JSON Schemas, for editors and other validators.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "输出内置的 JSON Schema（供编辑器和其他校验工具使用）。",
        discussion: """
            编辑器设置见 docs/editor.md。--write 把两个模式文件写入（或更新）工作区的 .gkml/schemas/，
            供编辑器离线补全和检查；gkml init 已经写过一次，升级 gkml 后再运行一次即可。
            """)

    enum Which: String, ExpressibleByArgument, CaseIterable { case catalog, workspace }

    @Argument(help: "catalog（目录文件）或 workspace（gkml.yaml）。")
    var which: Which = .catalog

    @Flag(help: "把模式文件写入工作区的 .gkml/schemas/（离线编辑器设置），而不是输出。")
    var write = false

    @Option(help: ArgumentHelp("--write 写入的工作区文件夹（默认：当前文件夹所在的工作区）。", valueName: "DIR"))
    var workspace: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        if write {
            do {
                let report = try SchemaFiles.refresh(
                    workspace: workspace, from: FileManager.default.currentDirectoryPath)
                Output.error(report[language.lang])
            } catch {
                Output.error((language.lang == .zh ? "错误：" : "error: ") + error.text[language.lang])
                throw Status.failure
            }
            return
        }
        let path = "schemas/\(which.rawValue).schema.json"
        guard let text = EmbeddedResources.files[path] else {
            Output.error(
                language.lang == .zh ? "错误：内置资源中没有 \(path)" : "error: \(path) is not among the built-in resources")
            throw Status.failure
        }
        Output.print(text)
    }
}
