import ArgumentParser
import CatalogDiff
import CatalogModel
import CatalogRender
import Diagnostics
import Foundation

// Option types and the option groups shared by the commands, declared once.

extension Language: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// `gkml validate --format`: the streamed report formats, and the xlsx list (written by CatalogRender).
enum ValidateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, xlsx

    /// The streamed reporter's format (nil for xlsx).
    var report: ReportFormat? { ReportFormat(rawValue: rawValue) }
}
extension DiffOutputFormat: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
extension ChannelStyle: ExpressibleByArgument {}

/// `--lang`: the language of a command's messages, errors and summaries.
struct LanguageOption: ParsableArguments {
    @Option(help: "消息语言：zh（中文）或 en（English）。")
    var lang: Language = .zh

    /// The `--lang` of the command line, for values ArgumentParser converts before the command's own options
    /// are known (a typed value's error message).
    static var ofCommandLine: Language {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang=en"
                || (argument == "--lang" && arguments.indices.contains(index + 1) && arguments[index + 1] == "en")
            {
                return .en
            }
        }
        return .zh
    }
}

/// The output formats of `gkml domains`, `gkml rules` and `gkml log`.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable { case text, json }

/// `--format text|json`.
struct TextOrJSONOption: ParsableArguments {
    @Option(help: "输出格式：text 或 json。")
    var format: TextOrJSON = .text
}

/// When to colour terminal output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

/// `--color auto|always|never`: auto colours a terminal unless NO_COLOR is set.
struct ColorOption: ParsableArguments {
    @Option(help: "颜色：auto（终端中且未设置 NO_COLOR 时，默认）、always 或 never。")
    var color: ColorChoice = .auto

    /// Whether to colour standard output.
    var stdout: Bool { resolve(Output.useColor) }
    /// Whether to colour standard error.
    var stderr: Bool { resolve(Output.useStderrColor) }

    private func resolve(_ automatic: Bool) -> Bool {
        switch color {
        case .auto: automatic
        case .always: true
        case .never: false
        }
    }
}

/// A typed value's rejection, in the language of the command line's `--lang`.
struct ArgumentMessage: Error, CustomStringConvertible {
    var text: LocalizedText
    var description: String { text[LanguageOption.ofCommandLine] }
}

/// `--formats html,md`: a list of output formats.
struct FormatList: Sendable {
    var formats: [OutputFormat]

    static let all = FormatList(formats: OutputFormat.allCases)

    static func parse(_ text: String) throws -> FormatList {
        switch OutputFormat.parseList(text) {
        case .success(let formats): return FormatList(formats: formats)
        case .failure(let error): throw ArgumentMessage(text: error.text)
        }
    }
}

extension OutputFormat {
    /// One output format (`--format`), by name.
    static func parse(_ text: String) throws -> OutputFormat {
        guard let format = OutputFormat(name: text) else {
            throw ArgumentMessage(text: FormatListError.unknown(text).text)
        }
        return format
    }
}

extension Level {
    /// A level (`--level`), by its Chinese name.
    static func parse(_ text: String) throws -> Level {
        guard let level = Level(rawValue: text.trimmingCharacters(in: .whitespaces)) else {
            throw ArgumentMessage(text: InitFailure.badLevel(text).text)
        }
        return level
    }
}
