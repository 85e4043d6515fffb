import CatalogModel
import Diagnostics
import Foundation

/// Writes the level labels an imported table printed (区级, 街道级, 乡、村级) into gkml.yaml's 层级名称, so that
/// `gkml build` prints the place's own labels again. Only adds: a workspace that already names a label keeps it,
/// and a different label in the table is reported instead.
public enum LevelLabelWriter {
    /// The new gkml.yaml text, or nil when nothing needs to change. `notes` gets the labels that disagree.
    public static func edit(
        workspace: Workspace, text: String, labels: [Level: String], place: LocalizedText,
        notes: inout [ImportNote]
    ) -> String? {
        var missing: [(Level, String)] = []
        for (level, raw) in labels.sorted(by: { $0.key < $1.key }) {
            let label = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if let known = workspace.levelLabels[level] {
                if HeaderRecognizer.normalize(known) != HeaderRecognizer.normalize(label) {
                    notes.append(
                        ImportNote(
                            "import-level-label-differs", .warning, place: place,
                            zh: "表格把「\(level.rawValue)」印作「\(label)」，而 gkml.yaml 的层级名称是「\(known)」：未修改 gkml.yaml",
                            en:
                                "the table prints \(level.rawValue) as \"\(label)\", gkml.yaml's 层级名称 says \"\(known)\": gkml.yaml not changed"
                        ))
                }
            } else if label != level.rawValue {
                missing.append((level, label))
            }
        }
        guard !missing.isEmpty else { return nil }
        var lines = text.components(separatedBy: "\n")
        let entries = missing.map { "  \($0.0.rawValue): " + YAMLText.scalar($0.1) }
        if let header = lines.firstIndex(where: { $0.hasPrefix("层级名称:") }) {
            // Add the entries after the block's last indented line.
            var end = header + 1
            while end < lines.count, lines[end].hasPrefix(" ") || lines[end].hasPrefix("\t") { end += 1 }
            lines.insert(contentsOf: entries, at: end)
        } else {
            // Before 辖区 and the comment lines that introduce it.
            var before = lines.firstIndex { $0.hasPrefix("辖区:") } ?? lines.count
            while before > 0, lines[before - 1].hasPrefix("#") { before -= 1 }
            lines.insert(contentsOf: ["# 标准层级在本地公布的表格中的名称（由 gkml import 自表头读取）。", "层级名称:"] + entries, at: before)
        }
        notes.append(
            ImportNote(
                "import-level-labels", .info, place: place,
                zh: "表格的层级名称 " + missing.map { "\($0.0.rawValue)→\($0.1)" }.joined(separator: "、")
                    + " 写入 gkml.yaml 的「层级名称」",
                en: "the table's level labels " + missing.map { "\($0.0.rawValue)→\($0.1)" }.joined(separator: ", ")
                    + " written to gkml.yaml's 层级名称"))
        return lines.joined(separator: "\n")
    }
}
