import ArgumentParser
import CatalogDiff
import CatalogModel
import Diagnostics
import Foundation

/// `gkml log 编号`: the history of one item through git — each commit that changed it, and how.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "查看一个事项的变更历史：哪些提交修改了它、改了什么。",
        discussion: """
            按提交时间由新到旧列出修改过该事项的提交，以及每次提交中该事项的变更（与 gkml diff 相同的变更代码）。
            事项重编号时，继续追溯原编号的历史。
              gkml log 17-02-03
              gkml log 17-02-03 -- 星海镇/
            退出状态：0 成功；2 用法错误、不在 git 仓库中或 git 失败。
            """
    )

    @Argument(help: "事项编号，如 17-02-03。")
    var id: String

    @Argument(parsing: .postTerminator, help: ArgumentHelp("限定查找的路径（写在 -- 之后）。", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var output: TextOrJSONOption
    @OptionGroup var language: LanguageOption
    @OptionGroup var colorOption: ColorOption

    func run() throws {
        let lang = language.lang
        let git = Git()
        guard git.isRepository else {
            Output.error(lang == .zh ? "gkml log: 当前目录不在 git 仓库中" : "gkml log: not inside a git repository")
            throw Status.failure
        }
        let history: [ItemHistoryEntry]
        do {
            history = try ItemHistory.log(id: id, git: git, paths: paths)
        } catch let error as GitError {
            Output.error("gkml log: git: \(error.message)")
            throw Status.failure
        }
        switch output.format {
        case .text: Output.print(ItemHistoryReporter(language: lang, color: colorOption.stdout).render(id: id, history))
        case .json: Output.print(ItemHistoryReporter(language: lang).json(id: id, history).serialized() + "\n")
        }
    }
}
