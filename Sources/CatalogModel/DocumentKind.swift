import YAMLTree

/// Which schema a YAML file is checked against, chosen by its 格式 (DESIGN §2).
public enum DocumentKind: Sendable, Hashable {
    case catalog
    case workspace

    /// By `格式` when it names a known format; otherwise by file name (gkml.yaml is a workspace).
    public static func of(_ root: YAMLNode?, file: String) -> DocumentKind {
        switch root?["格式"]?.string {
        case "gkml/1": return .catalog
        case "gkml-workspace/1": return .workspace
        default:
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return name == WorkspaceLoader.fileName ? .workspace : .catalog
        }
    }
}
