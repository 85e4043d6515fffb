import ArgumentParser
import CatalogModel
import CatalogRender
import Diagnostics

/// `gkml build [WORKSPACE] --out DIR`: the county office's job — validate, then publish every catalog of the
/// workspace as web pages, Excel, Word, Markdown, CSV and JSON, with an index. The policy is `SitePublisher`'s.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
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

    @Option(
        help: ArgumentHelp("要生成的格式，逗号分隔：html,md,csv,xlsx,docx,json（默认全部）。", valueName: "LIST"),
        transform: FormatList.parse)
    var formats: FormatList = .all

    @Option(
        help: ArgumentHelp(
            "自定义模板目录：其中与默认模板同名的文件（catalog.mustache、index.mustache、table.mustache、head.mustache、site-header.mustache、site-footer.mustache、gkml.css、gkml.js）替换默认模板。",
            valueName: "DIR"))
    var templates: String?

    @Option(
        help:
            "公开渠道和载体的印法：checklist（13 项 ■/□ 勾选框）、ticked（只印选用的，各带 ■）或 list（文字列出）；默认按 gkml.yaml「发布: 公开渠道」，未写时为 checklist。")
    var channels: ChannelStyle?

    @Flag(name: .customLong("allow-errors"), help: "即使目录有错误也生成（无法读取的目录仍会跳过）。")
    var allowErrors = false

    @OptionGroup var language: LanguageOption
    @OptionGroup var colorOption: ColorOption

    func run() throws {
        let lang = language.lang
        let outcome = SitePublisher.publish(
            PublishRequest(
                workspace: workspace, out: out, formats: formats.formats, templatesFolder: templates,
                channelStyle: channels, allowErrors: allowErrors))
        if let report = outcome.report, report.hasErrors || outcome.isInputFailure {
            Output.error(
                Reporter.render(
                    report, format: .text, language: lang, color: colorOption.stderr, kinds: FindingCatalog.all,
                    lines: Output.lineReader()))
        }
        if case .published(_, let plan, _) = outcome, let warning = plan.blockedMessage(workspaceArgument: workspace) {
            Output.error(warning[lang])
        }
        if let message = outcome.message(workspaceArgument: workspace) {
            if outcome.exitStatus == 0 { Output.print(message[lang]) } else { Output.error(message[lang]) }
        }
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }
}
