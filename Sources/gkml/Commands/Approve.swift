import ArgumentParser
import CatalogLint
import CatalogModel
import Diagnostics
import Foundation

/// `gkml approve WORKSPACE --version V --doc 文号`: record an approved version in the approval register.
struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "登记审批：把工作区中某一版本的各目录的内容指纹与文号、日期记入审批登记。",
        discussion: """
            先校验工作区；该版本的目录有错误时不登记。登记写入工作区的 gkml-approvals.json（随目录一起提交到 git）。
            此后 gkml validate 在目录内容改动而版本号未变时给出警告，gkml build 在各目录页和索引页注明审批状态。
              gkml approve . --version 2026.2 --doc 柳政办〔2026〕12号 --date 2026-03-01
            退出状态：0 已登记；1 该版本的目录有错误；2 用法错误或文件无法读写。
            """
    )

    @Argument(help: "工作区文件夹（含 gkml.yaml）。")
    var workspace: String = "."

    @Option(help: "审批的版本（目录的「版本」）。")
    var version: String

    @Option(help: ArgumentHelp("审批文件的文号，如 柳政办〔2026〕12号。", valueName: "文号"))
    var doc: String

    @Option(help: "审批日期 YYYY-MM-DD（默认今天）。")
    var date: String?

    @OptionGroup var language: LanguageOption
    @OptionGroup var colorOption: ColorOption

    func run() throws {
        let lang = language.lang
        let today: String = {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.string(from: Date())
        }()
        switch ApprovalRecorder.approve(
            ApprovalRequest(workspace: workspace, version: version, document: doc, date: date ?? today))
        {
        case .usage(let message):
            Output.error("gkml approve: " + message[lang])
            throw Status.failure
        case .invalid(let report):
            Output.print(
                Reporter.render(
                    report, format: .text, language: lang, color: colorOption.stdout,
                    kinds: FindingCatalog.all, lines: Output.lineReader()))
            Output.error(
                lang == .zh
                    ? "gkml approve: 版本「\(version)」的目录有错误，未登记"
                    : "gkml approve: the catalogs of version \"\(version)\" have errors; nothing recorded")
            throw Status.findings
        case .recorded(let entry, let path):
            let files = entry.catalogs.map { "  \($0.file)  \($0.fingerprint.prefix(19))…" }.joined(separator: "\n")
            Output.print(
                lang == .zh
                    ? "已登记：\(entry.document)（\(entry.date)）审批版本「\(entry.version)」的 \(entry.catalogs.count) 个目录，写入 \(path)\n\(files)\n"
                    : "Recorded: \(entry.document) (\(entry.date)) approves version \"\(entry.version)\", \(entry.catalogs.count) catalog(s), in \(path)\n\(files)\n"
            )
        }
    }
}
