import Diagnostics
import Foundation
import SafeOutput

/// The built-in schemas written into a workspace (`.gkml/schemas/`), so that an editor completes and checks
/// the files offline: a county intranet has no internet, and the schemas' `$id` is a name, not an address.
/// `gkml init` writes them; `gkml schema --write` refreshes them after an update of gkml.
public enum SchemaFiles {
    /// The folder, relative to a workspace root.
    public static let folder = ".gkml/schemas"

    /// Writes both schemas into `<root>/.gkml/schemas/` (replacing older copies); returns the paths written.
    @discardableResult
    public static func write(into root: String) throws(SafeFileWriter.Failure) -> [String] {
        let dir = (root as NSString).appendingPathComponent(folder)
        var written: [String] = []
        for kind in [SchemaReference.Kind.catalog, .workspace] {
            guard let text = EmbeddedResources.files["schemas/\(kind.rawValue)"] else { continue }
            let path = (dir as NSString).appendingPathComponent(kind.rawValue)
            if let existing = try? String(contentsOfFile: path, encoding: .utf8), existing == text { continue }
            try SafeFileWriter.write(text, to: path, overwrite: true)
            written.append(path)
        }
        return written
    }

    /// `gkml schema --write`: writes the schemas into `workspace`, or the workspace holding `directory` (or
    /// `directory` itself outside a workspace); says what it did.
    public static func refresh(workspace: String?, from directory: String) throws(InitFailure) -> LocalizedText {
        let here = URL(fileURLWithPath: directory)
        let root = workspace ?? (workspaceRoot(above: here) ?? here).path
        let written: [String]
        do {
            written = try write(into: root)
        } catch {
            throw error.localized
        }
        let folder = (root as NSString).appendingPathComponent(SchemaFiles.folder)
        if written.isEmpty {
            return LocalizedText(zh: "\(folder) 中的模式文件已是最新。", en: "the schemas in \(folder) are up to date.")
        }
        return LocalizedText(
            zh: "已写入 \(written.joined(separator: "、"))", en: "wrote \(written.joined(separator: ", "))")
    }

    /// For a file about to be written: makes sure an editor finds the schemas from it — they are already in
    /// `.gkml/schemas/` or `schemas/` above it, or they are written into the workspace that holds it (the
    /// folder of the nearest gkml.yaml), or else next to the file.
    public static func ensure(_ kind: SchemaReference.Kind, forFileAt filePath: String) throws(SafeFileWriter.Failure) {
        let folder = URL(fileURLWithPath: filePath).standardizedFileURL.deletingLastPathComponent()
        if SchemaReference.localReference(kind, forFileAt: filePath) != nil { return }
        try write(into: (workspaceRoot(above: folder) ?? folder).path)
    }

    /// The nearest folder at or above `folder` that holds a gkml.yaml.
    public static func workspaceRoot(above folder: URL) -> URL? {
        var candidate = folder
        for _ in 0..<64 {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(WorkspaceLoader.fileName).path) {
                return candidate
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
        return nil
    }
}
