import Diagnostics
import Foundation

/// The registry `gkml domains` lists: the pilot domains and those of a workspace — the one given, or the one
/// enclosing the current folder.
public enum DomainListing {
    /// The registry; a given workspace that cannot be read is a failure carrying its findings, while an
    /// enclosing one that cannot be read is passed over (the pilot domains are still listed).
    public static func registry(workspace given: String?, from current: String = ".") -> Result<
        DomainRegistry, WorkspaceUnreadable
    > {
        guard
            let folder = given
                ?? WorkspaceLoader.enclosingWorkspace(of: current).map({ ($0 as NSString).deletingLastPathComponent })
        else { return .success(.pilot) }
        let loaded = WorkspaceLoader.load(path: (folder as NSString).appendingPathComponent(WorkspaceLoader.fileName))
        if let workspace = loaded.workspace { return .success(DomainRegistry.pilot.adding(workspace.extraDomains)) }
        return given == nil ? .success(.pilot) : .failure(WorkspaceUnreadable(loaded: loaded))
    }

    /// A workspace given by the user that could not be read.
    public struct WorkspaceUnreadable: Error, Sendable {
        public var loaded: LoadedWorkspace
    }
}
