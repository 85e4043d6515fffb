/// The rules of a robots.txt that apply to one user agent (the group naming it, else the `*` group), with
/// the longest matching rule deciding and `Allow` winning ties, as RFC 9309 says.
public struct RobotsRules: Sendable {
    struct Rule: Sendable { var allow: Bool; var pattern: String }
    var rules: [Rule]

    /// Everything allowed (no robots.txt, or an unreadable one).
    public static let allowAll = RobotsRules(rules: [])

    init(rules: [Rule]) { self.rules = rules }

    /// Parses `text` for the agent token `agent` (matched case-insensitively as a substring of the group's name).
    public init(text: String, agent: String) {
        var groups: [(agents: [String], rules: [Rule])] = []
        var current: (agents: [String], rules: [Rule])?
        var lastWasAgent = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            let key = parts[0].lowercased(), value = parts[1]
            switch key {
            case "user-agent":
                if !lastWasAgent { if let c = current { groups.append(c) }; current = ([], []) }
                current?.agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                // An empty Disallow allows everything; it adds no rule.
                if !value.isEmpty { current?.rules.append(Rule(allow: key == "allow", pattern: value)) }
            default:
                lastWasAgent = false
            }
        }
        if let c = current { groups.append(c) }
        let token = agent.lowercased()
        let specific = groups.filter {
            $0.agents.contains { $0 != "*" && token.contains($0) || $0.contains(token) && $0 != "*" }
        }
        let chosen = specific.isEmpty ? groups.filter { $0.agents.contains("*") } : specific
        rules = chosen.flatMap(\.rules)
    }

    /// Whether `path` (with its query) may be fetched.
    public func allows(_ path: String) -> Bool {
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            if best == nil || rule.pattern.count > best!.pattern.count
                || (rule.pattern.count == best!.pattern.count && rule.allow)
            {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// Prefix match with `*` (any run) and a final `$` (end of path).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var p = Substring(pattern)
        let anchored = p.hasSuffix("$")
        if anchored { p = p.dropLast() }
        let pieces = p.split(separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(path)
        for (i, piece) in pieces.enumerated() {
            if i == 0 {
                guard rest.hasPrefix(piece) else { return false }
                rest = rest.dropFirst(piece.count)
            } else if let r = rest.range(of: piece) {
                rest = rest[r.upperBound...]
            } else {
                return false
            }
        }
        return !anchored || rest.isEmpty || pieces.last == ""
    }
}
