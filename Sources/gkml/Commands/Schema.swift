import ArgumentParser
import CatalogModel

/// `gkml schema`: the built-in JSON Schemas, for editors and other validators.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "输出内置的 JSON Schema（供编辑器和其他校验工具使用）。",
        discussion: "编辑器设置见 README：在目录文件第一行写 # yaml-language-server: $schema=<路径>/catalog.schema.json")

    enum Which: String, ExpressibleByArgument, CaseIterable { case catalog, workspace }

    @Argument(help: "catalog（目录文件）或 workspace（gkml.yaml）。")
    var which: Which = .catalog

    @OptionGroup var language: LanguageOption

    func run() throws {
        let path = "schemas/\(which.rawValue).schema.json"
        guard let text = EmbeddedResources.files[path] else {
            Output.error(language.lang == .zh ? "错误：内置资源中没有 \(path)" : "error: \(path) is not among the built-in resources")
            throw Status.failure
        }
        Output.print(text)
    }
}
