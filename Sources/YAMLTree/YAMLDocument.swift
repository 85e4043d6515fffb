import Diagnostics

/// One parsed YAML (or JSON) file.
public struct YAMLDocument: Sendable {
    /// How the file ends its lines.
    public enum LineEnding: Sendable, Hashable {
        case lf, crlf, cr
        /// More than one kind of line ending.
        case mixed
        /// No line break at all (a one-line file without a final newline).
        case none
    }

    /// The root node (any kind: the catalog layer decides whether a list or a scalar root is acceptable).
    public var root: YAMLNode
    /// The file name used in every finding's location.
    public var file: String
    /// The bytes as read, including a BOM if there was one.
    public var source: [UInt8]
    /// Whether the file starts with a UTF-8 byte-order mark (positions never count it).
    public var hasBOM: Bool
    /// The file's line endings (so that `--fix` can write them back the same way).
    public var lineEnding: LineEnding
    /// Nodes parsed from the text (aliases count once, not by what they expand to).
    public var nodeCount: Int

    public init(
        root: YAMLNode,
        file: String,
        source: [UInt8],
        hasBOM: Bool = false,
        lineEnding: LineEnding = .lf,
        nodeCount: Int = 0
    ) {
        self.root = root
        self.file = file
        self.source = source
        self.hasBOM = hasBOM
        self.lineEnding = lineEnding
        self.nodeCount = nodeCount
    }

    /// The text of a 1-based line (lines end at LF, CR or CRLF, as in editors), without its line break.
    /// `nil` past the end. Invalid UTF-8 is repaired with U+FFFD.
    public func line(_ number: Int) -> String? {
        SourceText.line(number, in: source)
    }

    /// The location of a node in this file.
    public func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, position: node.start)
    }
}

/// What `YAMLParser.parse` returns.
///
/// `document` is non-nil whenever a tree could be built. It can be non-nil while `findings` holds errors that
/// do not stop the tree from being built (duplicate keys, an alias to an unknown anchor, a second document,
/// a value that does not match its explicit tag): validate it if you want to report more problems in one
/// run, but treat the file as failed when `hasErrors`. Encoding errors, syntax errors, limits, I/O errors
/// and an empty file leave `document` nil.
public struct YAMLParseResult: Sendable {
    public var document: YAMLDocument?
    public var findings: [Finding]

    public init(document: YAMLDocument?, findings: [Finding]) {
        self.document = document
        self.findings = findings
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// The document, only if there are no errors.
    public var cleanDocument: YAMLDocument? { hasErrors ? nil : document }
}
