import ArgumentParser
import CatalogDiff
import Diagnostics
import Foundation
import SafeOutput
import SelfCheck

extension SelfCheckFormat: ExpressibleByArgument {}

/// `gkml stats WORKSPACE [--year 2026]`: the annual self-check figures.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "年度自查：各辖区、各领域的事项数、主动与依申请（列出依申请事项及理由）、当年调整、试点领域覆盖和审批状态。",
        discussion: """
            当年调整取自 git：该年之前的最后一次提交与该年的最后一次提交比较；审批文号取自当年的调整记录和审批登记。
              gkml stats . --year 2026
              gkml stats . --year 2026 --format xlsx -o 2026年度自查.xlsx
            退出状态：0 成功；2 用法错误或文件无法读写。
            """
    )

    @Argument(help: "工作区文件夹（含 gkml.yaml）。")
    var workspace: String = "."

    @Option(help: "统计调整的年度（默认今年）。")
    var year: Int?

    @Option(help: "输出格式：text、json、xlsx（须用 -o 写入文件）。")
    var format: SelfCheckFormat = .text

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("写入文件而不是标准输出（原子写入）。", valueName: "FILE"))
    var output: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let lang = language.lang
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        if format == .xlsx && output == nil {
            Output.error(
                lang == .zh ? "gkml stats: --format xlsx 须用 -o 指定输出文件" : "gkml stats: --format xlsx needs -o FILE")
            throw Status.failure
        }
        let bytes: [UInt8]
        do {
            bytes = try SelfCheckOutput.render(
                try SelfCheck.run(workspace: workspace, year: year ?? thisYear), format: format)
        } catch let failure as SelfCheckFailure {
            Output.error("gkml stats: " + failure.message[lang])
            throw Status.failure
        } catch {
            Output.error("gkml stats: \(error)")
            throw Status.failure
        }
        if let output {
            do {
                try SafeFileWriter.write(bytes: bytes, to: output, overwrite: true)
            } catch {
                Output.error(
                    "gkml stats: "
                        + (lang == .zh
                            ? error.message : error.englishMessage))
                throw Status.failure
            }
        } else {
            Output.print(String(decoding: bytes, as: UTF8.self))
        }
    }
}
