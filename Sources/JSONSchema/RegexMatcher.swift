/// A matcher for ECMA-262 patterns that runs directly on a string's UTF-8 bytes.
///
/// The pattern is compiled to a small instruction program (characters, classes, splits, jumps,
/// anchors) and run by a backtracking machine with an explicit stack and a visited set of
/// (instruction, position) states: since the patterns it accepts have no backreferences, a state that
/// failed once fails again, so every state runs at most once and matching takes time linear in
/// program size × input length, with no catastrophic backtracking and no recursion.
///
/// Patterns with backreferences, lookaround, or Unicode properties Swift cannot answer are left to
/// ICU (`init` returns nil), as are very large programs.
struct RegexProgram: Sendable {
    enum Inst: Sendable {
        case scalar(UInt32)
        case any
        case set(Int)
        /// Try `x` first, then `y`.
        case split(Int, Int)
        case jump(Int)
        case start, end
        case wordBoundary(negated: Bool)
        case match
    }

    let program: [Inst]
    let sets: [FastSet]
    let anchoredStart: Bool
    static let maxProgram = 4_000

    /// A character class with an ASCII bitmap, and its answer for the other scalars when one answer fits them all.
    struct FastSet: Sendable {
        let set: CharSet
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// Whether the set holds every non-ASCII scalar that is not an ECMA space (`ECMAClasses.isSpace`); nil when
        /// that depends on the scalar. `\S` holds them all, `[0-9A-Z]` none: text is mostly such scalars (Chinese),
        /// and the set's items need not be gone through for each.
        let nonASCIIOutsideSpaces: Bool?
        init(_ set: CharSet) {
            self.set = set
            for v in 0..<128 where set.contains(Unicode.Scalar(UInt8(v))) {
                if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
            }
            nonASCIIOutsideSpaces = Self.nonASCIIOutsideSpaces(set)
        }
        @inline(__always) func contains(_ v: UInt32) -> Bool {
            if v < 64 { return low & (1 << UInt64(v)) != 0 }
            if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
            let c = Unicode.Scalar(v) ?? "\u{FFFD}"
            if let answer = nonASCIIOutsideSpaces, !ECMAClasses.isSpace(c) { return answer }
            return set.contains(c)
        }

        /// For a non-ASCII scalar that is not a space: ASCII scalars and ranges never hold it, `\d` `\w` `\s` never
        /// do and their negations always do; anything else (a Unicode property, a non-ASCII range) depends on it.
        static func nonASCIIOutsideSpaces(_ set: CharSet) -> Bool? {
            var hit = false
            for item in set.items {
                switch item {
                case .scalar(let s): if s.value >= 0x80 { return nil }
                case .range(let a, let b): if a.value >= 0x80 || b.value >= 0x80 { return nil }
                case .digit(let negated), .word(let negated), .space(let negated): hit = hit || negated
                case .property: return nil
                }
            }
            return hit != set.negated
        }
    }

    init?(ast: RegexNode, groupCount: Int) {
        var b = Builder()
        guard b.emit(ast) else { return nil }
        b.program.append(.match)
        guard b.program.count <= RegexProgram.maxProgram else { return nil }
        program = b.program
        sets = b.sets
        if case .start? = program.first { anchoredStart = true } else { anchoredStart = false }
    }

    private struct Builder {
        var program: [Inst] = []
        var sets: [FastSet] = []

        mutating func emit(_ node: RegexNode) -> Bool {
            if program.count > RegexProgram.maxProgram { return false }
            switch node {
            case .empty: return true
            case .char(let c): program.append(.scalar(c.value)); return true
            case .any: program.append(.any); return true
            case .set(let s):
                if s.usesUnsupportedProperty { return false }
                sets.append(FastSet(s))
                program.append(.set(sets.count - 1))
                return true
            case .seq(let nodes):
                for n in nodes where !emit(n) { return false }
                return true
            case .alt(let alts):
                // split L1, next; L1: a; jump end; next: split L2, next2; …
                var jumps: [Int] = []
                for (i, a) in alts.enumerated() {
                    if i < alts.count - 1 {
                        let split = program.count
                        program.append(.split(split + 1, 0))
                        guard emit(a) else { return false }
                        jumps.append(program.count)
                        program.append(.jump(0))
                        program[split] = .split(split + 1, program.count)
                    } else {
                        guard emit(a) else { return false }
                    }
                }
                for j in jumps { program[j] = .jump(program.count) }
                return true
            case .group(let inner, _):
                return emit(inner)
            case .look, .backref:
                return false
            case .quant(let inner, let min, let max, let greedy):
                for _ in 0..<min where !emit(inner) { return false }
                if let max {
                    // Optional copies: split body, end (all ends patched to the same place).
                    var splits: [Int] = []
                    for _ in 0..<(max - min) {
                        splits.append(program.count)
                        program.append(.split(0, 0))
                        guard emit(inner) else { return false }
                        if program.count > RegexProgram.maxProgram { return false }
                    }
                    let end = program.count
                    for s in splits { program[s] = greedy ? .split(s + 1, end) : .split(end, s + 1) }
                } else {
                    let loop = program.count
                    program.append(.split(0, 0))
                    guard emit(inner) else { return false }
                    program.append(.jump(loop))
                    let end = program.count
                    program[loop] = greedy ? .split(loop + 1, end) : .split(end, loop + 1)
                }
                return true
            case .start: program.append(.start); return true
            case .end: program.append(.end); return true
            case .wordBoundary(let negated): program.append(.wordBoundary(negated: negated)); return true
            }
        }
    }

