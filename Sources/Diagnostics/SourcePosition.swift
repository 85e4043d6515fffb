/// A place in a source file: 1-based line and 1-based column counted in Unicode scalars (characters), not bytes.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A file and, where one exists, a position in it.
public struct SourceLocation: Hashable, Sendable {
    /// The path as the user gave it (relative paths stay relative).
    public var file: String
    public var position: SourcePosition?
    /// Where the located text ends (exclusive), when known: the reporter underlines up to it on the same line.
    public var end: SourcePosition?

    public init(file: String, position: SourcePosition? = nil, end: SourcePosition? = nil) {
        self.file = file
        self.position = position
        self.end = end
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: file, position: SourcePosition(line: line, column: column))
    }
}
