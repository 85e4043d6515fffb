import Diagnostics
import SafeOutput

/// The terminal report: per catalog a heading, then every change as a compiler-like finding (shared
/// `TextReporter`) followed by its old and new values, with a character-level inline diff for texts.
public struct DiffTextReporter: Sendable {
    public var language: Language
    public var color: Bool
    public var lines: SourceLineProvider

    public init(language: Language, color: Bool = false, lines: @escaping SourceLineProvider = { _, _ in nil }) {
        self.language = language
        self.color = color
        self.lines = lines
    }

    var zh: Bool { language == .zh }

    public func render(_ report: DiffReport) -> String {
        let findings = TextReporter(language: language, color: color, lines: lines)
        var out = ""
        for comparison in report.changedComparisons {
            out += paint(heading(comparison), .bold) + "\n\n"
            for change in comparison.changes {
                var text = findings.render(change.finding)
                while text.hasSuffix("\n\n") { text.removeLast() }
                out += text + details(change) + "\n"
            }
            for notice in comparison.notices {
                out += findings.render(notice)
            }
        }
        for finding in report.general {
            out += findings.render(finding)
        }
        out += summaryLine(report) + "\n"
        return out
    }

    func heading(_ c: CatalogComparison) -> String {
        var text = "== \(TerminalText.escape(c.key.region)) · \(TerminalText.escape(c.key.domain))"
        switch (c.old?.version.value, c.new?.version.value) {
        case let (a?, b?):
            if a != b {
                text += zh ? "（版本 \(a) → \(b)）" : " (version \(a) → \(b))"
            } else {
                text += zh ? "（版本 \(b)）" : " (version \(b))"
            }
        case let (nil, b?): text += zh ? "（新增，版本 \(b)）" : " (added, version \(b))"
        case let (a?, nil): text += zh ? "（删除，原版本 \(a)）" : " (removed, was version \(a))"
        default: break
        }
        return text + " =="
    }

    /// The lines under a change: old → new, the inline diff, the direction and an acceptance.
    func details(_ change: Change) -> String {
        let pad = String(
            repeating: " ", count: (change.finding.location.position.map { String($0.line).count } ?? 1) + 1)
        var out = ""
        let arrow = paint("=", .cyan)
        if let old = change.old, let new = change.new, change.kind != .added, change.kind != .removed {
            if case .text(let a) = old, case .text(let b) = new,
                AdjustmentRecord.worthInlineDiff(
                    a, b, catalogLevel: change.isCatalogLevel && change.field?.isDefaults != true)
            {
                let segments = InlineDiff.segments(a, b)
                out += "\(pad)\(arrow) \(zh ? "原：" : "old: ")\(inline(segments, side: .old))\n"
                out += "\(pad)\(arrow) \(zh ? "现：" : "new: ")\(inline(segments, side: .new))\n"
            } else if old.isList || new.isList {
                // A change that 默认 made: the message and the note say enough; the lists are under 默认.
                guard !change.inheritance.followsDefaults else { return directionLines(change, pad: pad, arrow: arrow) }
                var parts: [String] = []
                parts += change.removed.map { paint("− " + TerminalText.escape($0), .red) }
                parts += change.added.map { paint("+ " + TerminalText.escape($0), .green) }
                out += "\(pad)\(arrow) \(TerminalText.escape(old.display)) → \(TerminalText.escape(new.display))\n"
                if !parts.isEmpty, change.field?.isDefaults == true {
                    out += "\(pad)\(arrow) \(parts.joined(separator: "  "))\n"
                }
            } else if !(change.message(language).contains(old.display)
                && change.message(language).contains(new.display))
            {
                out +=
                    "\(pad)\(arrow) \(paint(TerminalText.escape(old.display), .red)) → \(paint(TerminalText.escape(new.display), .green))\n"
            }
        }
        if let reason = change.reason, change.kind != .removed {
            out += "\(pad)\(arrow) \(zh ? "理由：" : "reason: ")\(TerminalText.escape(reason))\n"
        }
        return out + directionLines(change, pad: pad, arrow: arrow)
    }