    /// Whether the pattern matches somewhere in `s`; nil when the input is too large for the matcher.
    func search(_ s: String) -> Bool? {
        if let r = s.utf8.withContiguousStorageIfAvailable({ run($0) }) { return r }
        var copy = s
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { run($0) } ?? nil
    }

    private func run(_ buf: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = buf.count
        // A lone character class (`\S`, `[0-9]`): is there such a character anywhere?
        if program.count == 2, case .set(let i) = program[0] {
            var pos = 0
            while let (c, next) = RegexProgram.decode(buf, pos) {
                if sets[i].contains(c) { return true }
                pos = next
            }
            return false
        }
        let states = program.count * (n + 1)
        guard states <= 4_000_000 else { return nil }
        let words = (states + 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { visited -> Bool in
            visited.initialize(repeating: 0)
            return withUnsafeTemporaryAllocation(of: (Int32, Int32).self, capacity: Swift.min(states, 64)) { small in
                var stack = Stack(small: small)
                defer { stack.release() }
                return program.withUnsafeBufferPointer { prog in
                    var start = 0
                    while true {
                        if execute(prog, buf, visited, &stack, start) { return true }
                        if anchoredStart || start >= n { return false }
                        start += 1
                        while start < n, buf[start] & 0xC0 == 0x80 { start += 1 }
                    }
                }
            }
        }
    }

    /// A stack of (pc, pos) that starts in a stack-allocated buffer and spills to the heap.
    private struct Stack {
        let small: UnsafeMutableBufferPointer<(Int32, Int32)>
        var heap: [(Int32, Int32)] = []
        var count = 0
        init(small: UnsafeMutableBufferPointer<(Int32, Int32)>) { self.small = small }
        @inline(__always) mutating func push(_ pc: Int, _ pos: Int) {
            if count < small.count {
                small[count] = (Int32(pc), Int32(pos))
            } else {
                heap.append((Int32(pc), Int32(pos)))
            }
            count += 1
        }
        @inline(__always) mutating func pop() -> (Int, Int)? {
            if count == 0 { return nil }
            count -= 1
            if count >= small.count { let e = heap.removeLast(); return (Int(e.0), Int(e.1)) }
            let e = small[count]
            return (Int(e.0), Int(e.1))
        }
        mutating func release() { heap = [] }
    }

    @inline(__always)
    private static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ pos: Int) -> (UInt32, Int)? {
        guard pos < buf.count else { return nil }
        let b0 = UInt32(buf[pos])
        if b0 < 0x80 { return (b0, pos + 1) }
        if b0 < 0xE0 {
            guard pos + 1 < buf.count else { return nil }
            return ((b0 & 0x1F) << 6 | UInt32(buf[pos + 1] & 0x3F), pos + 2)
        }
        if b0 < 0xF0 {
            guard pos + 2 < buf.count else { return nil }
            return ((b0 & 0x0F) << 12 | UInt32(buf[pos + 1] & 0x3F) << 6 | UInt32(buf[pos + 2] & 0x3F), pos + 3)
        }
        guard pos + 3 < buf.count else { return nil }
        return (
            (b0 & 0x07) << 18 | UInt32(buf[pos + 1] & 0x3F) << 12 | UInt32(buf[pos + 2] & 0x3F) << 6
                | UInt32(buf[pos + 3] & 0x3F), pos + 4
        )
    }

    @inline(__always)
    private static func isWordByte(_ buf: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Bool {
        guard pos >= 0, pos < buf.count else { return false }
        let b = buf[pos]
        return b < 0x80 && ECMAClasses.isWord(Unicode.Scalar(b))
    }

    private func execute(
        _ prog: UnsafeBufferPointer<Inst>, _ buf: UnsafeBufferPointer<UInt8>,
        _ visited: UnsafeMutableBufferPointer<UInt64>, _ stack: inout Stack, _ start: Int
    ) -> Bool {
        let width = buf.count + 1
        stack.push(0, start)
        while let (pc0, pos0) = stack.pop() {
            var pc = pc0
            var pos = pos0
            while true {
                let state = pc * width + pos
                let bit: UInt64 = 1 << UInt64(state & 63)
                if visited[state >> 6] & bit != 0 { break }
                visited[state >> 6] |= bit
                switch prog[pc] {
                case .scalar(let v):
                    guard let (c, next) = RegexProgram.decode(buf, pos), c == v else { break }
                    pc += 1
                    pos = next
                    continue
                case .any:
                    guard let (c, next) = RegexProgram.decode(buf, pos),
                        !(c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029)
                    else { break }
                    pc += 1
                    pos = next
                    continue
                case .set(let i):
                    guard let (c, next) = RegexProgram.decode(buf, pos), sets[i].contains(c) else { break }
                    pc += 1
                    pos = next
                    continue
                case .split(let x, let y):
                    stack.push(y, pos)
                    pc = x
                    continue
                case .jump(let x):
                    pc = x
                    continue
                case .start:
                    guard pos == 0 else { break }
                    pc += 1
                    continue
                case .end:
                    guard pos == buf.count else { break }
                    pc += 1
                    continue
                case .wordBoundary(let negated):
                    var before = false
                    if pos > 0 {
                        var p = pos - 1
                        while p > 0, buf[p] & 0xC0 == 0x80 { p -= 1 }
                        before = RegexProgram.isWordByte(buf, p)
                    }
                    let after = RegexProgram.isWordByte(buf, pos)
                    guard (before != after) != negated else { break }
                    pc += 1
                    continue
                case .match:
                    return true
                }
                break
            }
        }
        return false
    }
}
