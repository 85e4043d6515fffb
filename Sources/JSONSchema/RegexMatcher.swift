/// A backtracking matcher for ECMA-262 patterns (placeholder: every pattern goes to ICU for now).
struct RegexProgram: Sendable {
    init?(ast: RegexNode, groupCount: Int) { return nil }
    func search(_ s: String) -> Bool { false }
}
