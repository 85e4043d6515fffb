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
                if let found = concern(text) { visit(string: node, found: found, path: path) }
            case .mapping(let pairs):
                for index in pairs.indices {
                    path.components.append(.pair(index))
                    defer { path.components.removeLast() }
                    // A string value needs no key: only sequences (and what they hold) are told theirs.
                    if case .string(let text) = pairs[index].value.value {
                        if let found = concern(text) { visit(string: pairs[index].value, found: found, path: path) }
                        continue
                    }
                    visit(pairs[index].value, key: pairs[index].key.keyText, path: &path)
                }
            case .sequence(let items):
                for i in sequenceRules {
                    rules[i].visit(sequence: node, items: items, key: key, path: &path, file: file, into: &out[i])
                }
                for index in items.indices {
                    // A string entry that concerns no rule is passed over before its path is made.
                    var found: TextBytes?
                    if case .string(let text) = items[index].value {
                        found = concern(text)
                        if found == nil { continue }
                    }
                    path.components.append(.element(index))
                    if let found {
                        visit(string: items[index], found: found, path: path)
                    } else {
                        visit(items[index], key: key, path: &path)
                    }
                    path.components.removeLast()
                }
            default:
                break
            }
        }

        /// The byte classes of `text` when a string rule may find something in it (its bytes meet a rule's
        /// `stringBytes`), else nil. A string child is handed on only then: most texts concern no rule, and handing
        /// on the node copied it.
        @inline(__always)
        func concern(_ text: String) -> TextBytes? {
            if stringRules.isEmpty { return nil }
            if !readsBytes { return [] }
            let found = TextBytes.of(text)
            for needed in stringBytes where needed.map({ !found.isDisjoint(with: $0) }) ?? true { return found }
            return nil
        }

        /// A string value, to each string rule its bytes (`found`, from `concern`) may concern.
        mutating func visit(string node: YAMLNode, found: TextBytes, path: TreePath) {
            for (n, i) in stringRules.enumerated() {
                if let needed = stringBytes[n], found.isDisjoint(with: needed) { continue }
                rules[i].visit(string: node, path: path, file: file, into: &out[i])
            }
        }
    }
}
