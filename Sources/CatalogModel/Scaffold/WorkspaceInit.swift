import SafeOutput
import Diagnostics
import Foundation
import SafeOutput

/// `gkml init workspace`: writes DIR/gkml.yaml (never over an existing one unless forced) and the folders of
/// its jurisdictions, and says what it did.
public enum WorkspaceInit {
    public struct Request: Sendable {
        /// The workspace folder, created when missing.
        public var directory: String
        public var region: String
        public var level: Level
        public var publisher: String?
        /// The townships as typed: separated by `,`, `，` or `、`.
        public var townships: String?
        public var force: Bool

        public init(
            directory: String, region: String, level: Level = .county, publisher: String? = nil,
            townships: String? = nil, force: Bool = false
        ) {
            self.directory = directory
            self.region = region
            self.level = level
            self.publisher = publisher
            self.townships = townships
            self.force = force
        }
    }

    /// What was written.
    public struct Report: Sendable {
        public var file: String
        public var scaffold: WorkspaceScaffold.Request
        public var result: WorkspaceScaffold.Result
        /// Each jurisdiction's folder path, and whether this run created it.
        public var folders: [(path: String, created: Bool)]
        public var directory: String

        /// The lines printed after writing.
        public var message: LocalizedText {
            let level = scaffold.level.rawValue
            var zh =
                "已写入 \(file)：\(scaffold.region)（\(level)），\(result.jurisdictions.count) 个辖区，机构名录 \(result.bodies.count) 个机构。\n"
            var en =
                "wrote \(file): \(scaffold.region) (\(level)), \(result.jurisdictions.count) jurisdiction(s), \(result.bodies.count) bodies in 机构名录.\n"
            for (j, folder) in zip(result.jurisdictions, folders) {
                zh += "  \(j.name)（\(j.level.rawValue)）→ \(folder.path)/\(folder.created ? "（新建）" : "")\n"
                en += "  \(j.name) (\(j.level.rawValue)) → \(folder.path)/\(folder.created ? " (new)" : "")\n"
            }
            if let last = result.jurisdictions.last {
                zh += "下一步：gkml init catalog --workspace \(directory) --region \(last.name) --domain 就业\n"
                en += "next: gkml init catalog --workspace \(directory) --region \(last.name) --domain 就业\n"
            }
            return LocalizedText(zh: zh, en: en)
        }
    }

    /// The township names of `--townships`: split on ASCII and Chinese commas and 、, trimmed, empties dropped.
    public static func townshipNames(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    public static func run(_ request: Request) throws(InitFailure) -> Report {
        let scaffold = WorkspaceScaffold.Request(
            region: request.region.trimmingCharacters(in: .whitespaces), level: request.level,
            publisher: request.publisher?.trimmingCharacters(in: .whitespaces),
            townships: townshipNames(request.townships))
        let result: WorkspaceScaffold.Result
        do {
            result = try WorkspaceScaffold.make(scaffold)
        } catch {
            throw error.localized
        }
        let file = (request.directory as NSString).appendingPathComponent(WorkspaceLoader.fileName)
        do {
            // The schemas in the workspace, so that the modeline is a relative path that works offline.
            try SchemaFiles.write(into: request.directory)
        } catch {
            throw error.localized
        }
        let text = WorkspaceScaffold.yaml(
            scaffold, result, schemaReference: SchemaReference.reference(.workspace, forFileAt: file))
        do {
            try SafeFileWriter.write(text, to: file, overwrite: request.force)
        } catch {
            throw error.localized
        }
        var folders: [(path: String, created: Bool)] = []
        for folder in result.folders {
            let path = (request.directory as NSString).appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                folders.append((path, false))
                continue
            }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                folders.append((path, true))
            } catch {
                throw InitFailure(
                    zh: "无法创建文件夹 \(path)：\(error.localizedDescription)",
                    en: "cannot create the folder \(path): \(error.localizedDescription)")
            }
        }
        return Report(file: file, scaffold: scaffold, result: result, folders: folders, directory: request.directory)
    }
}
