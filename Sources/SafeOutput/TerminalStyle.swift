/// An ANSI SGR style for terminal output (`1;31`: bold red). Whether a stream gets colour at all is the
/// command line's decision (`--color`, `NO_COLOR`, a terminal or not); reporters only ask `paint`.
public struct TerminalStyle: Sendable, Hashable {
    /// The SGR parameters, such as `1;31`.
    public var codes: String

    public init(_ codes: String) { self.codes = codes }

    public static let bold = TerminalStyle("1")
    public static let dim = TerminalStyle("2")
    public static let red = TerminalStyle("31")
    public static let green = TerminalStyle("32")
    public static let yellow = TerminalStyle("33")
    public static let cyan = TerminalStyle("36")
    public static let boldRed = TerminalStyle("1;31")
    public static let boldYellow = TerminalStyle("1;33")
    public static let boldBlue = TerminalStyle("1;34")
    /// Deleted text in an inline diff.
    public static let struckRed = TerminalStyle("9;31")
    /// Inserted text in an inline diff.
    public static let underlinedGreen = TerminalStyle("4;32")

    /// `text` in this style when `enabled`, else `text` unchanged.
    public func paint(_ text: String, enabled: Bool) -> String {
        enabled ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }
}
