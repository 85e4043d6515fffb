import ArgumentParser
import CatalogModel
import Diagnostics

/// `gkml show FILE [编号…]`: items as published, 默认 applied, each value marked with where it is written.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "显示事项的全部要素（已应用「默认」），并标出每个值写在事项中还是「默认」中。",
        discussion: "例：gkml show 星海镇/employment.yaml 17-01-02")

    @Argument(help: "目录文件。")
    var file: String

    @Argument(help: "要显示的事项编号（默认全部）。")
    var ids: [String] = []

    @OptionGroup var output: TextOrJSONOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        let lang = language.lang
        let loaded = CatalogLoader.load(path: file)
        guard let catalog = loaded.catalog else {
            let report = ValidationReport(files: [FileReport(path: file, findings: loaded.findings)])
            Output.error(Reporter.render(report, format: .text, language: lang, lines: Output.lineReader()))
            Output.error(
                lang == .zh
                    ? "文件有错误，无法显示事项；请先按上面的提示修改（gkml validate \(file)）。"
                    : "the file has errors, so its items cannot be shown; fix them first (gkml validate \(file)).")
            throw loaded.findings.contains { $0.code.hasPrefix("io-") } ? Status.failure : Status.findings
        }
        let (views, unknown) = ItemView.select(catalog, ids: ids)
        for (id, suggestion) in unknown {
            var message = lang == .zh ? "\(file) 中没有编号为「\(id)」的事项。" : "\(file) has no item \(id)."
            if let suggestion { message += " " + Suggestion.didYouMean(suggestion)[lang] }
            Output.error(message)
        }
        switch output.format {
        case .text: Output.print(ItemView.text(views, file: file, language: lang))
        case .json: Output.print(ItemView.json(views, file: file).serialized())
        }
        if !unknown.isEmpty { throw Status.findings }
    }
}
