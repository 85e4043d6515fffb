import Diagnostics
import SafeOutput

/// Prints the history of one item (`gkml log 编号`) as text or JSON.
public struct ItemHistoryReporter: Sendable {
    public var language: Language
    public var color: Bool

    public init(language: Language, color: Bool = false) {
        self.language = language
        self.color = color
    }

    var zh: Bool { language == .zh }

    public func render(id: String, _ history: [ItemHistoryEntry]) -> String {
        if history.isEmpty {
            return zh ? "没有找到修改过事项 \(id) 的提交。\n" : "No commit changed item \(id).\n"
        }
        var out =
            zh
            ? "事项 \(id) 的变更历史（\(history.count) 次提交，由新到旧）\n"
            : "History of item \(id) (\(history.count) commit(s), newest first)\n"
        for entry in history {
            out += "\n" + paint(entry.shortCommit, .yellow) + "  \(entry.date)  \(entry.author)  \(entry.subject)\n"
            let file = entry.previousFile.map { "\($0) → \(entry.file)" } ?? entry.file
            out += "    " + paint(file, .dim) + "\n"
            for note in entry.notes {
                out += "    " + paint((zh ? "注：" : "note: ") + note[language], .yellow) + "\n"
            }
            for change in entry.changes {
                var line = "    \(change.kind.label(language))  \(change.message(language))"
                if let old = change.old, let new = change.new, change.kind == .modified, !old.isList {
                    if !line.contains(old.display) || !line.contains(new.display) {
                        line += zh ? "：" : ": "
                        line += "\(old.display) → \(new.display)"
                    }
                }
                switch change.direction {
                case .regression?: line += "  " + paint(zh ? "[公开程度降低]" : "[regression]", .red)
                case .improvement?: line += "  " + paint(zh ? "[公开程度提高]" : "[improvement]", .green)
                case nil: break
                }
                out += line + "  " + paint("[\(change.code)]", .dim) + "\n"
            }
        }
        return out
    }

    public func json(id: String, _ history: [ItemHistoryEntry]) -> JSONOutput {
        let reporter = DiffJSONReporter(language: language)
        return .object([
            ("id", .string(id)),
            (
                "commits",
                .array(
                    history.map { entry in
                        .object([
                            ("commit", .string(entry.commit)),
                            ("date", .string(entry.date)),
                            ("author", .string(entry.author)),
                            ("subject", .string(entry.subject)),
                            ("file", .string(entry.file)),
                            ("previousFile", entry.previousFile.map(JSONOutput.string) ?? .null),
                            ("notes", .array(entry.notes.map { .string($0[language]) })),
                            ("changes", .array(entry.changes.map(reporter.change))),
                        ])
                    })
            ),
        ])
    }

    func paint(_ s: String, _ style: TerminalStyle) -> String { style.paint(s, enabled: color) }
}
