import YAMLTree

/// The nodes a tree rule wants to see in the shared walk.
public struct TreeInterest: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Every string scalar that is a value (not a key).
    public static let strings = TreeInterest(rawValue: 1)
    /// Every sequence, with the mapping key it is under (inherited by nested sequences).
    public static let sequences = TreeInterest(rawValue: 2)
}

/// A rule that inspects the nodes of a file's tree. All such rules run in one shared walk per file (as
/// SwiftLint's and swift-format's visitor pipelines do) instead of each walking the whole tree itself: the
/// walk dispatches each node only to the rules that declared an interest in its kind. A new per-scalar rule
/// conforms, declares `.strings` and implements `visit(string:path:file:into:)`; it stays one rule per file.
public protocol TreeRule: LintRule {
    /// The nodes the walk hands to this rule.
    static var interest: TreeInterest { get }
    /// For `.strings`: the bytes a text must hold (one of them) for the rule to find anything in it, or nil for
    /// every text. The walk reads each text's bytes once for all rules and skips the rules it cannot concern.
    static var stringBytes: TextBytes? { get }
    /// A string scalar value; `path` is its identity path (built only when asked for).
    func visit(string node: YAMLNode, path: TreePath, file: LintFile, into out: inout [LintViolation])
    /// A sequence under mapping key `key`, before the walk descends into its elements; `path` leads to it.
    func visit(
        sequence node: YAMLNode, items: [YAMLNode], key: String, path: inout TreePath, file: LintFile,
        into out: inout [LintViolation])
}

extension TreeRule {
    public static var stringBytes: TextBytes? { nil }

    public var asTreeRule: (any TreeRule)? { self }

    public func visit(string node: YAMLNode, path: TreePath, file: LintFile, into out: inout [LintViolation]) {}

    public func visit(
        sequence node: YAMLNode, items: [YAMLNode], key: String, path: inout TreePath, file: LintFile,
        into out: inout [LintViolation]
    ) {}

    /// The rule alone (its examples, `--fix` of one rule): a walk with only this rule.
    public func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        TreeWalk.run([self], over: file)[0]
    }
}

/// One traversal of a file's tree feeding every interested tree rule.
enum TreeWalk {
    /// The violations of each rule, in the order of `rules` (each rule's own in the order it found them).
    static func run(_ rules: [any TreeRule], over file: LintFile) -> [[LintViolation]] {
        var walk = Walk(file: file, rules: rules)
        var path = TreePath(root: file.root)
        walk.visit(file.root, key: "", path: &path)
        return walk.out
    }

    private struct Walk {
        let file: LintFile
        let rules: [any TreeRule]
        /// Indexes into `rules` of those interested in strings and in sequences.
        let stringRules: [Int]
        let sequenceRules: [Int]
        /// `stringBytes` of each rule in `stringRules`, and whether any is set (else a text's bytes are not read).
        let stringBytes: [TextBytes?]
        let readsBytes: Bool
        var out: [[LintViolation]]

        init(file: LintFile, rules: [any TreeRule]) {
            self.file = file
            self.rules = rules
            stringRules = rules.indices.filter { type(of: rules[$0]).interest.contains(.strings) }
            sequenceRules = rules.indices.filter { type(of: rules[$0]).interest.contains(.sequences) }
            stringBytes = stringRules.map { type(of: rules[$0]).stringBytes }
            readsBytes = stringBytes.contains { $0 != nil }
            out = Array(repeating: [], count: rules.count)
        }

        // Children are read in place (`pairs[index].value`), not bound by `for … in`: each binding copied a
        // `YAMLNode`, a large struct whose copy retains several references.
        mutating func visit(_ node: YAMLNode, key: String, path: inout TreePath) {
            switch node.value {
            case .string(let text):
                visit(string: node, text: text, path: path)
            case .mapping(let pairs):
                for index in pairs.indices {
                    path.components.append(.pair(index))
                    defer { path.components.removeLast() }
                    // A string value needs no key: only sequences (and what they hold) are told theirs. Its node is
                    // handed on only when its bytes concern a rule (most texts concern none): passing it copied it.
                    if case .string(let text) = pairs[index].value.value {
                        if concernsARule(text) { visit(string: pairs[index].value, text: text, path: path) }
                        continue
                    }
                    visit(pairs[index].value, key: pairs[index].key.keyText, path: &path)
                }
            case .sequence(let items):
                for i in sequenceRules {
                    rules[i].visit(sequence: node, items: items, key: key, path: &path, file: file, into: &out[i])
                }
                for index in items.indices {
                    if case .string(let text) = items[index].value {
                        guard concernsARule(text) else { continue }
                    }
                    path.components.append(.element(index))
                    visit(items[index], key: key, path: &path)
                    path.components.removeLast()
                }
            default:
                break
            }
        }

        /// Whether any string rule may find something in `text` (its bytes meet a rule's `stringBytes`).
        @inline(__always)
        func concernsARule(_ text: String) -> Bool {
            if stringRules.isEmpty { return false }
            if !readsBytes { return true }
            let found = TextBytes.of(text)
            for needed in stringBytes {
                guard let needed else { return true }
                if !found.isDisjoint(with: needed) { return true }
            }
            return false
        }

        /// A string value, to each string rule its bytes may concern.
        mutating func visit(string node: YAMLNode, text: String, path: TreePath) {
            let found = readsBytes ? TextBytes.of(text) : []
            for (n, i) in stringRules.enumerated() {
                if let needed = stringBytes[n], found.isDisjoint(with: needed) { continue }
                rules[i].visit(string: node, path: path, file: file, into: &out[i])
            }
        }
    }
}
