import Diagnostics
import Foundation
import SafeOutput

/// The formats of the import report.
public enum ImportReportFormat: String, Sendable, CaseIterable {
    case text, json
}

/// The report `gkml import` prints: what was written, then every note with its place in the source.
public struct ImportReport: Sendable {
    public var result: Importer.Result
    public var written: [String]
    public var dryRun: Bool

    public init(result: Importer.Result, written: [String], dryRun: Bool) {
        self.result = result
        self.written = written
        self.dryRun = dryRun
    }

    public func render(_ format: ImportReportFormat, _ language: Language) -> String {
        switch format {
        case .text: text(language)
        case .json: json(language)
        }
    }

    /// The text report. Everything in it may come from the source (its file name, sheet names, cell text quoted
    /// in a note), so every line is escaped for the terminal: a control character or a name's stray byte is shown as
    /// an escape, never sent raw (docs/hostile-files.md).
    func text(_ language: Language) -> String {
        let zh = language == .zh
        var out = ""
        func line(_ text: String) { out += TerminalText.escape(text, keepLineBreaks: false) + "\n" }
        for output in result.outputs {
            let done = written.contains(output.path)
            let verb =
                zh
                ? (done ? "已写入" : (dryRun ? "将写入" : "未写入"))
                : (done ? "wrote" : (dryRun ? "would write" : "not written"))
            line(
                zh
                    ? "\(verb) \(output.path)：\(output.region) \(output.domain)，\(output.itemCount) 个事项（来自 \(output.source.zh)）"
                    : "\(verb) \(output.path): \(output.region) \(output.domain), \(output.itemCount) items (from \(output.source.en))"
            )
        }
        for failure in result.failures {
            line((zh ? "错误：" : "error: ") + failure.error.message[language])
        }
        for note in result.notes {
            let label = note.level == .warning ? (zh ? "请核对" : "check") : (zh ? "说明" : "note")
            line("\(note.place[language]): \(label)[\(note.code)]: \(note.message[language])")
        }
        let warnings = result.notes.filter { $0.level == .warning }.count
        out +=
            zh
            ? "共 \(result.outputs.count) 个目录，\(warnings) 处需要核对，\(result.notes.count - warnings) 处说明。\n"
            : "\(result.outputs.count) catalogs, \(warnings) places to check, \(result.notes.count - warnings) notes.\n"
        return out
    }

    func json(_ language: Language) -> String {
        var root: [String: Any] = [:]
        root["catalogs"] = result.outputs.map { output -> [String: Any] in
            [
                "path": output.path, "written": written.contains(output.path), "domain": output.domain,
                "region": output.region,
                "items": output.itemCount, "source": output.source[language],
            ]
        }
        root["errors"] = result.failures.map { ["file": $0.file, "message": $0.error.message[language]] }
        root["notes"] = result.notes.map {
            ["code": $0.code, "level": $0.level.rawValue, "place": $0.place[language], "message": $0.message[language]]
        }
        root["exitStatus"] = Int(result.exitStatus)
        let data =
            (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
