import ArgumentParser
import CatalogLint
import CatalogModel
import CatalogRender
import Diagnostics
import SafeOutput

/// `gkml validate [PATH…]`: schema and rules over files, folders or a workspace.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "校验目录文件：格式（JSON Schema）与规则。",
        discussion: """
            PATH 可以是文件、文件夹（递归查找 *.yaml / *.yml）或工作区（含 gkml.yaml 的文件夹）。
            退出状态：0 无错误；1 发现错误；2 用法错误或文件无法读取。
            """
    )

    @Argument(help: "要校验的文件或文件夹（默认当前文件夹）。")
    var paths: [String] = []

    @Option(help: "输出格式：text、json、sarif、github、xlsx（问题清单，每个辖区一张工作表，需要 -o）。")
    var format: ValidateFormat = .text

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("--format xlsx 的输出文件。", valueName: "FILE"))
    var output: String?

    @OptionGroup var language: LanguageOption
    @OptionGroup var colorOption: ColorOption

    var lang: Language { language.lang }

    @Option(help: ArgumentHelp("用此 JSON Schema 校验任意 YAML/JSON 文件（不做目录规则检查）。", valueName: "FILE"))
    var schema: String?

    @Option(
        name: .customLong("schema-map"),
        help: ArgumentHelp("把 $ref 的网址前缀映射到本地文件夹（可重复）：网址前缀=文件夹。", valueName: "URI-PREFIX=DIR"))
    var schemaMaps: [String] = []

    @Flag(help: "只输出摘要：每种问题的数量、最多的三个文件和查看全部的命令，以及各辖区的错误、警告、提示数。")
    var summary = false

    @Flag(help: "逐条列出全部问题（终端上问题超过 300 个时默认只显示摘要）。")
    var all = false

    @Option(help: ArgumentHelp("只报告这些代码的问题（逗号分隔，可重复）。", valueName: "CODE[,CODE]"))
    var only: [String] = []

    @Option(help: ArgumentHelp("只报告至少这样严重的问题：error、warning、info。", valueName: "LEVEL"))
    var severity: Severity?

    @Option(name: .customLong("file"), help: ArgumentHelp("只报告这个文件中的问题（可重复）。", valueName: "PATH"))
    var onlyFiles: [String] = []

    @Flag(help: "就地修复可安全自动修复的问题（只改出问题的文字，注释和其他行保持不变）。")
    var fix = false

    @Option(help: ArgumentHelp("忽略已接受问题文件中记录的旧问题，只报告新问题。", valueName: "FILE"))
    var accepted: String?

    @Option(
        name: .customLong("write-accepted"),
        help: ArgumentHelp("把本次发现的全部问题写入已接受问题文件（用于在旧目录上开始使用 gkml）。", valueName: "FILE"))
    var writeAccepted: String?

    // The former names of --accepted and --write-accepted, kept working (hidden) so that existing CI scripts
    // do not break; "baseline" now names only the 基准目录.
    @Option(name: .customLong("baseline"), help: .hidden)
    var deprecatedAccepted: String?

    @Option(name: .customLong("write-baseline"), help: .hidden)
    var deprecatedWriteAccepted: String?

    func validate() throws {
        if format == .xlsx && output == nil {
            throw ValidationError(
                lang == .zh
                    ? "--format xlsx 需要用 -o 指定输出文件，例如 -o 问题清单.xlsx"
                    : "--format xlsx needs -o FILE, e.g. -o findings.xlsx")
        }
        if format != .xlsx && output != nil {
            throw ValidationError(
                lang == .zh
                    ? "-o 只用于 --format xlsx；其他格式请重定向标准输出"
                    : "-o is for --format xlsx; redirect stdout for the other formats")
        }
        if fix && schema != nil {
            throw ValidationError(lang == .zh ? "--fix 不能与 --schema 一起使用" : "--fix cannot be combined with --schema")
        }
        for map in schemaMaps where ExternalSchema.Mapping(map) == nil {
            throw ValidationError(
                lang == .zh
                    ? "--schema-map 应写作「网址前缀=文件夹」，实际为「\(map)」"
                    : "write --schema-map as URI-PREFIX=DIR, not \"\(map)\"")
        }
        if !schemaMaps.isEmpty && schema == nil {
            throw ValidationError(lang == .zh ? "--schema-map 只能与 --schema 一起使用" : "--schema-map needs --schema")
        }
    }

    func run() throws {
        let inputs = paths.isEmpty ? ["."] : paths
        let filter = FindingFilter(
            codes: FindingFilter.codes(only), minimumSeverity: severity, files: onlyFiles.isEmpty ? nil : Set(onlyFiles)
        )
        let options = ValidationOptions(
            fix: fix,
            configurableCodes: FindingCatalog.all.filter { $0.stage != .input && $0.stage != .schema }.map(\.code))
        if writeAccepted ?? deprecatedWriteAccepted != nil || accepted ?? deprecatedAccepted != nil {
            try runWithAccepted(inputs, options: options, filter: filter)
            return
        }
        // Streamed: each file's findings are printed as soon as its group is checked, and not kept.
        let out = Output.Stream()
        let workbook = format == .xlsx ? FindingsWorkbook(language: lang) : nil
        let sink = workbook ?? makeSink(write: out.write)
        let outcome =
            schema.map {
                Validator.run(
                    inputs, schema: $0, mappings: schemaMaps.compactMap(ExternalSchema.Mapping.init), filter: filter,
                    into: sink)
            } ?? Validator.run(inputs, options: options, filter: filter, into: sink)
        out.flush()
        if fix { reportFixes(outcome) }
        if let workbook, let output { try writeWorkbook(workbook, to: output, tally: outcome.tally) }
        if outcome.inputFailure || !outcome.fixFailures.isEmpty { throw Status.failure }
        if outcome.tally.hasErrors { throw Status.findings }
    }

    /// Writes the xlsx list and says so on stderr.
    func writeWorkbook(_ workbook: FindingsWorkbook, to path: String, tally: FindingTally) throws {
        do {
            try workbook.write(to: path)
            let shown = TerminalText.path(path)
            Output.error(
                lang == .zh ? "已把 \(tally.total) 个问题写入 \(shown)" : "wrote \(tally.total) finding(s) to \(shown)")
        } catch let error as RenderError {
            Output.error(lang == .zh ? error.message : error.englishMessage)
            throw Status.failure
        } catch {
            Output.error(
                lang == .zh
                    ? "无法写入 \(TerminalText.path(path))：\(error)" : "cannot write \(TerminalText.path(path)): \(error)")
            throw Status.failure
        }
    }

    /// The reporter of the chosen format and layout (xlsx: the workbook, which CatalogRender writes).
    func makeSink(write: @escaping ReportWriter) -> FindingSink {
        let color = format == .text && colorOption.stdout
        if format == .xlsx { return FindingsWorkbook(language: lang) }
        if let reportFormat = format.report, reportFormat != .text {
            return Reporter.stream(
                format: reportFormat, language: lang, color: color, kinds: FindingCatalog.all,
                lines: Output.lineReader(), write: write)
        }
        let command = (["gkml", "validate"] + (paths.isEmpty ? ["."] : paths)).map(SummaryReporter.shellWord).joined(
            separator: " ")
        return Reporter.textStream(
            layout: TextLayout.choose(summary: summary, all: all, terminal: Output.stdoutIsTerminal),
            language: lang, color: color, command: command, lines: Output.lineReader(), write: write)
    }

    /// With accepted findings to write or to apply, the whole report is needed before anything is printed.
    func runWithAccepted(_ inputs: [String], options: ValidationOptions, filter: FindingFilter) throws {
        let outcome =
            schema.map {
                Validator.run(inputs, schema: $0, mappings: schemaMaps.compactMap(ExternalSchema.Mapping.init))
            } ?? Validator.run(inputs, options: options)
        if fix { reportFixes(outcome) }
        var report = outcome.report
        if let writeAccepted = writeAccepted ?? deprecatedWriteAccepted {
            do {
                try AcceptedFindings(report.allFindings).write(to: writeAccepted)
                Output.error(
                    lang == .zh
                        ? "已把 \(report.allFindings.count) 个问题写入已接受问题文件 \(writeAccepted)"
                        : "wrote \(report.allFindings.count) finding(s) to the accepted findings \(writeAccepted)")
            } catch {
                Output.error(
                    lang == .zh
                        ? "无法写入已接受问题文件 \(TerminalText.path(writeAccepted))：\(error.reason.zh)"
                        : "cannot write \(TerminalText.path(writeAccepted)): \(error.reason.en)")
                throw Status.failure
            }
        }
        if let accepted = accepted ?? deprecatedAccepted {
            do {
                report = try AcceptedFindings.read(path: accepted).filter(report)
            } catch {
                Output.error(error.message[lang])
                throw Status.failure
            }
        }
        let out = Output.Stream()
        let sink = makeSink(write: out.write)
        ReportFeed.feed(report, to: sink, filter: filter)
        out.flush()
        if let workbook = sink as? FindingsWorkbook, let output {
            var tally = FindingTally()
            for file in report.files { tally.add(filter.apply(file)) }
            try writeWorkbook(workbook, to: output, tally: tally)
        }
        if outcome.inputFailure || !outcome.fixFailures.isEmpty { throw Status.failure }
        if report.files.contains(where: { $0.findings.contains { filter.admits($0) && $0.severity == .error } })
            || report.general.contains(where: { filter.admits($0) && $0.severity == .error })
        {
            throw Status.findings
        }
    }

    /// What --fix changed, on stderr so that stdout stays the report in the chosen format.
    func reportFixes(_ outcome: ValidationOutcome) {
        for (file, changes) in outcome.fixes {
            for change in changes {
                let pos = change.finding.location.position.map { ":\($0.line):\($0.column)" } ?? ""
                let what = lang == .zh ? "已修复" : "fixed"
                Output.error("\(file)\(pos): \(what)[\(change.finding.code)] 「\(change.before)」→「\(change.after)」")
            }
        }
        for (file, reason) in outcome.fixFailures {
            Output.error(lang == .zh ? "\(file): 无法写回修复结果：\(reason)" : "\(file): cannot write the fixes: \(reason)")
        }
        if !outcome.fixes.isEmpty || lang == .zh {
            let count = outcome.fixes.reduce(0) { $0 + $1.changes.count }
            Output.error(
                lang == .zh
                    ? "共修复 \(count) 处，涉及 \(outcome.fixes.count) 个文件。"
                    : "\(count) fix(es) in \(outcome.fixes.count) file(s).")
        }
    }
}
