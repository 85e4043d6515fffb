import ArgumentParser
import CatalogModel
import Diagnostics
import Foundation

/// `gkml init`: start a workspace, or a domain catalog from the baseline (issue 3).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "初始化：创建工作区（gkml.yaml 和各辖区文件夹），或从基准目录生成一个领域的目录。",
        subcommands: [WorkspaceCommand.self, CatalogCommand.self]
    )

    /// `gkml init workspace DIR --region 示例县 --townships 星海镇,长胜乡`.
    struct WorkspaceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workspace",
            abstract: "创建工作区：写入 DIR/gkml.yaml，并为县本级和各乡镇建立目录文件夹。",
            discussion: """
                例：gkml init workspace 示例县 --region 示例县 --townships 星海镇,长胜乡
                机构名录预置本级人民政府、发布机构和各乡镇人民政府（街道为街道办事处），请补充各部门全称。
                已有 gkml.yaml 时不会覆盖（除非加 --force）。
                """)

        @Argument(help: "工作区文件夹（不存在则创建）。")
        var directory: String

        @Option(help: "本级地区名称，如 示例县。")
        var region: String

        @Option(help: "下辖乡镇（街道），以逗号分隔，如 星海镇,长胜乡。")
        var townships: String?

        @Option(help: "本级层级：市级、县级或乡级（默认 县级）。", transform: Level.parse)
        var level: Level = .county

        @Option(help: "发布机构（默认 <地区>人民政府办公室）。")
        var publisher: String?

        @Flag(help: "覆盖已有的 gkml.yaml。")
        var force = false

        @OptionGroup var language: LanguageOption

        func run() throws {
            do {
                let report = try WorkspaceInit.run(
                    WorkspaceInit.Request(
                        directory: directory, region: region, level: level, publisher: publisher, townships: townships,
                        force: force))
                Output.print(report.message[language.lang])
            } catch {
                Output.error((language.lang == .zh ? "错误：" : "error: ") + error.text[language.lang])
                throw Status.failure
            }
        }
    }

    /// `gkml init catalog --domain 就业 --region 星海镇 --level 乡级 --body 星海镇人民政府`.
    struct CatalogCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "从基准目录生成一个领域的目录文件。",
            discussion: """
                选取基准目录中公开层级含本级的事项，保留编号；公开层级收窄为本级；基准中的乡镇人民政府（街道办事处）
                由 --body 指定的机构替换，县级部门等其他角色保留，可用 --role 角色=机构 逐一替换为本地机构全称。
                在工作区中（--workspace，或当前文件夹位于工作区内），--region 为辖区名称，文件写到该辖区文件夹，
                以领域英文名命名（如 employment.yaml）。已有文件不会覆盖（除非加 --force）。
                例：gkml init catalog --workspace 示例县 --region 星海镇 --domain 就业 \\
                      --role 县级人力资源社会保障部门=示例县人力资源和社会保障局
                """)

        @Option(help: "领域：名称、别名或代码，如 就业、就业创业、17。")
        var domain: String

        @Option(help: "地区（辖区）名称，如 星海镇。")
        var region: String

        @Option(help: "层级：县级或乡级（在工作区中默认取辖区的层级）。", transform: Level.parse)
        var level: Level?

        @Option(help: "本级机构，替换基准目录中的乡镇人民政府（街道办事处）（在工作区中默认 <辖区>人民政府）。")
        var body: String?

        @Option(help: "发布机构（默认同 --body）。")
        var publisher: String?

        @Option(name: .customLong("role"), help: "把基准目录中的角色替换为本地机构：角色=机构，可重复。")
        var roles: [String] = []

        @Option(help: "输出文件（默认：工作区中为 <辖区文件夹>/<领域英文名>.yaml，否则为 ./<领域英文名>.yaml）。")
        var out: String?

        @Option(help: "工作区文件夹（含 gkml.yaml）。")
        var workspace: String?

        @Option(help: "调整记录的日期 YYYY-MM-DD（默认今天）。")
        var date: String?

        @Flag(help: "覆盖已有文件。")
        var force = false

        @OptionGroup var language: LanguageOption

        func run() throws {
            do {
                let plan = try CatalogInit.run(
                    CatalogInit.Request(
                        domain: domain, region: region, level: level, body: body, publisher: publisher, roles: roles,
                        out: out, workspace: workspace, date: date, force: force))
                Output.print(plan.message[language.lang])
            } catch {
                Output.error((language.lang == .zh ? "错误：" : "error: ") + error.text[language.lang])
                throw Status.failure
            }
        }
    }
}