    /// Whether the change lowers or raises transparency, and its acceptance.
    func directionLines(_ change: Change, pad: String, arrow: String) -> String {
        var out = ""
        switch change.direction {
        case .regression?:
            var accepted = change.acceptedReason.map { zh ? "（已接受：\($0)）" : " (accepted: \($0))" } ?? ""
            if let approval = change.approval {
                let when = approval.date.map { zh ? "，\($0)" : ", \($0)" } ?? ""
                accepted +=
                    zh
                    ? "（已批准：\(approval.authority)\(when)；\(approval.reason)）"
                    : " (approved: \(approval.authority)\(when); \(approval.reason))"
            }
            out +=
                "\(pad)\(arrow) "
                + paint(zh ? "公开程度降低" : "transparency regression", change.isAccepted ? .yellow : .boldRed)
                + accepted + "\n"
        case .improvement?:
            out += "\(pad)\(arrow) " + paint(zh ? "公开程度提高" : "transparency improvement", .green) + "\n"
        case nil:
            if let accepted = change.acceptedReason {
                out += "\(pad)\(arrow) " + (zh ? "已接受：\(accepted)" : "accepted: \(accepted)") + "\n"
            }
        }
        return out
    }

    enum Side { case old, new }

    /// One side of an inline diff: without colour, `[-removed-]` and `{+added+}` (as `git diff --word-diff`).
    func inline(_ segments: [InlineDiff.Segment], side: Side) -> String {
        var out = ""
        for segment in segments {
            // Echoed input: control and bidi characters escaped before any colour is added.
            switch (segment.escapedForTerminal, side) {
            case (.same(let s), _): out += s
            case (.removed(let s), .old): out += color ? TerminalStyle.struckRed.paint(s, enabled: true) : "[-\(s)-]"
            case (.added(let s), .new):
                out += color ? TerminalStyle.underlinedGreen.paint(s, enabled: true) : "{+\(s)+}"
            default: break
            }
        }
        return out
    }

    func summaryLine(_ report: DiffReport) -> String {
        let s = report.summary
        if s.changes == 0 {
            return zh
                ? "未发现变更（\(report.oldLabel) → \(report.newLabel)）。"
                : "No changes (\(report.oldLabel) → \(report.newLabel))."
        }
        if zh {
            var text =
                "共 \(s.changes) 处变更，涉及 \(s.catalogsChanged) 个目录：新增 \(s.added) 项，删除 \(s.removed) 项，修改 \(s.modified) 项，移动 \(s.moved) 项，重编号 \(s.renumbered) 项，重命名 \(s.renamed) 项"
            if s.catalogsAdded + s.catalogsRemoved > 0 {
                text += "，新增目录 \(s.catalogsAdded) 个，删除目录 \(s.catalogsRemoved) 个"
            }
            text += "；公开程度降低 \(s.regressions) 处"
            if s.accepted > 0 { text += "（已接受 \(s.accepted) 处）" }
            text += "，提高 \(s.improvements) 处。"
            return text
        }
        var text =
            "\(s.changes) change(s) in \(s.catalogsChanged) catalog(s): \(s.added) added, \(s.removed) removed, \(s.modified) modified, \(s.moved) moved, \(s.renumbered) renumbered, \(s.renamed) renamed"
        if s.catalogsAdded + s.catalogsRemoved > 0 {
            text += "; catalogs: \(s.catalogsAdded) added, \(s.catalogsRemoved) removed"
        }
        text += "; \(s.regressions) regression(s)"
        if s.accepted > 0 { text += " (\(s.accepted) accepted)" }
        text += ", \(s.improvements) improvement(s)."
        return text
    }

    func paint(_ s: String, _ style: TerminalStyle) -> String { style.paint(s, enabled: color) }
}

extension InlineDiff.Segment {
    /// The segment with its text escaped for a terminal (`TerminalText`).
    var escapedForTerminal: InlineDiff.Segment {
        switch self {
        case .same(let s): .same(TerminalText.escape(s))
        case .removed(let s): .removed(TerminalText.escape(s))
        case .added(let s): .added(TerminalText.escape(s))
        }
    }
}
