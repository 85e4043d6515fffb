import Diagnostics
import Foundation
import YAMLTree

/// What reading a gkml.yaml produced.
public struct LoadedWorkspace: Sendable {
    public var file: String
    public var document: YAMLDocument?
    public var workspace: Workspace? {
        didSet { registry = Self.registry(of: workspace) }
    }
    public var findings: [Finding]

    /// The registry of this workspace: the pilot domains plus its own. Built once, when the workspace is set: every
    /// group of a province's run reads it, and copies of one registry share their storage (2,000 registries built
    /// one per group held 20 MB at 1M items).
    public private(set) var registry: DomainRegistry

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    public init(file: String, document: YAMLDocument?, workspace: Workspace?, findings: [Finding]) {
        self.file = file
        self.document = document
        self.workspace = workspace
        self.findings = findings
        registry = Self.registry(of: workspace)
    }

    static func registry(of workspace: Workspace?) -> DomainRegistry {
        workspace.map { DomainRegistry.pilot.adding($0.extraDomains) } ?? .pilot
    }
}

/// Reads a workspace's gkml.yaml: bytes → tree → workspace schema → `Workspace`.
public enum WorkspaceLoader {
    /// The file name that marks a folder as a workspace.
    public static let fileName = "gkml.yaml"

    public static func load(path: String) -> LoadedWorkspace {
        check(YAMLParser.parseFile(atPath: path), file: path)
    }

    /// The stages after parsing, for callers that parsed the file themselves.
    public static func check(_ parsed: YAMLParseResult, file path: String) -> LoadedWorkspace {
        guard let document = parsed.document else {
            return LoadedWorkspace(
                file: path, document: nil, workspace: nil, findings: CertainFixes.review(parsed.findings))
        }
        var findings = CertainFixes.review(parsed.findings)
        findings += SchemaCheck.workspace.check(document)
        var workspace: Workspace?
        if !findings.contains(where: { $0.severity == .error }) {
            let root = (path as NSString).deletingLastPathComponent
            workspace = WorkspaceDecoder.decode(document.root, file: path, rootFolder: root.isEmpty ? "." : root)
        }
        return LoadedWorkspace(file: path, document: document, workspace: workspace, findings: findings)
    }

    /// The nearest gkml.yaml in `folder` or above it, if any (so a township folder is checked in its county's context).
    public static func enclosingWorkspace(of folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        for _ in 0..<64 {
            let candidate = url.appendingPathComponent(fileName).path
            // Only a file that can be read: a FIFO named gkml.yaml would block the load (docs/hostile-files.md).
            switch FileEntry.kind(of: candidate) {
            case .regular, .linkToFile: return candidate
            default: break
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
        return nil
    }
}
