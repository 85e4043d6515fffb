import ArgumentParser
import CatalogDiff
import CatalogModel
import CatalogRender
import Diagnostics
import Foundation
import SafeOutput

/// `gkml diff OLD NEW`: the semantic change report of DESIGN §6, with the transparency-regression gate.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较目录的两个版本：逐项列出变更，并检查公开程度是否降低。",
        discussion: """
            比较对象：
              gkml diff 旧.yaml 新.yaml            两个文件
              gkml diff 旧文件夹 新文件夹           两个文件夹或工作区（目录按地区和领域配对）
              gkml diff HEAD~1                     某个 git 修订版本与工作区
              gkml diff v2023 v2024 -- 星海镇/      两个修订版本，限定路径
              gkml diff v2023:星海镇/employment.yaml 星海镇/employment.yaml
              gkml diff --since origin/main        合并请求的变更（自分叉点至工作区）
            git 内容通过 git ls-tree / git cat-file 读取，不改动工作区。
            --format md 生成可随新版本归档的《调整说明》；--fail-on regression 在公开程度降低时返回 1，
            --accept 文件中经审核并写明理由的变更不再阻止合并。
            退出状态：0 通过；1 --fail-on 所指的变更存在，或有目录文件无效（其余文件照常比较）；2 用法错误或文件无法读取。
            """
    )

    @Argument(help: ArgumentHelp("旧版本：文件、文件夹、git 修订版本或「修订版本:路径」。", valueName: "OLD"))
    var old: String?

    @Argument(help: ArgumentHelp("新版本（省略时为工作区）。", valueName: "NEW"))
    var new: String?

    @Argument(parsing: .postTerminator, help: ArgumentHelp("限定比较的路径（写在 -- 之后）。", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("与该修订版本的分叉点比较工作区（用于合并请求的 CI）。", valueName: "REV"))
    var since: String?

    @Option(help: "输出格式：text、md（调整说明）、json、html、docx（公文格式的调整说明，须用 -o 写入文件）。")
    var format: DiffOutputFormat = .text

    @OptionGroup var language: LanguageOption
    @OptionGroup var colorOption: ColorOption

    @Option(name: .customLong("fail-on"), help: "regression：有未接受的公开程度降低时返回 1；any：有任何未接受的变更时返回 1。")
    var failOn: FailOn?

    @Option(help: ArgumentHelp("已审核接受的变更清单（YAML：编号、变更代码、理由）。", valueName: "FILE"))
    var accept: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("写入文件而不是标准输出（原子写入）。", valueName: "FILE"))
    var output: String?

    func run() throws {
        let language = self.language.lang
        func fail(_ message: LocalizedText) -> ExitCode {
            Output.error("gkml diff: " + message[language])
            return Status.failure
        }
        let report: DiffReport
        let loaded: LoadedSides
        switch DiffSession.run(
            DiffRequest(arguments: [old, new].compactMap { $0 }, paths: paths, since: since, acceptFile: accept))
        {
        case .usage(let message):
            throw fail(message)
        case .badAcceptList(let findings):
            let reporter = TextReporter(language: language, color: colorOption.stderr, lines: Output.lineReader())
            Output.error(findings.map(reporter.render).joined())
            throw Status.failure
        case .compared(let compared, let sides):
            report = compared
            loaded = sides
        }
        if format.isBinary && output == nil {
            throw fail(
                LocalizedText(
                    zh: "--format \(format.rawValue) 须用 -o 指定输出文件", en: "--format \(format.rawValue) needs -o FILE"))
        }
        let bytes: [UInt8]
        do {
            bytes = try RecordOutput.render(
                report, format: format, language: language,
                color: format == .text && output == nil && colorOption.stdout,
                lines: { [loaded] in loaded.line($0, $1) })
        } catch {
            throw fail(LocalizedText(zh: "无法生成调整说明：\(error)", en: "cannot make the record: \(error)"))
        }
        if let output {
            do {
                try SafeFileWriter.write(bytes: bytes, to: output, overwrite: true)
            } catch {
                throw fail(
                    LocalizedText(
                        zh: error.message, en: error.englishMessage))
            }
        } else {
            Output.print(String(decoding: bytes, as: UTF8.self))
        }
        if !report.unreadableInputs.isEmpty { throw Status.findings }
        if let failOn, report.fails(on: failOn) { throw Status.findings }
    }
}
