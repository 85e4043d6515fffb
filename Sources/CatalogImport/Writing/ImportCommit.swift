import CatalogModel
import Diagnostics
import Foundation
import SafeOutput

/// The last stage of `gkml import`: writes what `Importer.run` produced. New catalogs are written without ever
/// replacing a file; with `update`, an existing file is merged by 编号 (`CatalogUpdater`); level labels go into
/// gkml.yaml (`LevelLabelWriter`). Problems become failures and notes of the result.
public struct ImportCommit {
    public var update = false
    public var allowRemove = false
    public var dryRun = false
    public var language: Language = .zh

    public init(update: Bool = false, allowRemove: Bool = false, dryRun: Bool = false, language: Language = .zh) {
        self.update = update
        self.allowRemove = allowRemove
        self.dryRun = dryRun
        self.language = language
    }

    /// What was written and, for merged files, the change as `gkml diff` prints it.
    public struct Outcome: Sendable {
        public var written: [String] = []
        public var diffText = ""
    }

    public func apply(_ result: inout Importer.Result, workspace: Workspace?) -> Outcome {
        var outcome = Outcome()
        var fresh: [Importer.Output] = []
        for output in result.outputs {
            guard update, FileManager.default.fileExists(atPath: output.path) else {
                fresh.append(output)
                continue
            }
            do {
                let merged = try CatalogUpdater(allowRemove: allowRemove).update(file: output.path, with: output)
                result.notes += merged.notes
                outcome.diffText += CatalogUpdater.diffText(merged, language: language)
                if merged.changed && !dryRun {
                    try write(merged.text, to: output.path, overwrite: true)
                    outcome.written.append(output.path)
                }
            } catch {
                result.failures.append((output.path, error))
            }
        }
        if !dryRun {
            for output in fresh {
                do {
                    try write(output.text, to: output.path, overwrite: false)
                    outcome.written.append(output.path)
                } catch {
                    result.failures.append(
                        (
                            output.path,
                            ImportError(
                                zh: "未写入 \(output.path)：文件已存在或无法写入（合并修改请用 --update）",
                                en:
                                    "\(output.path) not written: it exists or cannot be written (use --update to merge changes)"
                            )
                        ))
                }
            }
        }
        // The level labels the tables printed go into gkml.yaml's 层级名称 (added, never replaced).
        if let workspace, !dryRun, let text = try? String(contentsOfFile: workspace.file, encoding: .utf8) {
            var labels: [Level: String] = [:]
            for output in result.outputs { labels.merge(output.levelLabels) { first, _ in first } }
            let place = result.outputs.first { !$0.levelLabels.isEmpty }?.source ?? LocalizedText(zh: "", en: "")
            if let edited = LevelLabelWriter.edit(
                workspace: workspace, text: text, labels: labels, place: place, notes: &result.notes)
            {
                do { try write(edited, to: workspace.file, overwrite: true) } catch {
                    result.failures.append((workspace.file, error))
                }
            }
        }
        return outcome
    }

    func write(_ text: String, to path: String, overwrite: Bool) throws(ImportError) {
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try SafeFileWriter.write(text, to: path, overwrite: overwrite)
        } catch {
            throw ImportError(zh: "无法写入 \(path)：\(error)", en: "cannot write \(path): \(error)")
        }
    }
}
