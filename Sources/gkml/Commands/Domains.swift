import ArgumentParser
import CatalogModel
import Diagnostics
import Foundation

/// `gkml domains`: the domain registry (the 26 pilot domains and a workspace's own).
struct Domains: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "domains", abstract: "列出领域：26个试点领域及工作区声明的扩展领域。")

    @OptionGroup var output: TextOrJSONOption

    @Option(help: "工作区文件夹（含 gkml.yaml），以列出其扩展领域。")
    var workspace: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let registry: DomainRegistry
        switch DomainListing.registry(workspace: workspace) {
        case .success(let found): registry = found
        case .failure(let unreadable):
            Output.error(
                Reporter.render(
                    ValidationReport(files: [
                        FileReport(path: unreadable.loaded.file, findings: unreadable.loaded.findings)
                    ]),
                    format: .text, language: language.lang, kinds: FindingCatalog.all, lines: Output.lineReader()))
            throw Status.failure
        }
        switch output.format {
        case .json:
            Output.print(
                JSONOutput.array(
                    registry.domains.map { d in
                        .object([
                            ("code", .string(d.code)), ("name", .string(d.name)), ("slug", .string(d.slug)),
                            ("pilot", .bool(d.pilot)), ("aliases", .array(d.aliases.map(JSONOutput.string))),
                            ("department", .string(d.department)), ("guide", .string(d.guide)),
                        ])
                    }
                ).serialized() + "\n")
        case .text:
            var out = ""
            for d in registry.domains {
                let kind = d.pilot ? "" : (language.lang == .zh ? "（扩展）" : " (extra)")
                let aliases =
                    d.aliases.isEmpty
                    ? ""
                    : (language.lang == .zh
                        ? "　别名：" + d.aliases.joined(separator: "、") : "  aliases: " + d.aliases.joined(separator: ", "))
                out += "\(d.code.isEmpty ? "--" : d.code)  \(d.name)\(kind)  \(d.slug)\(aliases)\n"
                if !d.department.isEmpty || !d.guide.isEmpty {
                    out += "    \(d.department)\(d.guide.isEmpty ? "" : "　" + d.guide)\n"
                }
            }
            Output.print(out)
        }
    }
}
