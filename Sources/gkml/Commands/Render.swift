import ArgumentParser
import CatalogModel
import CatalogRender
import Diagnostics
import SafeOutput

/// `gkml render FILE --format F -o OUT`: one catalog in one format. The policy is `FilePublisher`'s.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
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

    @Option(name: .long, help: "格式：html、md、csv、xlsx、docx、json。", transform: OutputFormat.parse)
    var format: OutputFormat

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("输出文件或文件夹（默认当前文件夹）。", valueName: "OUT"))
    var output: String = "."

    @Option(help: ArgumentHelp("自定义模板目录（仅 html）。", valueName: "DIR"))
    var templates: String?

    @Option(
        help:
            "公开渠道和载体的印法：checklist（13 项 ■/□ 勾选框）、ticked（只印选用的，各带 ■）或 list（文字列出）；默认按 gkml.yaml「发布: 公开渠道」，未写时为 checklist。")
    var channels: ChannelStyle?

    @Flag(name: .customLong("allow-errors"), help: "即使目录有错误也生成。")
    var allowErrors = false

    @OptionGroup var language: LanguageOption
    @OptionGroup var colorOption: ColorOption

    func run() throws {
        let lang = language.lang
        let outcome = FilePublisher.render(
            FileRenderRequest(
                file: file, output: output, format: format, templatesFolder: templates, channelStyle: channels,
                allowErrors: allowErrors))
        if let report = outcome.report, report.hasErrors || outcome.isInputFailure {
            Output.error(
                Reporter.render(
                    report, format: .text, language: lang, color: colorOption.stderr, kinds: FindingCatalog.all,
                    lines: Output.lineReader()))
        }
        if let message = outcome.message {
            // Written into stdout or a device: the note goes to stderr so that it does not join the output.
            if outcome.exitStatus == 0 && !SafeFileWriter.writesThrough(output) {
                Output.print(message[lang])
            } else {
                Output.error(message[lang])
            }
        }
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }
}
