/// Bounds that keep a hostile or broken file from taking the process down. Each breach is an error finding
/// with a position; parsing stops at the first one.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes. A larger file is refused before it is read or parsed.
    public var maxFileSize: Int
    /// Deepest nesting of sequences and mappings (the root collection is depth 1).
    public var maxDepth: Int
    /// Longest scalar, in UTF-8 bytes.
    public var maxScalarLength: Int
    /// Most nodes that aliases may add to the tree in total (an alias to an anchored subtree of n nodes adds n).
    /// Stops "billion laughs" files: they are refused as soon as the count passes the cap.
    public var maxAliasExpansion: Int

    public init(
        maxFileSize: Int = 8 << 20,
        maxDepth: Int = 100,
        maxScalarLength: Int = 1 << 20,
        maxAliasExpansion: Int = 1_000_000
    ) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxScalarLength = maxScalarLength
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// 8 MiB files, depth 100, 1 MiB scalars, 1,000,000 alias-expanded nodes.
    public static let `default` = YAMLLimits()
}
